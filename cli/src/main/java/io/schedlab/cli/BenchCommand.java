package io.schedlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab bench [--workload REGEX] [--quick] [--list] [--out FILE] [--jar PATH]
 * [--jvm-arg ARG]... [-- JMH-ARGS]}: runs the JMH benchmarks jar in a child JVM.
 *
 * <p>The child uses this process's own java executable, so a JDK that {@code bin/schedlab}
 * picked is the one that measures, and it inherits stdout and stderr so JMH's progress shows as
 * it happens.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
      "Run the JMH benchmarks (benchmarks/target/benchmarks.jar, built by bin/mvnw -B -q package"
          + " -DskipTests) in a child JVM and write JMH's JSON results, which bench-report"
          + " renders. Arguments after -- go to JMH unchanged, e.g. -- -prof gc.",
      "The exit status is JMH's."
    })
public final class BenchCommand implements Callable<Integer> {
  /** The benchmarks jar, relative to the schedlab home or the working directory. */
  static final String JAR = "benchmarks/target/benchmarks.jar";
  static final String BUILD_COMMAND = "bin/mvnw -B -q package -DskipTests";
  /** One fork, one one-second warmup and one one-second measurement per benchmark. */
  static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-i", "1", "-w", "1s", "-r", "1s");

  @Spec private CommandSpec spec;

  @Option(names = "--workload", paramLabel = "NAME|REGEX",
      description = "Only the benchmarks whose full name matches this regular expression, e.g."
          + " QueueBenchmark or 'Plugin(Filter|Score)Benchmark' (default: all).")
  private String workload;

  @Option(names = "--quick",
      description = "One short smoke iteration: -f 1 -wi 1 -i 1 -w 1s -r 1s.")
  private boolean quick;

  @Option(names = "--list", description = "List the matching benchmarks (JMH -l) instead of running them.")
  private boolean list;

  @Option(names = "--out", paramLabel = "FILE.json", defaultValue = "bench-results.json",
      description = "Where JMH writes its JSON results (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--jar", paramLabel = "PATH",
      description = "The benchmarks jar (default: " + JAR + " under the schedlab home or the"
          + " working directory).")
  private Path jar;

  @Option(names = "--jvm-arg", paramLabel = "ARG",
      description = "An option for the JVM that runs JMH, e.g. -Djmh.ignoreLock=true; JMH's forks"
          + " inherit it unless a benchmark sets its own. Repeatable.")
  private List<String> jvmArgs = new ArrayList<>();

  @Parameters(paramLabel = "JMH-ARG", arity = "0..*",
      description = "Passed to JMH as they are; put them after --.")
  private List<String> jmhArgs = new ArrayList<>();

  /** What the user asked JMH to do. */
  record Request(String workload, boolean quick, boolean list, Path out, List<String> jvmArgs,
      List<String> jmhArgs) {
    Request {
      jvmArgs = List.copyOf(jvmArgs);
      jmhArgs = List.copyOf(jmhArgs);
    }
  }

  /** The options as parsed. */
  Request request() {
    return new Request(workload, quick, list, out, jvmArgs, jmhArgs);
  }

  /** The child's command line: {@code java [JVM-ARGS] -jar JAR} and JMH's options for the request. */
  static List<String> commandLine(String java, Path jar, Request r) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(r.jvmArgs());
    cmd.add("-jar");
    cmd.add(jar.toString());
    if (r.list()) {
      cmd.add("-l");
    } else {
      cmd.add("-rf");
      cmd.add("json");
      cmd.add("-rff");
      cmd.add(r.out().toString());
      if (r.quick()) {
        cmd.addAll(QUICK);
      }
    }
    if (r.workload() != null) {
      cmd.add(r.workload());
    }
    cmd.addAll(r.jmhArgs());
    return cmd;
  }

  /**
   * The jar to run: {@code explicit} when given, else {@link #JAR} under {@code home} (may be
   * null), else under {@code workingDir}. Bad input when it is not there.
   */
  static Path locateJar(Path explicit, String home, Path workingDir) {
    if (explicit != null) {
      if (!Files.isRegularFile(explicit)) {
        throw new BadInputException("--jar " + explicit + ": no such file");
      }
      return explicit;
    }
    if (home != null) {
      Path p = Path.of(home).resolve(JAR);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    Path p = workingDir.resolve(JAR);
    if (Files.isRegularFile(p)) {
      return p;
    }
    throw new BadInputException(JAR + " not found" + (home == null ? "" : " under " + home)
        + "; build it with: " + BUILD_COMMAND);
  }

  /** The java executable running this process, so the child gets the same JDK. */
  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Path jarPath = locateJar(jar, System.getProperty(Samples.HOME_PROPERTY), Path.of(""));
    if (!list) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        try {
          Files.createDirectories(parent);
        } catch (IOException e) {
          throw new BadInputException("--out " + out + ": cannot create its folder (" + e.getMessage() + ")", e);
        }
      }
    }
    List<String> cmd = commandLine(javaExecutable(), jarPath, request());
    stdout.flush();
    stderr.flush();
    int code = runInheritingStreams(cmd);
    if (code != 0) {
      stderr.println("schedlab: JMH exited with status " + code);
      stderr.flush();
      return code;
    }
    if (!list) {
      stdout.println("results: " + out + " (render with: schedlab bench-report " + out + ")");
      stdout.flush();
    }
    return 0;
  }

  /** Runs the child to completion; if this JVM is stopped first, the child is stopped too. */
  private static int runInheritingStreams(List<String> cmd) throws IOException {
    Process child = new ProcessBuilder(cmd).inheritIO().start();
    Thread stopChild = new Thread(child::destroy, "schedlab-bench-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      child.destroy();
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while JMH was running", e));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopChild);
      } catch (IllegalStateException shuttingDown) {
        // The hook is already running or has run; nothing left to undo.
      }
    }
  }
}
