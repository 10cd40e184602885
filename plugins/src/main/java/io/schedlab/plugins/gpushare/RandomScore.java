package io.schedlab.plugins.gpushare;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.ImmutableStateData;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.Status;
import java.util.List;

/**
 * RandomScore, the artifact's random baseline: PreScore draws one feasible node with the
 * scheduler's seeded {@link Handle#random()}; Score gives it 100 and every other node 0. Score
 * without a PreScore in the cycle is an Error (enable the plugin at preScore too, or through
 * multiPoint). No NormalizeScore.
 */
public final class RandomScore implements PreScorePlugin, ScorePlugin {
  public static final String NAME = "RandomScore";

  private static final CycleState.Key<Pick> KEY = CycleState.Key.of("PreScore" + NAME);

  /** The node PreScore drew. */
  record Pick(String nodeName) implements ImmutableStateData {}

  private final Handle handle;

  public RandomScore(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    if (nodes.isEmpty()) {
      return Status.SKIP;
    }
    state.write(KEY, new Pick(nodes.get(handle.random().nextInt(nodes.size())).name()));
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    return state.require(KEY).nodeName().equals(node.name()) ? MAX_NODE_SCORE : MIN_NODE_SCORE;
  }
}
