package io.schedlab.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.Status;
import io.schedlab.plugins.InTreeRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The runner on tiny synthetic case files: exact failure lines, counts, refusals, input errors. */
class ConformanceRunnerTest {
  @TempDir Path dir;

  private static final String NODE_N1 =
      "{\"metadata\": {\"name\": \"n1\"}, \"status\": {\"allocatable\": {\"pods\": \"32\", \"cpu\": \"1\"}}}";
  private static final String CORDONED_N2 =
      "{\"metadata\": {\"name\": \"n2\"}, \"spec\": {\"unschedulable\": true}}";

  /** A file of one case for {@code plugin} with the given extra case keys and expectations. */
  private static String oneCase(String plugin, String name, String caseKeys, String expect) {
    return """
        {"plugin": "%s", "cases": [
          {"name": "%s", "pod": {"metadata": {"name": "p"}, "spec": {}},
           "nodes": [%s, %s]%s,
           "expect": %s}
        ]}
        """.formatted(plugin, name, NODE_N1, CORDONED_N2, caseKeys.isEmpty() ? "" : ", " + caseKeys, expect);
  }

  record Run(ConformanceReport report, List<String> lines) {}

  private Run run(ConformanceRunner runner, String fileName, String content) throws IOException {
    Files.writeString(dir.resolve(fileName), content);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConformanceReport report = runner.runDirectory(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(report, bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  private Run run(String fileName, String content) throws IOException {
    return run(ConformanceRunner.inTree(), fileName, content);
  }

  static Stream<Arguments> failingCases() {
    return Stream.of(
        Arguments.of("wrong filter code",
            oneCase("NodeUnschedulable", "c", "", "{\"filter\": {\"n1\": \"Success\", \"n2\": \"Success\"}}"),
            List.of("t.json: case \"c\": node n2: filter: expected Success,"
                + " got UnschedulableAndUnresolvable: node(s) were unschedulable")),
        Arguments.of("wrong filter reasons",
            oneCase("NodeUnschedulable", "c", "", "{\"filterReasons\": {\"n2\": [\"cordoned\"]}}"),
            List.of("t.json: case \"c\": node n2: filterReasons: expected [\"cordoned\"],"
                + " got [\"node(s) were unschedulable\"]")),
        Arguments.of("wrong score",
            oneCase("TaintToleration", "c", "", "{\"score\": {\"n1\": 100, \"n2\": 7}}"),
            List.of("t.json: case \"c\": node n2: score: expected 7, got 100")),
        Arguments.of("wrong preFilter code",
            oneCase("NodeResourcesFit", "c", "", "{\"preFilter\": \"Skip\"}"),
            List.of("t.json: case \"c\": preFilter: expected Skip, got Success")),
        Arguments.of("preFilter expected of a plugin without PreFilter",
            oneCase("NodeName", "c", "", "{\"preFilter\": \"Success\"}"),
            List.of("t.json: case \"c\": preFilter: expected a PreFilter result, but plugin NodeName has no PreFilter")),
        Arguments.of("insufficient resources differ",
            """
            {"plugin": "NodeResourcesFit", "cases": [{"name": "c",
              "pod": {"spec": {"containers": [{"name": "a", "resources": {"requests": {"cpu": "2"}}}]}},
              "nodes": [%s],
              "expect": {"insufficientResources": []}}]}
            """.formatted(NODE_N1),
            List.of("t.json: case \"c\": insufficientResources: expected [], got [InsufficientResource["
                + "resourceName=cpu, reason=Insufficient cpu, requested=2000, used=0, capacity=1000, unresolvable=true]]")),
        Arguments.of("args error at another field",
            oneCase("NodeResourcesFit", "c",
                "\"args\": {\"scoringStrategy\": {\"resources\": [{\"name\": \"cpu\", \"weight\": 0}]}}",
                "{\"argsError\": \"scoringStrategy.resources[1].weight\"}"),
            List.of("t.json: case \"c\": argsError: expected scoringStrategy.resources[1].weight,"
                + " got scoringStrategy.resources[0].weight"
                + " (Invalid value: 0: resource weight of cpu not in valid range (0, 100])")),
        Arguments.of("args error expected, args undecodable",
            oneCase("NodeResourcesFit", "c", "\"args\": {\"scoringStrategy\": {\"tipe\": \"x\"}}",
                "{\"argsError\": \"scoringStrategy.type\"}"),
            List.of("t.json: case \"c\": argsError: expected scoringStrategy.type, got scoringStrategy.tipe"
                + " (Unrecognized field \"tipe\" (class io.schedlab.plugins.noderesources.NodeResourcesFitArgs$ScoringStrategy),"
                + " not marked as ignorable)")),
        Arguments.of("args error expected, args valid",
            oneCase("NodeResourcesFit", "c", "", "{\"argsError\": \"scoringStrategy.type\"}"),
            List.of("t.json: case \"c\": argsError: expected scoringStrategy.type,"
                + " got no error (plugin NodeResourcesFit was built)")),
        Arguments.of("plugin not registered",
            oneCase("NoSuchPlugin", "c", "", "{\"filter\": {\"n1\": \"Success\"}}"),
            List.of("t.json: case \"c\": not evaluated: plugin \"NoSuchPlugin\" is not registered")),
        Arguments.of("unknown expect key",
            oneCase("NodeName", "c", "", "{\"filter\": {\"n1\": \"Success\"}, \"bogus\": 1}"),
            List.of("t.json: case \"c\": not evaluated: unknown expect key(s) [bogus] for NodeName")),
        Arguments.of("unknown case key",
            oneCase("NodeName", "c", "\"weather\": \"rain\"", "{\"filter\": {\"n1\": \"Success\"}}"),
            List.of("t.json: case \"c\": not evaluated: unknown case key(s) [weather]")),
        Arguments.of("no expectations",
            oneCase("NodeName", "c", "", "{}"),
            List.of("t.json: case \"c\": not evaluated: the case has no expectations")),
        Arguments.of("unknown feature gate",
            oneCase("NodeName", "c", "\"featureGates\": {\"Teleportation\": true}", "{\"filter\": {\"n1\": \"Success\"}}"),
            List.of("t.json: case \"c\": not evaluated: feature gate Teleportation is unknown to schedlab")),
        Arguments.of("feature gate value schedlab does not implement",
            oneCase("NodeName", "c", "\"featureGates\": {\"TaintTolerationComparisonOperators\": true}",
                "{\"filter\": {\"n1\": \"Success\"}}"),
            List.of("t.json: case \"c\": not evaluated: feature gate TaintTolerationComparisonOperators=true"
                + " is not supported (schedlab implements TaintTolerationComparisonOperators=false)")),
        Arguments.of("expectation for a node the case does not have",
            oneCase("NodeName", "c", "", "{\"filter\": {\"n9\": \"Success\"}}"),
            List.of("t.json: case \"c\": not evaluated: no node named \"n9\" in nodes")),
        Arguments.of("unknown status code",
            oneCase("NodeName", "c", "", "{\"filter\": {\"n1\": \"Fine\"}}"),
            List.of("t.json: case \"c\": not evaluated: expect.filter.n1: unknown status code \"Fine\";"
                + " expected one of Success, Error, Unschedulable, UnschedulableAndUnresolvable, Wait, Skip, Pending")),
        Arguments.of("queue sort: wrong less",
            """
            {"plugin": "PrioritySort", "cases": [{"name": "c", "pod": {"metadata": {"name": "a"}},
              "queue": [{"metadata": {"name": "a"}, "spec": {"priority": 1}},
                        {"metadata": {"name": "b"}, "spec": {"priority": 2}}],
              "enqueueTimes": {"a": "0001-01-01T00:00:00Z", "b": "2025-01-01T00:00:00Z"},
              "expect": {"less": true, "order": ["a", "b"]}}]}
            """,
            List.of("t.json: case \"c\": less: expected true, got false",
                "t.json: case \"c\": order: expected [\"a\", \"b\"], got [\"b\", \"a\"]")),
        Arguments.of("default normalize: wrong output",
            """
            {"plugin": "helper.DefaultNormalizeScore", "cases": [{"name": "c",
              "expect": {"defaultNormalizeScore": {"maxPriority": 10, "reverse": true,
                 "input": {"a": 1, "b": 3}, "output": {"a": 6, "b": 0}}}}]}
            """,
            List.of("t.json: case \"c\": node a: defaultNormalizeScore: expected 6, got 7")),
        Arguments.of("preemption without a profile to run Filter with",
            oneCase("DefaultPreemption", "c", "\"offset\": 0", "{\"nominatedNode\": \"n1\"}"),
            List.of("t.json: case \"c\": not evaluated: candidates and PostFilter expectations need a profile")),
        Arguments.of("preemption: no victims, so no nomination",
            oneCase("DefaultPreemption", "c", "\"profile\": [\"NodeUnschedulable\"]",
                "{\"nominatedNode\": \"n1\", \"postFilterStatus\": \"Unschedulable\"}"),
            List.of("t.json: case \"c\": nominatedNode: expected n1, got null")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"failingCases", "failingSpreadCases"})
  void aCaseWithAFailedExpectationPrintsItsLinesAndCountsAsFailed(String title, String file, List<String> expected)
      throws IOException {
    Run r = run("t.json", file);
    assertThat(r.lines()).containsExactlyElementsOf(concat(expected, "0 passed, 1 failed"));
    assertThat(r.report().passed()).isZero();
    assertThat(r.report().failed()).isEqualTo(1);
    assertThat(r.report().failures()).containsExactlyElementsOf(expected);
  }

  private static List<String> concat(List<String> lines, String last) {
    return Stream.concat(lines.stream(), Stream.of(last)).toList();
  }

  @Test
  void passingAndFailingCasesAreCountedPerCaseNotPerExpectation() throws IOException {
    String file = """
        {"plugin": "NodeUnschedulable", "cases": [
          {"name": "right", "pod": {}, "nodes": [%1$s, %2$s],
           "expect": {"filter": {"n1": "Success", "n2": "UnschedulableAndUnresolvable"},
                      "filterReasons": {"n2": ["node(s) were unschedulable"]}}},
          {"name": "wrong twice", "pod": {}, "nodes": [%1$s, %2$s],
           "expect": {"filter": {"n1": "Unschedulable", "n2": "Success"}}}
        ]}
        """.formatted(NODE_N1, CORDONED_N2);
    Run r = run("t.json", file);
    assertThat(r.lines()).containsExactly(
        "t.json: case \"wrong twice\": node n1: filter: expected Unschedulable, got Success",
        "t.json: case \"wrong twice\": node n2: filter: expected Success,"
            + " got UnschedulableAndUnresolvable: node(s) were unschedulable",
        "1 passed, 1 failed");
    assertThat(r.report().file("t.json").passed()).isEqualTo(1);
  }

  @Test
  void argsErrorAtTheExpectedFieldPasses() throws IOException {
    Run r = run("t.json", oneCase("NodeResourcesFit", "c",
        "\"args\": {\"scoringStrategy\": {\"resources\": [{\"name\": \"cpu\", \"weight\": 101}]}}",
        "{\"argsError\": \"scoringStrategy.resources[0].weight\"}"));
    assertThat(r.lines()).containsExactly("1 passed, 0 failed");
  }

  @Test
  void caseArgsReplaceFileArgsEntirely() throws IOException {
    // The file's args would be rejected; the case's own (empty) args are the defaults.
    String file = """
        {"plugin": "NodeResourcesFit",
         "args": {"scoringStrategy": {"resources": [{"name": "cpu", "weight": -1}]}},
         "cases": [
          {"name": "file args", "pod": {}, "nodes": [%1$s],
           "expect": {"argsError": "scoringStrategy.resources[0].weight"}},
          {"name": "case args", "pod": {}, "nodes": [%1$s], "args": {},
           "expect": {"filter": {"n1": "Success"}}}
        ]}
        """.formatted(NODE_N1);
    assertThat(run("t.json", file).lines()).containsExactly("2 passed, 0 failed");
  }

  @Test
  void filesAreReadRecursivelyInPathOrderAndNamedRelativeToTheDirectory() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.json"),
        oneCase("NodeName", "in sub", "", "{\"filter\": {\"n1\": \"Unschedulable\"}}"));
    Files.writeString(dir.resolve("notes.md"), "not a case file");
    Run r = run("a.json", oneCase("NoSuchPlugin", "first", "", "{\"filter\": {\"n1\": \"Success\"}}"));
    assertThat(r.lines()).containsExactly(
        "a.json: case \"first\": not evaluated: plugin \"NoSuchPlugin\" is not registered",
        "sub/b.json: case \"in sub\": node n1: filter: expected Unschedulable, got Success",
        "0 passed, 2 failed");
    assertThat(r.report().files()).extracting(ConformanceReport.FileResult::file).containsExactly("a.json", "sub/b.json");
  }

  /** PreFilter says Skip; Filter would reject, but the framework never calls it. Scores: 10 * node index. */
  static final class SkippingPlugin implements PreFilterPlugin, FilterPlugin, ScorePlugin {
    @Override
    public String name() {
      return "Skipping";
    }

    @Override
    public PreFilterResult preFilter(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
      return PreFilterResult.SKIP;
    }

    @Override
    public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
      return Status.unschedulable("never called");
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
      if (node.name().equals("n2")) {
        throw new IllegalStateException("boom");
      }
      return 10L * node.index();
    }
  }

  private ConformanceRunner withSkipping() {
    Registry registry = InTreeRegistry.create().register("Skipping", SkippingPlugin.class, h -> new SkippingPlugin());
    return new ConformanceRunner(registry, Scenarios.inTree());
  }

  @Test
  void preFilterSkipMakesFilterSuccess() throws IOException {
    Run r = run(withSkipping(), "t.json",
        oneCase("Skipping", "c", "", "{\"preFilter\": \"Skip\", \"filter\": {\"n1\": \"Success\", \"n2\": \"Success\"}}"));
    assertThat(r.lines()).containsExactly("1 passed, 0 failed");
  }

  @Test
  void scoreRunsOnScoreNodesOnly() throws IOException {
    Run r = run(withSkipping(), "t.json",
        oneCase("Skipping", "c", "\"scoreNodes\": [\"n1\"]", "{\"score\": {\"n1\": 0}}"));
    assertThat(r.lines()).containsExactly("1 passed, 0 failed");
  }

  @Test
  void aPluginThatThrowsFailsItsCaseNotTheRun() throws IOException {
    Run r = run(withSkipping(), "t.json", oneCase("Skipping", "c", "", "{\"score\": {\"n1\": 0, \"n2\": 10}}"));
    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(0)).startsWith("t.json: case \"c\": threw IllegalStateException: boom (at ");
    assertThat(r.lines().get(1)).isEqualTo("0 passed, 1 failed");
  }

