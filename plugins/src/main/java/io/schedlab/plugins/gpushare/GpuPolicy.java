package io.schedlab.plugins.gpushare;

import java.util.List;
import java.util.Locale;

/**
 * One scheduling policy of the FGD experiment: the single score plugin that runs, and the
 * Open-Gpu-Share arguments that go with it. The six presets are the artifact's
 * ({@code generate_run_scripts.py}): Random (random devices), DotProd (best devices, merge, max),
 * GpuClustering, GpuPacking and BestFit (best devices), FGD (FGD devices, share, max).
 */
public record GpuPolicy(String id, Score score, GpuSelection selection, DotProduct.DimExt dimExt,
    DotProduct.Norm norm) {

  /** The score plugins, by the artifact's plugin names. */
  public enum Score {
    RANDOM("RandomScore"),
    DOT_PRODUCT("DotProductScore"),
    GPU_CLUSTERING("GpuClusteringScore"),
    GPU_PACKING("GpuPackingScore"),
    BEST_FIT("BestFitScore"),
    FGD("FGDScore");

    private final String pluginName;

    Score(String pluginName) {
      this.pluginName = pluginName;
    }

    public String pluginName() {
      return pluginName;
    }
  }

  public static final GpuPolicy RANDOM = new GpuPolicy("01-Random", Score.RANDOM,
      GpuSelection.RANDOM, DotProduct.DimExt.SHARE, DotProduct.Norm.MAX);
  public static final GpuPolicy DOT_PROD = new GpuPolicy("02-DotProd", Score.DOT_PRODUCT,
      GpuSelection.BEST, DotProduct.DimExt.MERGE, DotProduct.Norm.MAX);
  public static final GpuPolicy GPU_CLUSTERING = new GpuPolicy("03-GpuClustering",
      Score.GPU_CLUSTERING, GpuSelection.BEST, DotProduct.DimExt.SHARE, DotProduct.Norm.MAX);
  public static final GpuPolicy GPU_PACKING = new GpuPolicy("04-GpuPacking", Score.GPU_PACKING,
      GpuSelection.BEST, DotProduct.DimExt.SHARE, DotProduct.Norm.MAX);
  public static final GpuPolicy BEST_FIT = new GpuPolicy("05-BestFit", Score.BEST_FIT,
      GpuSelection.BEST, DotProduct.DimExt.SHARE, DotProduct.Norm.MAX);
  public static final GpuPolicy FGD = new GpuPolicy("06-FGD", Score.FGD, GpuSelection.FGD,
      DotProduct.DimExt.SHARE, DotProduct.Norm.MAX);

  /** The artifact's six, in its order. */
  public static final List<GpuPolicy> ALL =
      List.of(RANDOM, DOT_PROD, GPU_CLUSTERING, GPU_PACKING, BEST_FIT, FGD);

  /** The name without the artifact's number: Random, DotProd, ... */
  public String shortName() {
    int dash = id.indexOf('-');
    return dash < 0 ? id : id.substring(dash + 1);
  }

  /**
   * A preset by its name, with or without the number ({@code FGD}, {@code 06-FGD}), or by its
   * score plugin's name ({@code FGDScore}); case does not matter.
   */
  public static GpuPolicy byName(String field, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    for (GpuPolicy p : ALL) {
      if (p.id.toLowerCase(Locale.ROOT).equals(t) || p.shortName().toLowerCase(Locale.ROOT).equals(t)
          || p.score.pluginName().toLowerCase(Locale.ROOT).equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException(field + ": expected one of Random, DotProd, GpuClustering, "
        + "GpuPacking, BestFit, FGD or all, got '" + text + "'");
  }
}
