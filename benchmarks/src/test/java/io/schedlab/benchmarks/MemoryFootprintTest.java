package io.schedlab.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance "15,000 nodes with 150,000 running pods fit in a 2 GB heap": {@link
 * MemoryFootprint} in a JVM of its own with {@code -Xmx2g}, so the heap limit is the one that
 * counts and nothing else in the test JVM is measured.
 */
class MemoryFootprintTest {
  private static final Pattern USED = Pattern.compile("heapUsedBytes=(\\d+)");
  private static final long TWO_GIB = 2L * 1024 * 1024 * 1024;

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "objects decoded one by one, --decoded",
    "objects from one template, --shared"
  })
  void fifteenThousandNodesAndHundredFiftyThousandPodsFitInTwoGigabytes(String name, String mode)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("15000", "10"));
    if (mode.equals("--shared")) {
      args.add(mode);
    }
    Run run = fork("-Xmx2g", args);
    assertThat(run.exit).as("exit status; output:%n%s", run.output).isZero();
    Matcher m = USED.matcher(run.output);
    assertThat(m.find()).as("a heapUsedBytes figure in:%n%s", run.output).isTrue();
    long used = Long.parseLong(m.group(1));
    System.out.println(run.output.strip() + " (forked run took " + run.seconds + " s)");
    assertThat(used).isPositive().isLessThan(TWO_GIB);
    assertThat(run.output).contains("nodes=15000 runningPods=150000");
  }

  @Test
  void tooSmallAHeapFailsWithAClearMessage() throws IOException, InterruptedException {
    Run run = fork("-Xmx48m", List.of("15000", "10"));
    assertThat(run.exit).isEqualTo(3);
    assertThat(run.output).contains("MemoryFootprint: out of memory with max heap");
  }

  @Test
  void badArgumentsAreNamed() throws IOException, InterruptedException {
    Run run = fork("-Xmx64m", List.of("many"));
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.output.strip()).isEqualTo("MemoryFootprint: nodes: expected a non-negative integer, got \"many\"");
  }

  private record Run(int exit, String output, long seconds) {}

  private Run fork(String heap, List<String> args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(
        java, heap, "-cp", System.getProperty("java.class.path"), MemoryFootprint.class.getName()));
    cmd.addAll(args);
    Path out = temp.resolve("out-" + System.nanoTime() + ".txt");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("MemoryFootprint " + args + " did not finish in 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
  }
}
