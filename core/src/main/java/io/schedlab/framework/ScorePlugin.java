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

  /**
   * Scores a run of nodes at once, exactly as {@link #score} would one by one; optional, an
   * optimisation the framework uses outside sampled (timed) cycles.
   *
   * <p>Why it exists: the framework's own loop calls every plugin's {@code score} through one
   * interface call site, which the JIT cannot inline once a profile has several score plugins.
   * A loop written in the plugin's class calls its own {@code score} (or reads its cycle state
   * once), which inlines. So the loop must live in the plugin class, not in a shared helper.
   * When the run has a {@link ScoreRun#table() table}, a plugin that needs only what the rows
   * hold scores from them without reading the NodeInfos.
   */
  interface RangeScorer {
    /**
     * Writes the score of {@code run.node(i)} into {@code out[i]} for i in
     * [{@code run.from()}, {@code run.to()}); throws {@link StatusException} as {@code score}
     * would.
     */
    void score(CycleState state, PodInfo pod, ScoreRun run, long[] out);
  }

  /** This plugin's {@link RangeScorer}, or null to be called node by node. */
  default RangeScorer rangeScorer() {
    return null;
  }
}
