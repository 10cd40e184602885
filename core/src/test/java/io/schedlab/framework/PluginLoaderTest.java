package io.schedlab.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.framework.loadertest.LoaderTestProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PluginLoaderTest {
  private static final String PACKAGE = "io.schedlab.framework.loadertest";
  private static final String PROVIDERS = LoaderTestProviders.class.getName();
  private static final String GOOD = PROVIDERS + "$Good";

  /** The test's class loader minus the provider package: what the user's jar must bring. */
  private static final ClassLoader WITHOUT_PROVIDERS =
      new ClassLoader("without-test-providers", PluginLoaderTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          if (name.startsWith(PACKAGE + ".")) {
            throw new ClassNotFoundException(name);
          }
          return super.loadClass(name, resolve);
        }
      };

  @TempDir Path dir;

  private static Registry base() {
    return new Registry().register("Base", LoaderTestProviders.ConstantScore.class,
        LoaderTestProviders.ConstantArgs.class, LoaderTestProviders.ConstantArgs::defaults,
        (args, handle) -> new LoaderTestProviders.ConstantScore(args));
  }

  @Test
  void withoutProvidersTheRegistryIsTheInTreeOne() {
    LoadedPlugins loaded = PluginLoader.load(base(), List.of(), WITHOUT_PROVIDERS);
    assertThat(loaded.registry().names()).containsExactly("Base");
    assertThat(loaded.source("Base")).isEqualTo(PluginLoader.IN_TREE);
    assertThat(loaded.jars()).isEmpty();
  }

  @Test
  void providerOnTheClassPathIsFound() throws IOException {
    Path services = dir.resolve("cp/" + PluginLoader.SERVICE_FILE);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# the test's provider\n" + GOOD + "\n");
    ClassLoader classPath = new URLClassLoader(
        new URL[] {dir.resolve("cp").toUri().toURL()}, PluginLoaderTest.class.getClassLoader());

    LoadedPlugins loaded = PluginLoader.load(base(), List.of(), classPath);

    assertThat(loaded.registry().names()).containsExactly("Base", "ConstantScore");
    assertThat(loaded.source("ConstantScore")).startsWith("class path ")
        .endsWith(testClassesRoot().toString());
  }

  @Test
  void providerInAJarOfThePluginsFolderIsLoadedFromThatJar() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path jar = jar(folder.resolve("constant.jar"), GOOD + "\n", true);
    Files.writeString(folder.resolve("README.txt"), "not a jar, not read");

    try (LoadedPlugins loaded = PluginLoader.load(base(), List.of(folder), WITHOUT_PROVIDERS)) {
      assertThat(loaded.registry().names()).containsExactly("Base", "ConstantScore");
      assertThat(loaded.source("ConstantScore")).isEqualTo(jar.toString());
      assertThat(loaded.jars()).containsExactly(jar);
      Plugin plugin = loaded.registry().create("ConstantScore",
          new ObjectMapper().readTree("{\"score\": 42}"), null);
      assertThat(plugin.getClass().getName()).isEqualTo(PROVIDERS + "$ConstantScore");
      assertThat(plugin.getClass()).isNotSameAs(LoaderTestProviders.ConstantScore.class);
      assertThat(((ScorePlugin) plugin).score(null, null, null)).isEqualTo(42);
      assertThat(((ScorePlugin) loaded.registry().create("ConstantScore", null, null))
          .score(null, null, null)).isEqualTo(7);
      assertThat(loaded.registry().extensionPoints("ConstantScore"))
          .containsExactly(io.schedlab.config.ExtensionPoint.SCORE);
    }
  }

  @Test
  void aJarFileMayBeNamedDirectly() throws Exception {
    Path jar = jar(dir.resolve("constant.jar"), GOOD + "\n", true);
    try (LoadedPlugins loaded = PluginLoader.load(base(), List.of(jar), WITHOUT_PROVIDERS)) {
      assertThat(loaded.source("ConstantScore")).isEqualTo(jar.toString());
    }
  }

  /** A jar to put in the case's folder: its file name, service file text, and whether it holds the classes. */
  record JarSpec(String name, String services, boolean classes) {}

  static Stream<Arguments> failures() {
    String notJar = "not a jar";
    return Stream.of(
        Arguments.of("a folder that does not exist", "missing", null,
            "--plugins {dir}/missing: no such file or folder"),
        Arguments.of("a file that is neither a folder nor a jar", "notes.txt", null,
            "--plugins {dir}/notes.txt: expected a folder of plugin jars or a .jar file"),
        Arguments.of("a folder without jars", "plugins", List.of(),
            "--plugins {dir}/plugins: no .jar file in it; expected the plugin jars"
                + " (is the plugin built?)"),
        Arguments.of("a .jar that is not a jar", "plugins",
            List.of(new JarSpec("broken.jar", notJar, false)),
            "{dir}/plugins/broken.jar: not a readable jar file (java.util.zip.ZipException:"
                + " zip END header not found)"),
        Arguments.of("jars without a provider", "plugins",
            List.of(new JarSpec("lib.jar", null, true)),
            "--plugins {dir}/plugins: no jar in it declares a plugin provider"
                + " (META-INF/services/io.schedlab.framework.PluginProvider)"),
        Arguments.of("a provider whose register throws", "plugins",
            List.of(new JarSpec("bad.jar", PROVIDERS + "$Throwing", true)),
            "{dir}/plugins/bad.jar: plugin provider " + PROVIDERS + "$Throwing failed:"
                + " java.lang.IllegalStateException: boom"),
        Arguments.of("a provider whose constructor throws", "plugins",
            List.of(new JarSpec("bad.jar", PROVIDERS + "$FailsToConstruct", true)),
            "{dir}/plugins/bad.jar: Provider " + PROVIDERS + "$FailsToConstruct could not be"
                + " instantiated: java.lang.IllegalStateException: no settings"),
        Arguments.of("a provider class missing from its jar", "plugins",
            List.of(new JarSpec("bad.jar", PROVIDERS + "$Good", false)),
            "{dir}/plugins/bad.jar: Provider " + PROVIDERS + "$Good not found"),
        Arguments.of("a name the in-tree plugins hold", "plugins",
            List.of(new JarSpec("dup.jar", PROVIDERS + "$TakesBase", true)),
            "{dir}/plugins/dup.jar: plugin provider " + PROVIDERS + "$TakesBase registers"
                + " \"Base\", a name already registered by in-tree"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void badPluginsAreOneLineNamingTheCulprit(
      String name, String path, List<JarSpec> jars, String expected) throws IOException {
    Path target = dir.resolve(path);
    if (path.endsWith(".txt")) {
      Files.writeString(target, "hello");
    } else if (jars != null) {
      Files.createDirectories(target);
      for (JarSpec spec : jars) {
        if (spec.services() != null && spec.services().equals("not a jar")) {
          Files.writeString(target.resolve(spec.name()), spec.services());
        } else {
          jar(target.resolve(spec.name()), spec.services(), spec.classes());
        }
      }
    }
    assertThatThrownBy(() -> PluginLoader.load(base(), List.of(target), WITHOUT_PROVIDERS))
        .isInstanceOf(PluginLoadException.class)
        .hasMessage(expected.replace("{dir}", dir.toString()));
  }

  @Test
  void aNameTwoJarsRegisterNamesBothJars() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("plugins"));
    Path first = jar(folder.resolve("a.jar"), PROVIDERS + "$TakesBase\n", true);
    Path second = jar(folder.resolve("b.jar"), PROVIDERS + "$TakesBaseToo\n", false);
    assertThatThrownBy(() -> PluginLoader.load(new Registry(), List.of(folder), WITHOUT_PROVIDERS))
        .isInstanceOf(PluginLoadException.class)
        .hasMessage(second + ": plugin provider " + PROVIDERS + "$TakesBaseToo registers"
            + " \"Base\", a name already registered by " + first);
  }

  /** Writes a jar with the given service file (none when null) and, if asked, this package's classes. */
  private static Path jar(Path path, String services, boolean withClasses) throws IOException {
    try (OutputStream file = Files.newOutputStream(path);
        JarOutputStream jar = new JarOutputStream(file)) {
      if (services != null) {
        jar.putNextEntry(new JarEntry(PluginLoader.SERVICE_FILE));
        jar.write(services.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
      if (withClasses) {
        String folder = PACKAGE.replace('.', '/') + "/";
        for (Path cls : classFiles(testClassesRoot().resolve(folder))) {
          jar.putNextEntry(new JarEntry(folder + cls.getFileName()));
          try (InputStream in = Files.newInputStream(cls)) {
            in.transferTo(jar);
          }
          jar.closeEntry();
        }
      }
    }
    return path;
  }

  private static List<Path> classFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return new ArrayList<>(files.filter(f -> f.toString().endsWith(".class")).sorted().toList());
    }
  }

  /** The folder the test classes were compiled to. */
  private static Path testClassesRoot() {
    try {
      return Path.of(LoaderTestProviders.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