  /**
   * A PodTopologySpread case: zones z1 (n1, holding web pods of rev 1 and 2) and z2 (n2); the
   * incoming pod, rev 2, spreads over zones among app=web pods of its own rev (matchLabelKeys).
   */
  private static String spreadCase(String gates, String expect) {
    String node = "{\"metadata\": {\"name\": \"%s\", \"labels\": {\"zone\": \"%s\"}}}";
    String running = "{\"metadata\": {\"name\": \"%s\", \"labels\": {\"app\": \"web\", \"rev\": \"%s\"}},"
        + " \"spec\": {\"nodeName\": \"n1\"}}";
    return """
        {"plugin": "PodTopologySpread", "args": {"defaultingType": "List"}, "cases": [
          {"name": "c",
           "pod": {"metadata": {"name": "p", "labels": {"app": "web", "rev": "2"}},
                   "spec": {"topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "zone",
                     "whenUnsatisfiable": "DoNotSchedule", "labelSelector": {"matchLabels": {"app": "web"}},
                     "matchLabelKeys": ["rev"]}]}},
           "nodes": [%s, %s], "pods": [%s, %s]%s,
           "expect": %s}
        ]}
        """.formatted(node.formatted("n1", "z1"), node.formatted("n2", "z2"),
            running.formatted("w1", "1"), running.formatted("w2", "2"),
            gates.isEmpty() ? "" : ", \"featureGates\": " + gates, expect);
  }

