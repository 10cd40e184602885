package io.schedlab.plugins.tainttoleration;

import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import io.schedlab.api.match.Tolerations;
import io.schedlab.framework.ClusterEvent;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.EnqueueExtensions;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeTable;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.ScoreNormalizer;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Filter: rejects nodes with a NoSchedule or NoExecute taint the pod does not tolerate.
 * Score: counts the PreferNoSchedule taints the pod does not tolerate; NormalizeScore reverses
 * the count into [0, 100], so fewer intolerable taints score higher.
 */
public final class TaintToleration
    implements FilterPlugin, PreScorePlugin, ScorePlugin, ScoreExtensions, EnqueueExtensions {
  public static final String NAME = "TaintToleration";
  public static final String ERR_REASON_NOT_MATCH = "node(s) had untolerated taint(s)";

  private static final Status REJECT = Status.unresolvable(ERR_REASON_NOT_MATCH);
  private static final CycleState.Key<PreScoreState> KEY = CycleState.Key.of("PreScore" + NAME);

  /** The pod's tolerations that can apply to PreferNoSchedule taints. */
  record PreScoreState(List<Toleration> tolerationsPreferNoSchedule) implements ImmutableStateData {
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
    List<Taint> taints = node.taints();
    if (taints.isEmpty()) {
      return Status.SUCCESS;
    }
    Taint untolerated =
        Tolerations.findUntoleratedTaint(
            taints,
            pod.pod().spec().tolerations(),
            t -> "NoSchedule".equals(t.effect()) || "NoExecute".equals(t.effect()));
    return untolerated == null ? Status.SUCCESS : REJECT;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    List<Toleration> matching = new ArrayList<>();
    for (Toleration t : pod.pod().spec().tolerations()) {
      if (t.effect() == null || t.effect().isEmpty() || "PreferNoSchedule".equals(t.effect())) {
        matching.add(t);
      }
    }
    state.write(KEY, new PreScoreState(matching));
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.require(KEY);
    List<Taint> taints = node.taints();
    if (taints.isEmpty()) {
      return 0;
    }
    long count = 0;
    for (Taint taint : taints) {
      if ("PreferNoSchedule".equals(taint.effect())
          && !Tolerations.toleratesAll(s.tolerationsPreferNoSchedule(), taint)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public ScoreExtensions scoreExtensions() {
    return this;
  }

  @Override
  public Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores) {
    ScoreNormalizer.defaultNormalize(MAX_NODE_SCORE, true, scores);
    return Status.SUCCESS;
  }

  @Override
  public List<ClusterEvent> eventsToRegister() {
    return List.of(
        new ClusterEvent(ClusterEvent.Resource.NODE, ClusterEvent.ADD | ClusterEvent.UPDATE_NODE_TAINT),
        new ClusterEvent(ClusterEvent.Resource.POD, ClusterEvent.UPDATE_POD_TOLERATIONS));
  }

  // Written here, not shared, so the call to score has one receiver class and inlines.
  @Override
  public RangeScorer rangeScorer() {
    return (state, pod, run, out) -> {
      NodeTable table = run.table();
      for (int i = run.from(), to = run.to(); i < to; i++) {
        // An untainted node scores 0 without its NodeInfo being read.
        out[i] = table != null && !table.tainted(run.row(i)) ? 0 : score(state, pod, run.node(i));
      }
    };
  }

  // Written here, not shared, so the call to filter has one receiver class and inlines.
  @Override
  public RangeFilter rangeFilter() {
    return (state, pod, run) -> {
      NodeTable table = run.table();
      for (int i = run.from(), to = run.to(); i < to; i++) {
        // An untainted node passes without its NodeInfo being read.
        if (run.alive(i) && (table == null || table.tainted(run.row(i)))) {
          Status s = filter(state, pod, run.node(i));
          if (!s.isSuccess()) {
            run.reject(i, s);
          }
        }
      }
    };
  }
}
