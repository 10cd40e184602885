package io.schedlab.examples.labelpreference;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ScorePlugin;
import java.util.HashMap;
import java.util.Map;

/**
 * A Score plugin that ranks nodes by the value of one of their labels: a node labelled {@code
 * example.schedlab.io/disk=ssd} can be preferred to one labelled {@code hdd}, and both to an
 * unlabelled one. Scores are already in [0, 100], so there is no NormalizeScore; the profile's
 * weight decides how much the preference counts against the other score plugins.
 */
public final class LabelPreference implements ScorePlugin {
  public static final String NAME = "LabelPreference";

  private final String labelKey;
  private final Map<String, Long> valueScores;
  private final long otherScore;

  /** Checks the args as upstream plugins do: a bad field fails the profile with its path. */
  public LabelPreference(LabelPreferenceArgs args) {
    if (args.labelKey() == null || args.labelKey().isBlank()) {
      throw new PluginArgsException("labelKey", "Required value: a node label key");
    }
    Map<String, Long> scores = args.valueScores() == null ? Map.of() : args.valueScores();
    for (Map.Entry<String, Long> e : scores.entrySet()) {
      checkScore("valueScores." + e.getKey(), e.getValue());
    }
    checkScore("otherScore", args.otherScore());
    this.labelKey = args.labelKey();
    this.valueScores = new HashMap<>(scores);
    this.otherScore = args.otherScore();
  }

  private static void checkScore(String field, Long score) {
    if (score == null || score < MIN_NODE_SCORE || score > MAX_NODE_SCORE) {
      throw new PluginArgsException(field, "Invalid value: " + score + ": must be in ["
          + MIN_NODE_SCORE + ", " + MAX_NODE_SCORE + "]");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    String value = node.node().metadata().labels().get(labelKey);
    Long score = value == null ? null : valueScores.get(value);
    return score == null ? otherScore : score;
  }
}
