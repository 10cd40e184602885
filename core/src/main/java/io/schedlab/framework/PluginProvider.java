package io.schedlab.framework;

/**
 * The service a plugin jar offers so that schedlab finds its plugins without being rebuilt.
 *
 * <p>A jar lists its providers, one class name a line, in {@code
 * META-INF/services/io.schedlab.framework.PluginProvider}; each class is public with a public
 * no-argument constructor. schedlab finds them with {@link java.util.ServiceLoader} on its own
 * class path and in the jars given with {@code --plugins DIR} (see {@link PluginLoader}), calls
 * {@link #register} once per run, and merges what was registered with the in-tree plugins. A
 * registered plugin is then enabled by its name in a {@code KubeSchedulerConfiguration}, and its
 * {@code pluginConfig} args are decoded into the args record given at registration.
 *
 * <p>A plugin jar needs only schedlab-core to compile (scope {@code provided}: schedlab supplies it
 * at run time). A name that is already taken, by an in-tree plugin or another provider, is an
 * error, not an override.
 */
public interface PluginProvider {
  /**
   * Registers this jar's plugins, typically with {@link Registry#register(String, Class, Class,
   * java.util.function.Supplier, PluginFactory)}. The registry passed is this provider's own;
   * the loader merges it afterwards, so it holds only what this provider added.
   */
  void register(Registry registry);
}
