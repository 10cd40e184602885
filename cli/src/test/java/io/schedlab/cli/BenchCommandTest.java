package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.schedlab.reports.bench.JmhResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class BenchCommandTest {
  private static final Path JAR = Path.of("b.jar");
  private static final Path OUT = Path.of("bench-results.json");

  static Stream<Arguments> commandLines() {
    return Stream.of(
        Arguments.of("defaults: every benchmark, JSON to the default file",
            new BenchCommand.Request(null, false, false, OUT, List.of(), List.of()),
            List.of("-rf", "json", "-rff", "bench-results.json")),
        Arguments.of("workload is the include regex",
            new BenchCommand.Request("Plugin(Filter|Score)Benchmark", false, false, OUT, List.of(), List.of()),
            List.of("-rf", "json", "-rff", "bench-results.json", "Plugin(Filter|Score)Benchmark")),
        Arguments.of("quick is one short fork, warmup and measurement",
            new BenchCommand.Request("QueueBenchmark", true, false, Path.of("target/ci.json"), List.of(), List.of()),
            List.of("-rf", "json", "-rff", "target/ci.json", "-f", "1", "-wi", "1", "-i", "1",
                "-w", "1s", "-r", "1s", "QueueBenchmark")),
        Arguments.of("arguments after -- go last, unchanged",
            new BenchCommand.Request("Snapshot", false, false, OUT, List.of(),
                List.of("-prof", "gc", "-p", "queued=0")),
            List.of("-rf", "json", "-rff", "bench-results.json", "Snapshot", "-prof", "gc", "-p", "queued=0")),
        Arguments.of("list writes no results and ignores quick",
            new BenchCommand.Request("Queue", true, true, OUT, List.of(), List.of()),
            List.of("-l", "Queue")),
        Arguments.of("JVM arguments go before -jar",
            new BenchCommand.Request(null, false, true, OUT, List.of("-Xmx1g", "-Djmh.ignoreLock=true"),
                List.of()),
            List.of("-l")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commandLines")
  void translatesOptionsToJmhArguments(String name, BenchCommand.Request request, List<String> jmh) {
    List<String> expected = new ArrayList<>();
    expected.add("/jdk/bin/java");
    expected.addAll(request.jvmArgs());
    expected.addAll(List.of("-jar", "b.jar"));
    expected.addAll(jmh);
    assertThat(BenchCommand.commandLine("/jdk/bin/java", JAR, request)).isEqualTo(expected);
  }

  static Stream<Arguments> parsedOptions() {
    return Stream.of(
        Arguments.of("no options", List.of(),
            new BenchCommand.Request(null, false, false, OUT, List.of(), List.of())),
        Arguments.of("every option and JMH arguments after --",
            List.of("--workload", "Queue", "--quick", "--out", "x/r.json", "--jvm-arg", "-Xmx1g",
                "--jvm-arg=-Da=b", "--", "-prof", "gc"),
            new BenchCommand.Request("Queue", true, false, Path.of("x/r.json"),
                List.of("-Xmx1g", "-Da=b"), List.of("-prof", "gc"))),
        Arguments.of("list", List.of("--list", "--workload", "Snapshot"),
            new BenchCommand.Request("Snapshot", false, true, OUT, List.of(), List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsedOptions")
  void parsesOptionsIntoTheRequest(String name, List<String> args, BenchCommand.Request expected) {
    CommandLine main = Main.commandLine(new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()));
    List<String> all = new ArrayList<>(List.of("bench"));
    all.addAll(args);
    main.parseArgs(all.toArray(String[]::new));
    BenchCommand bench = main.getSubcommands().get("bench").getCommand();
    assertThat(bench.request()).isEqualTo(expected);
  }

  @Test
  void anOptionJmhTakesMustComeAfterTheSeparator() {
    Cli r = Cli.run("bench", "--quick", "-prof", "gc");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().startsWith("schedlab: Unknown option: '-prof'");
  }

  @Test
  void childUsesThisProcessesJava() {
    assertThat(BenchCommand.javaExecutable()).endsWith("java");
    assertThat(Path.of(BenchCommand.javaExecutable())).isRegularFile();
  }

  @Test
  void findsTheJarUnderTheHomeFirstThenTheWorkingDirectory(@TempDir Path dir) throws IOException {
    Path home = dir.resolve("home");
    Path cwd = dir.resolve("cwd");
    Path inCwd = Files.createDirectories(cwd.resolve("benchmarks/target")).resolve("benchmarks.jar");
    Files.writeString(inCwd, "");
    assertThat(BenchCommand.locateJar(null, home.toString(), cwd)).isEqualTo(inCwd);
    Path inHome = Files.createDirectories(home.resolve("benchmarks/target")).resolve("benchmarks.jar");
    Files.writeString(inHome, "");
    assertThat(BenchCommand.locateJar(null, home.toString(), cwd)).isEqualTo(inHome);
    assertThat(BenchCommand.locateJar(inCwd, home.toString(), cwd)).isEqualTo(inCwd);
  }

  @Test
  void missingJarTellsHowToBuildIt(@TempDir Path dir) {
    assertThatThrownBy(() -> BenchCommand.locateJar(null, dir.toString(), dir))
        .isInstanceOf(BadInputException.class)
        .hasMessage("benchmarks/target/benchmarks.jar not found under " + dir
            + "; build it with: bin/mvnw -B -q package -DskipTests");
  }

  @Test
  void missingJarIsOneLineAndBadInput(@TempDir Path dir) {
    Cli r = Cli.run("bench", "--quick", "--jar", dir.resolve("nope.jar").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("schedlab: --jar " + dir.resolve("nope.jar") + ": no such file");
    assertThat(r.out()).isEmpty();
  }

  /**
   * The CI smoke run: {@code bin/mvnw -B verify} packages benchmarks.jar before the cli module's
   * tests, so this runs one short iteration of the empty-queue push/pop there. JMH's progress
   * goes to a file (-o): the test JVM's own stdout belongs to Surefire. JMH's lock is ignored
   * so that a benchmark running elsewhere on the machine does not fail the build.
   */
  @Test
  void quickRunOfOneSmallBenchmarkWritesJsonResults(@TempDir Path dir) {
    Path jar = Path.of(Cli.repoPath(BenchCommand.JAR));
    assumeTrue(Files.isRegularFile(jar), "benchmarks.jar not built; run bin/mvnw -B verify");
    Path out = dir.resolve("results/smoke.json");
    Cli r = Cli.run("bench", "--quick", "--workload", "io\\.schedlab\\.benchmarks\\.QueueBenchmark\\.",
        "--out", out.toString(), "--jar", jar.toString(), "--jvm-arg", "-Djmh.ignoreLock=true",
        "--", "-p", "queued=0", "-o", dir.resolve("jmh.log").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).containsExactly(
        "results: " + out + " (render with: schedlab bench-report " + out + ")");
    List<JmhResult> results = JmhResult.read(out);
    assertThat(results).singleElement().satisfies(res -> {
      assertThat(res.benchmark()).isEqualTo("io.schedlab.benchmarks.QueueBenchmark.pushPop");
      assertThat(res.params()).containsEntry("queued", "0");
      assertThat(res.score()).isPositive();
    });
  }
}
