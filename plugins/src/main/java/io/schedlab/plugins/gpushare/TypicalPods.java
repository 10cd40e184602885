package io.schedlab.plugins.gpushare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload's typical pods: demand classes (CPU milli, per-GPU milli, GPU count, model; memory
 * is not part of a class) with their popularity, most popular first. Classes are taken in steps
 * of {@code step} until their cumulated share of the pods reaches {@code thresholdPercent}; the
 * kept popularities are then rescaled to sum to 1 (unless every class was kept, where they
 * already do).
 */
public final class TypicalPods {
  public static final int DEFAULT_THRESHOLD_PERCENT = 60;
  public static final int DEFAULT_STEP = 10;

  /** One class of pods and its share (0..1) of the typical pods. */
  public record PodClass(long cpuMilli, int gpuMilli, int gpuCount, String gpuModel,
      double popularity) {}

  private final long[] cpuMilli;
  private final int[] gpuMilli;
  private final int[] gpuCount;
  private final String[] gpuModel;
  private final double[] popularity;

  private TypicalPods(List<PodClass> classes) {
    int n = classes.size();
    cpuMilli = new long[n];
    gpuMilli = new int[n];
    gpuCount = new int[n];
    gpuModel = new String[n];
    popularity = new double[n];
    for (int i = 0; i < n; i++) {
      PodClass c = classes.get(i);
      cpuMilli[i] = c.cpuMilli();
      gpuMilli[i] = c.gpuMilli();
      gpuCount[i] = c.gpuCount();
      gpuModel[i] = c.gpuModel();
      popularity[i] = c.popularity();
    }
  }

  /** Explicit classes, in the given order (for tests and precomputed distributions). */
  public static TypicalPods ofClasses(List<PodClass> classes) {
    return new TypicalPods(classes);
  }

  /** The default selection: GPU pods only, 60 % threshold, steps of 10, no GPU weighting. */
  public static TypicalPods of(List<GpuDemand> demands) {
    return of(demands, DEFAULT_THRESHOLD_PERCENT, DEFAULT_STEP, false, 0);
  }

  /**
   * @param thresholdPercent popularity to cover, percent; non-positive means the default
   * @param step classes taken per round; non-positive means the default
   * @param includeCpuPods whether pods without GPUs count
   * @param gpuResWeight when positive, a whole-GPU pod counts 1 + gpuCount × weight
   */
  public static TypicalPods of(List<GpuDemand> demands, int thresholdPercent, int step,
      boolean includeCpuPods, double gpuResWeight) {
    int threshold = thresholdPercent > 0 ? thresholdPercent : DEFAULT_THRESHOLD_PERCENT;
    int stride = step > 0 ? step : DEFAULT_STEP;
    Map<PodClass, double[]> counts = new HashMap<>();
    List<PodClass> keys = new ArrayList<>();
    double total = 0;
    for (GpuDemand d : demands) {
      if (!includeCpuPods && d.gpuCount() == 0) {
        continue;
      }
      double weight = 1;
      if (gpuResWeight > 0 && d.gpuMilli() == GpuDemand.MILLI) {
        weight = 1 + d.gpuCount() * gpuResWeight;
      }
      PodClass key = new PodClass(d.cpuMilli(), d.gpuMilli(), d.gpuCount(), d.gpuModel(), 0);
      double[] cell = counts.get(key);
      if (cell == null) {
        cell = new double[1];
        counts.put(key, cell);
        keys.add(key);
      }
      cell[0] += weight;
      total += weight;
    }
    PodClass[] sorted = new PodClass[keys.size()];
    for (int i = 0; i < sorted.length; i++) {
      PodClass k = keys.get(i);
      sorted[i] = new PodClass(k.cpuMilli(), k.gpuMilli(), k.gpuCount(), k.gpuModel(),
          counts.get(k)[0]);
    }
    // Most popular first; equal counts fall back to the class fields, largest first, so the
    // order does not depend on arrival order.
    Arrays.sort(sorted, TypicalPods::compareDescending);

    double expected = threshold * total / 100.0;
    double cumulated = 0;
    int kept = 0;
    int limit = 0;
    while (cumulated < expected) {
      limit += stride;
      while (kept < limit && kept < sorted.length) {
        cumulated += sorted[kept].popularity();
        kept++;
      }
    }
    List<PodClass> out = new ArrayList<>(kept);
    boolean all = kept >= sorted.length;
    for (int i = 0; i < kept; i++) {
      PodClass c = sorted[i];
      double share = c.popularity() / total;
      if (!all) {
        share /= cumulated / total;
      }
      out.add(new PodClass(c.cpuMilli(), c.gpuMilli(), c.gpuCount(), c.gpuModel(), share));
    }
    return new TypicalPods(out);
  }

  private static int compareDescending(PodClass a, PodClass b) {
    if (a.popularity() != b.popularity()) {
      return Double.compare(b.popularity(), a.popularity());
    }
    if (a.cpuMilli() != b.cpuMilli()) {
      return Long.compare(b.cpuMilli(), a.cpuMilli());
    }
    if (a.gpuMilli() != b.gpuMilli()) {
      return Integer.compare(b.gpuMilli(), a.gpuMilli());
    }
    if (a.gpuCount() != b.gpuCount()) {
      return Integer.compare(b.gpuCount(), a.gpuCount());
    }
    return b.gpuModel().compareTo(a.gpuModel());
  }

  public int size() {
    return popularity.length;
  }

  public PodClass get(int i) {
    return new PodClass(cpuMilli[i], gpuMilli[i], gpuCount[i], gpuModel[i], popularity[i]);
  }

  long cpuMilli(int i) {
    return cpuMilli[i];
  }

  int gpuMilli(int i) {
    return gpuMilli[i];
  }

  int gpuCount(int i) {
    return gpuCount[i];
  }

  String gpuModel(int i) {
    return gpuModel[i];
  }

  double popularity(int i) {
    return popularity[i];
  }
}
