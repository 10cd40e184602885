package io.schedlab.framework;

/**
 * Ranks a feasible node. Called for each feasible node, possibly from several threads, so it
 * must only read state. Returns the raw score; after {@link ScoreExtensions#normalizeScore} the
 * score must lie in [{@link #MIN_NODE_SCORE}, {@link #MAX_NODE_SCORE}], and the framework then
 * multiplies it by the plugin's weight. An internal failure is reported by throwing {@link
 * StatusException}, which aborts the cycle with an Error.
 */
public interface ScorePlugin extends Plugin {
  long MAX_NODE_SCORE = 100;
  long MIN_NODE_SCORE = 0;

  long score(CycleState state, PodInfo pod, NodeInfo node);

  /** NormalizeScore, or null when the raw scores are already in range. */
  default ScoreExtensions scoreExtensions() {
    return null;
  }
}
