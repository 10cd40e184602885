package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.framework.PluginLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example plugin project (examples/label-preference-plugin) run through {@code schedlab
 * schedule --plugins}, as its README says. Its classes are not on this module's class path; they
 * load from the example's jar, which the reactor builds before this module.
 */
class ExternalPluginExampleTest {
  private static final String EXAMPLE = "examples/label-preference-plugin";
  private static final String PLUGIN_CLASS = "io.schedlab.examples.labelpreference.LabelPreference";

  @TempDir Path tmp;

  private static Path example(String file) {
    return Path.of(Cli.repoPath(EXAMPLE)).resolve(file);
  }

  /**
   * The example's target folder, holding its jar once packaged (verify); before packaging (a
   * test-phase build) a jar made here from its compiled classes, so the check still loads a jar.
   */
  private Path pluginDir() throws IOException {
    Path target = example("target");
    if (jarsIn(target) > 0) {
      return target;
    }
    Path classes = target.resolve("classes");
    assertThat(classes.resolve(PluginLoader.SERVICE_FILE))
        .as("the example is compiled before the cli tests (it is a module of the reactor)")
        .isRegularFile();
    Path dir = Files.createDirectories(tmp.resolve("plugins"));
    try (OutputStream file = Files.newOutputStream(dir.resolve("label-preference-plugin.jar"));
        JarOutputStream jar = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    return dir;
  }

  private static long jarsIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).count();
    }
  }

  @Test
  void thePluginIsNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName(PLUGIN_CLASS))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void scheduleLoadsThePluginByNameAndPlacesPodsByItsScore() throws IOException {
    Cli r = Cli.run("schedule", "--plugins", pluginDir().toString(),
        "--config", example("profile.yaml").toString(),
        "--nodes", example("nodes.yaml").toString(), "--pods", example("pods.yaml").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // ssd-1 scores 100 and takes two pods; then hdd-1 (40) beats the unlabelled node (0).
    assertThat(r.outLines()).startsWith(
        "default/db-1 -> ssd-1",
        "default/db-2 -> ssd-1",
        "default/db-3 -> hdd-1",
        "default/db-4 -> hdd-1");
  }

  @Test
  void withoutTheDefaultProfileThePodsSpread() {
    // The control: the same pods without the plugin do not all go to the labelled nodes.
    Cli r = Cli.run("schedule", "--nodes", example("nodes.yaml").toString(),
        "--pods", example("pods.yaml").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l).endsWith("-> plain-1"));
  }

  @Test
  void withoutItsJarTheProfileNamesAnUnknownPlugin() {
    Cli r = Cli.run("schedule", "--config", example("profile.yaml").toString(),
        "--nodes", example("nodes.yaml").toString(), "--pods", example("pods.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("schedlab: " + example("profile.yaml"))
        .contains("LabelPreference");
  }

  @Test
  void pluginsListsItWithItsJarAndDefaultArgs() throws IOException {
    Path dir = pluginDir();
    Cli r = Cli.run("plugins", "--plugins", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l)
        .startsWith("LabelPreference ")
        .contains("score", " no ", dir.toString(), ".jar")
        .endsWith("{\"labelKey\":\"\",\"valueScores\":{},\"otherScore\":0}"));
    assertThat(r.outLines()).anySatisfy(l -> assertThat(l)
        .startsWith("NodeResourcesFit ").contains(" in-tree "));
  }

  @Test
  void aMissingPluginsFolderIsOneLineOfBadInput() {
    Path missing = tmp.resolve("nowhere");
    Cli r = Cli.run("schedule", "--plugins", missing.toString(),
        "--nodes", example("nodes.yaml").toString(), "--pods", example("pods.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines()).containsExactly("schedlab: --plugins " + missing + ": no such file or folder");
  }

  @Test
  void simulateRunsTheProfileWithThePluginAndFailsWithoutIt() throws IOException {
    String scenario = Cli.repoPath("traces/samples/scenarios/job-completion.yaml");
    String profile = example("profile.yaml").toString();
    Cli with = Cli.run("simulate", "--plugins", pluginDir().toString(), "--config", profile,
        "--scenario", scenario);
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(with.out()).contains("pod_bound 6");
    Cli without = Cli.run("simulate", "--config", profile, "--scenario", scenario);
    assertThat(without.exitCode()).isEqualTo(2);
    assertThat(without.errLines()).singleElement().asString()
        .contains("unknown plugin \"LabelPreference\"");
  }

  @Test
  void compareRunsAProfileWithThePluginBesideTheDefault() throws IOException {
    Path out = tmp.resolve("compare");
    Cli r = Cli.run("compare", "--plugins", pluginDir().toString(),
        "--scenario", Cli.repoPath("traces/samples/scenarios/job-completion.yaml"),
        "--profiles", "default", example("profile.yaml").toString(), "--seeds", "1",
        "--threads", "1", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("report written to " + out.resolve("report.html"));
    assertThat(Files.readString(out.resolve("summary.csv"))).contains("\nprofile,1,");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"schedule", "simulate", "compare", "plugins"})
  void everyCommandThatBuildsProfilesTakesPlugins(String command) {
    Cli r = Cli.run(command, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--plugins=DIR");
  }

  @Test
  void pluginsIsRepeatable() throws IOException {
    Path dir = pluginDir();
    Cli r = Cli.run("plugins", "--plugins", dir.toString(), "--plugins", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.outLines()).filteredOn(l -> l.startsWith("LabelPreference ")).hasSize(1);
    assertThat(List.of(r.err())).containsExactly("");
  }
}
