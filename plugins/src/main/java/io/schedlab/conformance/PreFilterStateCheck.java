package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.plugins.podtopologyspread.PodTopologySpread;
import io.schedlab.plugins.podtopologyspread.PreFilterState;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code expect.preFilterState} of the PodTopologySpread filter file (upstream's
 * TestPreFilterState): after PreFilter, {@code tpPairToMatchNum} (topology key to topology value
 * to matching pods) and {@code tpKeyToDomainsNum} (topology key to number of eligible domains).
 * Each part is compared only when the case states it; both compare whole maps, so a domain the
 * plugin counts but the case leaves out is a mismatch too.
 */
final class PreFilterStateCheck implements PluginStagesScenario.Check {
  private static final String WHERE = "expect.preFilterState";
  private static final Set<String> KEYS = Set.of("tpPairToMatchNum", "tpKeyToDomainsNum");

  @Override
  public void check(StageRun run, JsonNode expected, Mismatches out) {
    if (!(run.plugin() instanceof PodTopologySpread)) {
      throw new NotEvaluatedException("preFilterState needs the PodTopologySpread plugin");
    }
    Map<String, JsonNode> want = ExpectValues.object(expected, WHERE);
    for (String key : want.keySet()) {
      if (!KEYS.contains(key)) {
        throw new NotEvaluatedException(WHERE + ": unknown key \"" + key + "\"");
      }
    }
    run.preFilter();
    PreFilterState state = PodTopologySpread.preFilterState(run.state());
    if (state == null) {
      out.fail("preFilterState: expected a PreFilter state, but PreFilter wrote none (" + run.preFilter().status() + ")");
      return;
    }
    if (want.containsKey("tpPairToMatchNum")) {
      Map<String, Map<String, Integer>> pairs = new TreeMap<>();
      String where = WHERE + ".tpPairToMatchNum";
      for (Map.Entry<String, JsonNode> e : ExpectValues.object(want.get("tpPairToMatchNum"), where).entrySet()) {
        pairs.put(e.getKey(), counts(e.getValue(), where + "." + e.getKey()));
      }
      out.check("preFilterState.tpPairToMatchNum", pairs, new TreeMap<>(state.tpPairToMatchNum()));
    }
    if (want.containsKey("tpKeyToDomainsNum")) {
      out.check("preFilterState.tpKeyToDomainsNum",
          counts(want.get("tpKeyToDomainsNum"), WHERE + ".tpKeyToDomainsNum"),
          new TreeMap<>(state.tpKeyToDomainsNum()));
    }
  }

  private static Map<String, Integer> counts(JsonNode n, String where) {
    Map<String, Integer> m = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : ExpectValues.object(n, where).entrySet()) {
      long v = ExpectValues.integer(e.getValue(), where + "." + e.getKey());
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new NotEvaluatedException(where + "." + e.getKey() + ": expected a count, found " + v);
      }
      m.put(e.getKey(), (int) v);
    }
    return m;
  }
}
