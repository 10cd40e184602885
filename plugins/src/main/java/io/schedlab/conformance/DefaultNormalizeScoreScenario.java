package io.schedlab.conformance;

import io.schedlab.framework.ScoreNormalizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The helper file for DefaultNormalizeScore: {@code expect.defaultNormalizeScore} gives the call's
 * {@code maxPriority} and {@code reverse}, the raw scores per node ({@code input}) and the scores
 * after the call ({@code output}). Exercises {@link ScoreNormalizer#defaultNormalize}; no plugin.
 */
final class DefaultNormalizeScoreScenario implements Scenario {
  static final String NAME = "helper.DefaultNormalizeScore";

  @Override
  public Set<String> inputKeys() {
    return Set.of();
  }

  @Override
  public Set<String> expectKeys() {
    return Set.of("defaultNormalizeScore");
  }

  @Override
  public void evaluate(ConformanceCase c, Mismatches out) {
    String where = "expect.defaultNormalizeScore";
    Map<String, JsonNode> e = ExpectValues.object(c.expect().get("defaultNormalizeScore"), where);
    for (String key : e.keySet()) {
      if (!Set.of("maxPriority", "reverse", "input", "output").contains(key)) {
        throw new NotEvaluatedException(where + ": unknown key \"" + key + "\"");
      }
    }
    long maxPriority = ExpectValues.integer(e.get("maxPriority"), where + ".maxPriority");
    boolean reverse = ExpectValues.bool(e.get("reverse"), where + ".reverse");
    Map<String, JsonNode> input = ExpectValues.object(e.get("input"), where + ".input");
    Map<String, JsonNode> output = ExpectValues.object(e.get("output"), where + ".output");
    List<String> nodes = new ArrayList<>(input.keySet());
    long[] scores = new long[nodes.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = ExpectValues.integer(input.get(nodes.get(i)), where + ".input." + nodes.get(i));
    }
    ScoreNormalizer.defaultNormalize(maxPriority, reverse, scores);
    for (Map.Entry<String, JsonNode> o : output.entrySet()) {
      int i = nodes.indexOf(o.getKey());
      if (i < 0) {
        throw new NotEvaluatedException(where + ".output names node \"" + o.getKey() + "\", which has no input score");
      }
      out.checkNode(o.getKey(), "defaultNormalizeScore",
          ExpectValues.integer(o.getValue(), where + ".output." + o.getKey()), scores[i]);
    }
  }
}
