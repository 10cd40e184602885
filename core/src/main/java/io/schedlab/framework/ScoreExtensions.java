package io.schedlab.framework;

import java.util.List;

/**
 * NormalizeScore: called once per cycle with all of this plugin's scores; rewrites them in place
 * ({@code scores[i]} belongs to {@code nodes.get(i)}) into [0, 100].
 */
public interface ScoreExtensions {
  Status normalizeScore(CycleState state, PodInfo pod, List<NodeInfo> nodes, long[] scores);
}
