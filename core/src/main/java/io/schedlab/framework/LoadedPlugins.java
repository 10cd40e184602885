package io.schedlab.framework;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link PluginLoader} found: the merged registry and where each plugin came from ({@link
 * PluginLoader#IN_TREE}, a plugin jar's path, or {@code class path <location>}). Closing it
 * closes the plugin jars; the registry must not be used to build plugins after that.
 */
public final class LoadedPlugins implements AutoCloseable {
  private final Registry registry;
  private final Map<String, String> sources;
  private final List<Path> jars;
  private final URLClassLoader jarLoader;

  LoadedPlugins(Registry registry, Map<String, String> sources, List<Path> jars,
      URLClassLoader jarLoader) {
    this.registry = registry;
    this.sources = Map.copyOf(sources);
    this.jars = List.copyOf(jars);
    this.jarLoader = jarLoader;
  }

  public Registry registry() {
    return registry;
  }

  /** Where the plugin named {@code name} was registered from, or null for an unknown name. */
  public String source(String name) {
    return sources.get(name);
  }

  /** The plugin jars read, in load order. */
  public List<Path> jars() {
    return jars;
  }

  @Override
  public void close() throws IOException {
    if (jarLoader != null) {
      jarLoader.close();
    }
  }
}
