package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.framework.Code;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The common scenario: build the plugin with the case's args and run the stages its expectations
 * need ({@link StageRun}), comparing
 *
 * <ul>
 *   <li>{@code argsError}: construction throws {@link PluginArgsException} at that field path;
 *   <li>{@code preFilter} (code), {@code preFilterResult} ({@code {nodeNames: [...]}}),
 *       {@code preFilterMessage} (exact message), {@code preFilterReasons} (reason list);
 *   <li>{@code filter} (code per node), {@code filterReasons} (reasons per node);
 *   <li>{@code preScore} (code), {@code preScoreMessageContains}, {@code score} (per node, after
 *       NormalizeScore).
 * </ul>
 *
 * A file kind with extra expectation keys adds a {@link Check} per key ({@link #withCheck}); the
 * checks run after the Filter expectations and before the Score ones.
 */
public final class PluginStagesScenario implements Scenario {
  /** Evaluates one extra expectation key against a stage run. */
  @FunctionalInterface
  public interface Check {
    void check(StageRun run, JsonNode expected, Mismatches out);
  }

  private static final List<String> PRE_FILTER_KEYS =
      List.of("preFilter", "preFilterResult", "preFilterMessage", "preFilterReasons");
  private static final List<String> FILTER_KEYS = List.of("filter", "filterReasons");
  private static final List<String> SCORE_KEYS = List.of("preScore", "preScoreMessageContains", "score");

  private final Map<String, Check> checks;
  private final boolean absentPreFilterResultMeansAllNodes;

  private PluginStagesScenario(Map<String, Check> checks, boolean absentPreFilterResultMeansAllNodes) {
    this.checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    this.absentPreFilterResultMeansAllNodes = absentPreFilterResultMeansAllNodes;
  }

  public static PluginStagesScenario standard() {
    return new PluginStagesScenario(Map.of(), false);
  }

  /** This scenario plus an extra expectation key. */
  public PluginStagesScenario withCheck(String key, Check check) {
    Map<String, Check> more = new LinkedHashMap<>(checks);
    more.put(key, check);
    return new PluginStagesScenario(more, absentPreFilterResultMeansAllNodes);
  }

  /**
   * For files whose notes say an absent {@code preFilterResult} means nil: whenever PreFilter is
   * expected, its node set must then be "all nodes".
   */
  public PluginStagesScenario withAbsentPreFilterResultMeaningAllNodes() {
    return new PluginStagesScenario(checks, true);
  }

  @Override
  public Set<String> inputKeys() {
    return Set.of("scoreNodes");
  }

  @Override
  public Set<String> expectKeys() {
    Set<String> keys = new HashSet<>();
    keys.add("argsError");
    keys.addAll(PRE_FILTER_KEYS);
    keys.addAll(FILTER_KEYS);
    keys.addAll(SCORE_KEYS);
    keys.addAll(checks.keySet());
    return keys;
  }

  @Override
  public void evaluate(ConformanceCase c, Mismatches out) {
    ObjectNode expect = c.expect();
    if (expect.has("argsError")) {
      checkArgsError(c, expect, out);
      return;
    }
    Plugin plugin;
    try {
      plugin = c.createPlugin();
    } catch (PluginArgsException e) {
      out.fail("plugin construction: " + e.getMessage());
      return;
    }
    StageRun run = new StageRun(c, plugin);
    checkPreFilter(run, expect, out);
    checkFilter(run, expect, out);
    for (Iterator<String> it = expect.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      Check check = checks.get(key);
      if (check != null) {
        check.check(run, expect.get(key), out);
      }
    }
    checkScore(run, expect, out);
  }

  private static void checkArgsError(ConformanceCase c, ObjectNode expect, Mismatches out) {
    String field = ExpectValues.text(expect.get("argsError"), "expect.argsError");
    if (expect.size() > 1) {
      throw new NotEvaluatedException("an argsError case cannot expect anything else");
    }
    Plugin plugin;
    try {
      plugin = c.createPlugin();
    } catch (PluginArgsException e) {
      if (!e.field().equals(field)) {
        out.mismatch("argsError", field, (e.field().isEmpty() ? "the args as a whole" : e.field()) + " (" + e.detail() + ")");
      }
      return;
    }
    out.mismatch("argsError", field, "no error (plugin " + plugin.name() + " was built)");
  }

  private void checkPreFilter(StageRun run, ObjectNode expect, Mismatches out) {
    boolean any = false;
    for (String k : PRE_FILTER_KEYS) {
      any |= expect.has(k);
    }
    if (!any) {
      return;
    }
    PreFilterResult r = run.preFilter();
    if (r == null) {
      out.fail("preFilter: expected a PreFilter result, but plugin " + run.plugin().name() + " has no PreFilter");
      return;
    }
    Status s = r.status();
    if (expect.has("preFilter")) {
      Code want = ExpectValues.code(expect.get("preFilter"), "expect.preFilter");
      if (s.code() != want) {
        out.mismatch("preFilter", want.upstreamName(), s.toString());
      }
    }
    if (expect.has("preFilterResult")) {
      Map<String, JsonNode> want = ExpectValues.object(expect.get("preFilterResult"), "expect.preFilterResult");
      JsonNode names = want.get("nodeNames");
      if (want.size() != 1 || names == null) {
        throw new NotEvaluatedException("expect.preFilterResult: expected {\"nodeNames\": [...]}");
      }
      out.check("preFilterResult", showNodeSet(new TreeSet<>(ExpectValues.texts(names, "expect.preFilterResult.nodeNames"))),
          showNodeSet(r.nodeNames()));
    } else if (absentPreFilterResultMeansAllNodes && expect.has("preFilter") && r.nodeNames() != null) {
      out.check("preFilterResult", showNodeSet(null), showNodeSet(r.nodeNames()));
    }
    if (expect.has("preFilterMessage")) {
      out.check("preFilterMessage", ExpectValues.text(expect.get("preFilterMessage"), "expect.preFilterMessage"), s.message());
    }
    if (expect.has("preFilterReasons")) {
      JsonNode n = expect.get("preFilterReasons");
      List<String> want = n.isTextual() ? List.of(n.asText()) : ExpectValues.texts(n, "expect.preFilterReasons");
      out.check("preFilterReasons", want, s.reasons());
    }
  }

  private static String showNodeSet(Set<String> names) {
    return names == null ? "all nodes (nil)" : Mismatches.show(new ArrayList<>(new TreeSet<>(names)));
  }

  private static void checkFilter(StageRun run, ObjectNode expect, Mismatches out) {
    if (!expect.has("filter") && !expect.has("filterReasons")) {
      return;
    }
    if (!(run.plugin() instanceof FilterPlugin)) {
      out.fail("filter: expected Filter results, but plugin " + run.plugin().name() + " has no Filter");
      return;
    }
    if (expect.has("filter")) {
      for (Map.Entry<String, JsonNode> e : ExpectValues.object(expect.get("filter"), "expect.filter").entrySet()) {
        Code want = ExpectValues.code(e.getValue(), "expect.filter." + e.getKey());
        Status got = run.filter(e.getKey());
        if (got.code() != want) {
          out.nodeMismatch(e.getKey(), "filter", want.upstreamName(), got.toString());
        }
      }
    }
    if (expect.has("filterReasons")) {
      for (Map.Entry<String, JsonNode> e : ExpectValues.object(expect.get("filterReasons"), "expect.filterReasons").entrySet()) {
        List<String> want = ExpectValues.texts(e.getValue(), "expect.filterReasons." + e.getKey());
        out.checkNode(e.getKey(), "filterReasons", want, run.filter(e.getKey()).reasons());
      }
    }
  }

  private static void checkScore(StageRun run, ObjectNode expect, Mismatches out) {
    boolean any = false;
    for (String k : SCORE_KEYS) {
      any |= expect.has(k);
    }
    if (!any) {
      return;
    }
    StageRun.ScoreOutcome o = run.scores();
    if (expect.has("preScore")) {
      Code want = ExpectValues.code(expect.get("preScore"), "expect.preScore");
      if (o.preScore() == null) {
        out.fail("preScore: expected " + want.upstreamName() + ", but plugin " + run.plugin().name() + " has no PreScore");
      } else if (o.preScore().code() != want) {
        out.mismatch("preScore", want.upstreamName(), o.preScore().toString());
      }
    }
    if (expect.has("preScoreMessageContains")) {
      String want = ExpectValues.text(expect.get("preScoreMessageContains"), "expect.preScoreMessageContains");
      String got = o.preScore() == null ? "" : o.preScore().message();
      if (!got.contains(want)) {
        out.mismatch("preScoreMessageContains", "a message containing \"" + want + "\"", "\"" + got + "\"");
      }
    }
    if (expect.has("score")) {
      Map<String, JsonNode> want = ExpectValues.object(expect.get("score"), "expect.score");
      if (o.scores() == null) {
        out.fail("score: expected scores, got none: " + o.notScored());
        return;
      }
      for (Map.Entry<String, JsonNode> e : want.entrySet()) {
        long w = ExpectValues.integer(e.getValue(), "expect.score." + e.getKey());
        Long got = o.scores().get(e.getKey());
        if (got == null) {
          throw new NotEvaluatedException("expect.score names node \"" + e.getKey() + "\", which is not a score node");
        }
        out.checkNode(e.getKey(), "score", w, got);
      }
    }
  }
}
