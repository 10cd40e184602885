package io.schedlab.framework;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Builds the registry a run uses: the in-tree plugins, then every {@link PluginProvider} that
 * {@link ServiceLoader} finds on the class path and in the plugin jars the user named.
 *
 * <p>Plugin jars are loaded by one class loader over all of them, whose parent is schedlab's own,
 * so a plugin sees the same framework classes as the scheduler and a jar may use another's
 * classes. Every jar is opened and its service file read before anything is loaded: that is how a
 * file that is not a jar is caught up front, and how a failing provider is traced to its jar.
 */
public final class PluginLoader {
  /** Where a jar lists its providers. */
  public static final String SERVICE_FILE = "META-INF/services/" + PluginProvider.class.getName();
  /** The source of the plugins in the base registry. */
  public static final String IN_TREE = "in-tree";

  private PluginLoader() {}

  /** {@link #load(Registry, List, ClassLoader)} with schedlab's own class loader as parent. */
  public static LoadedPlugins load(Registry inTree, List<Path> pluginPaths) {
    return load(inTree, pluginPaths, PluginLoader.class.getClassLoader());
  }

  /**
   * The in-tree registrations followed by every provider's, in discovery order: providers on
   * {@code parent}'s class path first, then those of the jars in {@code pluginPaths} (each a
   * folder whose {@code *.jar} files are read in name order, or one jar file).
   *
   * @throws PluginLoadException for a path that is neither a folder nor a jar, a folder without
   *     any provider, an unreadable jar, a provider that cannot be built or whose {@code register}
   *     throws, and a plugin name registered twice
   */
  public static LoadedPlugins load(Registry inTree, List<Path> pluginPaths, ClassLoader parent) {
    Map<String, Path> jarOfProvider = new LinkedHashMap<>();
    List<Path> jars = new ArrayList<>();
    Map<Path, Boolean> read = new HashMap<>();
    for (Path p : pluginPaths) {
      collect(p, jars, jarOfProvider, read);
    }
    URLClassLoader jarLoader = jars.isEmpty() ? null
        : new URLClassLoader("schedlab-plugins", urls(jars), parent);
    try {
      Registry registry = new Registry();
      Map<String, String> sources = new LinkedHashMap<>();
      add(registry, sources, inTree, IN_TREE, null);
      ClassLoader searched = jarLoader == null ? parent : jarLoader;
      Iterator<PluginProvider> providers =
          ServiceLoader.load(PluginProvider.class, searched).iterator();
      while (true) {
        PluginProvider provider;
        try {
          if (!providers.hasNext()) {
            break;
          }
          provider = providers.next();
        } catch (ServiceConfigurationError e) {
          throw unloadable(e, jarOfProvider);
        }
        String providerName = provider.getClass().getName();
        String source = sourceOf(provider.getClass(), jarOfProvider, jarLoader);
        Registry own = new Registry();
        try {
          provider.register(own);
        } catch (RuntimeException | LinkageError e) {
          throw new PluginLoadException(source + ": plugin provider " + providerName
              + " failed: " + describe(e), e);
        }
        add(registry, sources, own, source, providerName);
      }
      return new LoadedPlugins(registry, sources, jars, jarLoader);
    } catch (RuntimeException e) {
      closeQuietly(jarLoader);
      throw e;
    }
  }

  private static void add(Registry into, Map<String, String> sources, Registry from,
      String source, String providerName) {
    for (Registry.Registration<?> r : from.registrations()) {
      String taken = sources.get(r.name());
      if (taken != null) {
        throw new PluginLoadException(source + ": plugin provider " + providerName
            + " registers \"" + r.name() + "\", a name already registered by " + taken);
      }
      sources.put(r.name(), source);
    }
    into.merge(from);
  }

  private static void collect(Path path, List<Path> jars, Map<String, Path> jarOfProvider,
      Map<Path, Boolean> read) {
    List<Path> found;
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        found = files
            .filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".jar"))
            .sorted()
            .toList();
      } catch (IOException e) {
        throw new PluginLoadException("--plugins " + path + ": cannot list the folder: "
            + describe(e), e);
      }
      if (found.isEmpty()) {
        throw new PluginLoadException("--plugins " + path
            + ": no .jar file in it; expected the plugin jars (is the plugin built?)");
      }
    } else if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
      found = List.of(path);
    } else if (Files.exists(path)) {
      throw new PluginLoadException("--plugins " + path
          + ": expected a folder of plugin jars or a .jar file");
    } else {
      throw new PluginLoadException("--plugins " + path + ": no such file or folder");
    }
    boolean anyProvider = false;
    for (Path jar : found) {
      Path key = jar.toAbsolutePath().normalize();
      // A jar named twice (the same folder twice, or by two spellings) is read once.
      if (!read.containsKey(key)) {
        jars.add(jar);
        List<String> providers = providersIn(jar);
        read.put(key, !providers.isEmpty());
        for (String provider : providers) {
          jarOfProvider.putIfAbsent(provider, jar);
        }
      }
      anyProvider |= read.get(key);
    }
    if (!anyProvider) {
      throw new PluginLoadException("--plugins " + path + ": no jar in it declares a plugin"
          + " provider (" + SERVICE_FILE + ")");
    }
  }

  /** The provider class names a jar's service file lists; '#' starts a comment, as for ServiceLoader. */
  static List<String> providersIn(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry(SERVICE_FILE);
      if (entry == null) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      try (InputStream in = file.getInputStream(entry);
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          int hash = line.indexOf('#');
          String name = (hash < 0 ? line : line.substring(0, hash)).strip();
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      }
      return names;
    } catch (IOException e) {
      throw new PluginLoadException(jar + ": not a readable jar file (" + describe(e) + ")", e);
    }
  }

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new PluginLoadException(jars.get(i) + ": cannot be loaded (" + describe(e) + ")", e);
      }
    }
    return urls;
  }

  /** The jar the user named for a provider found there, else where the class path holds it. */
  private static String sourceOf(
      Class<?> type, Map<String, Path> jarOfProvider, ClassLoader jarLoader) {
    Path jar = jarOfProvider.get(type.getName());
    // The same class on the class path too is loaded from there (parent first).
    if (jar != null && type.getClassLoader() == jarLoader) {
      return jar.toString();
    }
    CodeSource code = type.getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return "class path";
    }
    try {
      return "class path " + Path.of(code.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "class path " + code.getLocation();
    }
  }

  private static PluginLoadException unloadable(
      ServiceConfigurationError e, Map<String, Path> jarOfProvider) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String prefix = PluginProvider.class.getName() + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    String where = "plugin provider";
    for (Map.Entry<String, Path> p : jarOfProvider.entrySet()) {
      if (message.contains(p.getKey())) {
        where = p.getValue().toString();
        break;
      }
    }
    String cause = e.getCause() == null ? "" : ": " + describe(e.getCause());
    return new PluginLoadException(where + ": " + message + cause, e);
  }

  /** One line: the exception's class and message, for causes whose type tells what happened. */
  private static String describe(Throwable t) {
    String message = t.getMessage();
    String type = t.getClass().getName();
    if (message == null || message.isBlank()) {
      return type;
    }
    int nl = message.indexOf('\n');
    return type + ": " + (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  private static void closeQuietly(URLClassLoader loader) {
    if (loader == null) {
      return;
    }
    try {
      loader.close();
    } catch (IOException ignored) {
      // Only a failed load gets here, and the load's own error is the one to report.
    }
  }
}
