package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void topLevelHelpListsTheCommands() {
    Cli r = Cli.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: schedlab", "schedule", "plugins", "version", "--debug");
    assertThat(r.err()).isEmpty();
  }

  static Stream<String> commandPaths() {
    List<String> out = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter())), "", out);
    return out.stream();
  }

  private static void collect(CommandLine cl, String prefix, List<String> out) {
    cl.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        String path = (prefix + " " + name).trim();
        out.add(path);
        collect(sub, path, out);
      }
    });
  }

  /** Every command and subcommand: usage on stdout, nothing on stderr, no picocli warning. */
  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyCommandHasHelp(String command) {
    PrintStream saved = System.err;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    Cli r;
    try {
      System.setErr(new PrintStream(raw, true, StandardCharsets.UTF_8));
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.add("--help");
      r = Cli.run(args.toArray(String[]::new));
    } finally {
      System.setErr(saved);
    }
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: schedlab " + command);
    assertThat(r.err()).isEmpty();
    assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void helpCommandShowsACommandsHelp() {
    Cli r = Cli.run("help", "schedule");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--nodes=PATH", "--pods=PATH", "--config=FILE", "--seed=N",
        "--output=FORMAT");
  }

  @Test
  void versionNamesTheBuildJavaAndUpstreamRelease() {
    Cli r = Cli.run("version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.outLines()).hasSize(3);
    // The properties file is filtered by Maven: a raw ${project.version} would mean it was not.
    assertThat(r.outLines().get(0)).matches("schedlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(r.outLines().get(1)).isEqualTo("kube-scheduler v1.34 semantics");
    assertThat(r.outLines().get(2)).startsWith("Java " + System.getProperty("java.version"));
  }

  @Test
  void versionOptionMatchesVersionCommand() {
    Cli r = Cli.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("schedlab " + VersionInfo.version() + " (kube-scheduler v1.34");
  }

  @Test
  void pluginsListsNodeResourcesFitWithItsDefaultArgs() {
    Cli r = Cli.run("plugins");
    assertThat(r.exitCode()).isZero();
    String fit = r.outLines().stream()
        .filter(l -> l.startsWith("NodeResourcesFit ")).findFirst().orElseThrow();
    assertThat(fit)
        .contains("preFilter, filter, preScore, score")
        .contains("yes (score weight 1)")
        .contains("{\"ignoredResources\":[],\"ignoredResourceGroups\":[],\"scoringStrategy\":"
            + "{\"type\":\"LeastAllocated\",\"resources\":[{\"name\":\"cpu\",\"weight\":1},"
            + "{\"name\":\"memory\",\"weight\":1}]}}");
  }

  @Test
  void pluginsShowsScoreWeightsAndPluginsWithoutArgs() {
    Cli r = Cli.run("plugins");
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l)
        .startsWith("TaintToleration ").contains("yes (score weight 3)").endsWith("-"));
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l)
        .startsWith("PrioritySort ").contains("queueSort").contains("yes"));
  }

  @Test
  void pluginsListsUpstreamDefaultsNotModelledYet() {
    Cli r = Cli.run("plugins");
    String last = r.outLines().get(r.outLines().size() - 1);
    assertThat(last).startsWith("Upstream default plugins not available yet")
        .contains("VolumeBinding", "DynamicResources")
        .doesNotContain("NodeResourcesFit", "DefaultPreemption");
  }

  @Test
  void noCommandIsBadInput() {
    Cli r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("schedlab: missing command (see 'schedlab --help')");
  }
}
