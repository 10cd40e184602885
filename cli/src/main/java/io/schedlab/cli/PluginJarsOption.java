package io.schedlab.cli;

import io.schedlab.framework.LoadedPlugins;
import io.schedlab.framework.PluginLoader;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR}, shared by every command that builds scheduler profiles: the registry
 * they build profiles from is the in-tree plugins plus the plugin jars' providers.
 *
 * <p>The jars stay open until the process ends: plugins are built from them for as long as the
 * command runs, and the CLI exits right after.
 */
final class PluginJarsOption {
  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A folder of plugin jars (or one .jar) whose PluginProviders add plugins,"
          + " enabled by name in the scheduler configuration like in-tree ones; repeatable."
          + " Providers on the class path are always loaded.")
  private List<Path> paths = new ArrayList<>();

  /** The registry with its sources; throws PluginLoadException (bad input) for a bad jar. */
  LoadedPlugins load() {
    return PluginLoader.load(InTreeRegistry.create(), paths);
  }

  Registry registry() {
    return load().registry();
  }
}
