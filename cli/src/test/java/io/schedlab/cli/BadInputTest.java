package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input: exit 2 and exactly one line on stderr naming the file and the place. */
class BadInputTest {
  private static final String NODES = Cli.repoPath("traces/samples/fgd-quickstart/test-cluster/node");
  private static final String PODS = Cli.repoPath("traces/samples/fgd-quickstart/test-cluster/pod");

  private static String[] schedulePods(String podsPath) {
    return new String[] {"schedule", "--nodes", NODES, "--pods", podsPath};
  }

  private static String[] scheduleWithConfig(String configPath) {
    return new String[] {"schedule", "--nodes", NODES, "--pods", PODS, "--config", configPath};
  }

  static Stream<Arguments> cases() {
    String malformed = Cli.fixture("bad/malformed.yaml");
    String wrongType = Cli.fixture("bad/wrong-type.yaml");
    String quantity = Cli.fixture("bad/bad-quantity.yaml");
    String unknownClass = Cli.fixture("bad/unknown-priority-class.yaml");
    String negative = Cli.fixture("bad/negative-replicas.yaml");
    String negativeQuantity = Cli.fixture("bad/negative-quantity.yaml");
    String unknownPlugin = Cli.fixture("bad/unknown-plugin-config.yaml");
    String badArgs = Cli.fixture("bad/bad-plugin-args-config.yaml");
    return Stream.of(
        Arguments.of("malformed YAML", schedulePods(malformed),
            List.of(malformed + ":6:", "malformed YAML")),
        Arguments.of("wrong-typed field", schedulePods(wrongType),
            List.of(wrongType, "spec.replicas", "expected an integer", "\"three\"")),
        Arguments.of("bad quantity", schedulePods(quantity),
            List.of(quantity, "spec.containers[0].resources.requests.cpu", "\"12x\"")),
        Arguments.of("unknown PriorityClass", schedulePods(unknownClass),
            List.of(unknownClass, "Deployment shop/web", "spec.template.spec.priorityClassName",
                "no PriorityClass with name gold was found")),
        Arguments.of("negative replicas", schedulePods(negative),
            List.of(negative, "StatefulSet default/db", "spec.replicas", "Invalid value: -1")),
        Arguments.of("negative quantity", schedulePods(negativeQuantity),
            List.of(negativeQuantity, "Pod default/giver", "spec.containers[0].resources.requests[cpu]",
                "must be greater than or equal to 0")),
        Arguments.of("unknown plugin in --config", scheduleWithConfig(unknownPlugin),
            List.of(unknownPlugin, "profiles[0].plugins.score.enabled[0].name",
                "unknown plugin \"NoSuchScore\"")),
        Arguments.of("bad plugin args in --config", scheduleWithConfig(badArgs),
            List.of(badArgs, "scoringStrategy.type", "Unsupported value: \"Cheapest\"")),
        Arguments.of("missing --pods file", schedulePods("no/such/pods.yaml"),
            List.of("no/such/pods.yaml", "no such file")),
        Arguments.of("missing --nodes folder",
            new String[] {"schedule", "--nodes", "no/such/dir", "--pods", PODS},
            List.of("no/such/dir", "no such file")),
        Arguments.of("missing --config file", scheduleWithConfig("no/such/config.yaml"),
            List.of("no/such/config.yaml", "no such file")),
        Arguments.of("missing required option",
            new String[] {"schedule", "--nodes", NODES},
            List.of("Missing required option: '--pods=PATH'", "schedlab schedule --help")),
        Arguments.of("unknown option",
            new String[] {"schedule", "--nodes", NODES, "--pods", PODS, "--fast"},
            List.of("Unknown option: '--fast'")),
        Arguments.of("seed not a number",
            new String[] {"schedule", "--nodes", NODES, "--pods", PODS, "--seed", "x"},
            List.of("'--seed'", "'x' is not a long")),
        Arguments.of("unknown output format",
            new String[] {"schedule", "--nodes", NODES, "--pods", PODS, "--output", "xml"},
            List.of("'--output'", "expected one of [text, json]")),
        Arguments.of("missing conformance folder",
            new String[] {"conformance", "--cases", "no/such/cases"},
            List.of("no/such/cases: no such directory")),
        Arguments.of("malformed conformance JSON",
            new String[] {"conformance", "--cases", Cli.fixture("conformance/malformed")},
            List.of("broken.json: 5:1: malformed JSON: Unexpected end-of-input")),
        Arguments.of("conformance without --cases", new String[] {"conformance"},
            List.of("Missing required option: '--cases=DIR'", "schedlab conformance --help")),
        Arguments.of("unknown command", new String[] {"teleport"},
            List.of("'teleport'", "schedlab --help")),
        Arguments.of("simulate without a source", new String[] {"simulate"},
            List.of("Missing required argument", "--scenario", "schedlab simulate --help")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isOneLineAndExitTwo(String name, String[] args, List<String> mentions) {
    Cli r = Cli.run(args);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    String line = r.errLines().get(0);
    assertThat(line).startsWith("schedlab: ").contains(mentions);
    assertThat(line).doesNotContain("Exception", "\tat ");
  }

  @Test
  void debugAddsTheStackTraceAfterTheLine() {
    String quantity = Cli.fixture("bad/bad-quantity.yaml");
    Cli r = Cli.run("schedule", "--debug", "--nodes", NODES, "--pods", quantity);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines().get(0)).startsWith("schedlab: " + quantity + ": document 1, ");
    assertThat(r.errLines().get(1)).startsWith("io.schedlab.api.codec.ManifestException: ");
    assertThat(r.err()).contains("\tat io.schedlab.api.codec.KubeCodec");
  }
}