  private static final String SAME_REV = "{\"preFilterState\": {\"tpPairToMatchNum\": {\"zone\": {\"z1\": 1, \"z2\": 0}},"
      + " \"tpKeyToDomainsNum\": {\"zone\": 2}}}";
  private static final String EVERY_REV = "{\"preFilterState\": {\"tpPairToMatchNum\": {\"zone\": {\"z1\": 2, \"z2\": 0}}}}";
  private static final String MATCH_LABEL_KEYS_OFF = "{\"MatchLabelKeysInPodTopologySpread\": false}";

  static Stream<Arguments> matchLabelKeysGate() {
    return Stream.of(
        Arguments.of("on by default: only the same rev counts", spreadCase("", SAME_REV)),
        Arguments.of("on, as named", spreadCase("{\"MatchLabelKeysInPodTopologySpread\": true}", SAME_REV)),
        Arguments.of("off: every app=web pod counts", spreadCase(MATCH_LABEL_KEYS_OFF, EVERY_REV)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matchLabelKeysGate")
  void podTopologySpreadIsBuiltForTheCaseFeatureGates(String title, String file) throws IOException {
    assertThat(run("t.json", file).lines()).containsExactly("1 passed, 0 failed");
  }

  /** PodTopologySpread's preFilterState and feature gates, for {@link #failingCases()}. */
  static Stream<Arguments> failingSpreadCases() {
    return Stream.of(
        Arguments.of("gate off, expectation of gate on", spreadCase(MATCH_LABEL_KEYS_OFF, SAME_REV),
            List.of("t.json: case \"c\": preFilterState.tpPairToMatchNum: expected {zone={z1=1, z2=0}},"
                + " got {zone={z1=2, z2=0}}")),
        Arguments.of("wrong domain count", spreadCase("", "{\"preFilterState\": {\"tpKeyToDomainsNum\": {\"zone\": 3}}}"),
            List.of("t.json: case \"c\": preFilterState.tpKeyToDomainsNum: expected {zone=3}, got {zone=2}")),
        Arguments.of("unknown preFilterState key",
            spreadCase("", "{\"preFilterState\": {\"criticalPaths\": {}}}"),
            List.of("t.json: case \"c\": not evaluated: expect.preFilterState: unknown key \"criticalPaths\"")),
        Arguments.of("a gate the plugin can switch must still be a boolean",
            spreadCase("{\"MatchLabelKeysInPodTopologySpread\": \"off\"}", SAME_REV),
            List.of("t.json: case \"c\": not evaluated: featureGates.MatchLabelKeysInPodTopologySpread:"
                + " expected true or false")),
        Arguments.of("a gate of another plugin keeps its fixed value",
            spreadCase("{\"PodLevelResources\": false}", SAME_REV),
            List.of("t.json: case \"c\": not evaluated: feature gate PodLevelResources=false is not supported"
                + " (schedlab implements PodLevelResources=true)")),
        Arguments.of("preFilterState of another plugin",
            oneCase("NodeName", "c", "", "{\"preFilterState\": {}}"),
            List.of("t.json: case \"c\": not evaluated: unknown expect key(s) [preFilterState] for NodeName")));
  }

  @Test
  void aGatedPluginKeepsItsArgsValidation() throws IOException {
    Run r = run("t.json", """
        {"plugin": "PodTopologySpread", "cases": [{"name": "c", "pod": {}, "nodes": [],
          "args": {"defaultingType": "System", "defaultConstraints": [
            {"maxSkew": 1, "topologyKey": "zone", "whenUnsatisfiable": "DoNotSchedule"}]},
          "featureGates": {"MatchLabelKeysInPodTopologySpread": false},
          "expect": {"argsError": "defaultingType"}}]}
        """);
    assertThat(r.lines()).containsExactly("1 passed, 0 failed");
  }

  static Stream<Arguments> unreadableInputs() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"plugin\": \"NodeName\", \"cases\": [",
            "t.json: 1:34: malformed JSON: Unexpected end-of-input: expected close marker for Array"),
        Arguments.of("not an object", "[]",
            "t.json: expected a JSON object with \"plugin\" and \"cases\""),
        Arguments.of("no plugin", "{\"cases\": []}", "t.json: plugin: expected a plugin name"),
        Arguments.of("cases not a list", "{\"plugin\": \"NodeName\", \"cases\": {}}",
            "t.json: cases: expected a list of cases"),
        Arguments.of("case without a name", "{\"plugin\": \"NodeName\", \"cases\": [{}]}",
            "t.json: cases[0].name: expected a string"),
        Arguments.of("duplicate key", "{\"plugin\": \"NodeName\", \"plugin\": \"NodeName\", \"cases\": []}",
            "t.json: 1:34: malformed JSON: Duplicate field 'plugin' for `ObjectNode`: not allowed when `DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY` enabled"),
        Arguments.of("invalid quantity in a node",
            """
            {"plugin": "NodeName", "cases": [{"name": "c", "pod": {},
              "nodes": [{"metadata": {"name": "n1"}, "status": {"allocatable": {"cpu": "lots"}}}],
              "expect": {"filter": {"n1": "Success"}}}]}
            """,
            "t.json: case \"c\": nodes[0]: status.allocatable.cpu:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableInputs")
  void unreadableInputIsAOneLineInputException(String title, String content, String messageStart) throws IOException {
    Files.writeString(dir.resolve("t.json"), content);
    assertThatThrownBy(() -> ConformanceRunner.run(dir, new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(ConformanceInputException.class)
        .hasMessageStartingWith(messageStart)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .satisfies(e -> assertThat(((ConformanceInputException) e).file()).isEqualTo("t.json"));
  }

  @Test
  void aMissingOrEmptyDirectoryIsAnInputException() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> ConformanceRunner.run(missing, new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(ConformanceInputException.class)
        .hasMessage(missing + ": no such directory");
    assertThatThrownBy(() -> ConformanceRunner.run(dir, new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(ConformanceInputException.class)
        .hasMessage(dir + ": no *.json case files");
  }
}
