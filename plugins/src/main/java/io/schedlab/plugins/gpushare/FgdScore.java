package io.schedlab.plugins.gpushare;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * FGDScore, the FGD paper's policy: a node scores {@code trunc(sigmoid((before - after) / 1000) ×
 * 100)}, where before and after are its GPU fragmentation amount against the typical pods without
 * and with the pod ({@link Fragmentation#fgd}; a GPU share is tried on every device that fits and
 * the best kept). A pod that states no request at all scores 100 everywhere; a node whose model the
 * pod does not accept is an Error, as in the artifact. No NormalizeScore.
 *
 * <p>Typical pods come from the {@code typicalPods} args, else are derived once from the snapshot's
 * pods plus the pod at hand at the first PreScore or Score (see ProfileTypicalPods). PreScore
 * also reads the pod's demand once for the cycle. {@code dimExtMethod} and {@code normMethod},
 * which the artifact's configurations pass to FGDScore too, are checked and have no effect.
 *
 * <p>Implementation note: a node's fragmentation before the pod, and its FGD score per pod shape,
 * are cached in its {@link GpuNodeView}, so an unchanged node scores a known shape in one lookup.
 */
public final class FgdScore extends GpuLedgerScore {
  public static final String NAME = "FGDScore";

  private static final double POPULARITY_SLACK = 1e-9;

  private final Handle handle;
  private final ProfileTypicalPods typicalPods;

  public FgdScore(FgdScoreArgs args, Handle handle) {
    super(NAME, handle);
    GpuPluginArgs.dimExt("dimExtMethod", args.dimExtMethod());
    GpuPluginArgs.norm("normMethod", args.normMethod());
    TypicalPods configured = typicalPods(args);
    this.handle = handle;
    this.typicalPods = ProfileTypicalPods.of(handle);
    if (configured != null) {
      typicalPods.configure(configured);
    }
  }

  /** The configured typical pods, validated; null when the args give none. */
  static TypicalPods typicalPods(FgdScoreArgs args) {
    List<FgdScoreArgs.TypicalPod> list = args.typicalPods();
    if (list.isEmpty()) {
      return null;
    }
    List<TypicalPods.PodClass> classes = new ArrayList<>(list.size());
    double total = 0;
    for (int i = 0; i < list.size(); i++) {
      String at = "typicalPods[" + i + "]";
      FgdScoreArgs.TypicalPod t = list.get(i);
      if (t == null) {
        throw new PluginArgsException(at, "expected a typical pod {cpuMilli, gpuMilli, gpuCount,"
            + " gpuModel, popularity}, got null");
      }
      long cpu = t.cpuMilli() == null ? 0 : t.cpuMilli();
      int milli = t.gpuMilli() == null ? 0 : t.gpuMilli();
      int count = t.gpuCount() == null ? 0 : t.gpuCount();
      if (cpu < 0) {
        throw new PluginArgsException(at + ".cpuMilli", "expected >= 0, got " + cpu);
      }
      if (milli < 0 || milli > GpuDemand.MILLI) {
        throw new PluginArgsException(at + ".gpuMilli", "expected 0..1000, got " + milli);
      }
      if (count < 0) {
        throw new PluginArgsException(at + ".gpuCount", "expected >= 0, got " + count);
      }
      if ((milli == 0) != (count == 0)) {
        throw new PluginArgsException(at, "expected gpuMilli and gpuCount both 0 (a CPU pod) or"
            + " both positive, got gpuMilli " + milli + " and gpuCount " + count);
      }
      Double p = t.popularity();
      if (p == null || !(p > 0 && p <= 1)) {
        throw new PluginArgsException(at + ".popularity",
            "expected a number in (0, 1], got " + p);
      }
      total += p;
      classes.add(new TypicalPods.PodClass(cpu, milli, count,
          t.gpuModel() == null ? "" : t.gpuModel(), p));
    }
    if (total > 1 + POPULARITY_SLACK) {
      throw new PluginArgsException("typicalPods",
          "expected popularities adding up to at most 1, got " + total);
    }
    return TypicalPods.ofClasses(classes);
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    super.preScore(state, pod, nodes);
    typicalPods.get(handle.snapshot(), pod);
    return Status.SUCCESS;
  }

  @Override
  long score(PodGpuDemand d, PodInfo pod, NodeInfo node) {
    if (d.requestsNothing()) {
      return MAX_NODE_SCORE;
    }
    GpuNodeView view = view(node);
    GpuScoreChecks.requireModel(node, view.state(), pod, d.demand());
    TypicalPods typical = typicalPods.get(handle.snapshot(), pod);
    return view.fgdScore(d.demand(), typical);
  }
}
