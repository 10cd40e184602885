package io.schedlab.config;

import java.util.Collection;
import java.util.Set;

/**
 * The plugins a scheduler build can instantiate, and which stages each implements. The framework's
 * plugin registry implements it; configuration needs it to expand {@code multiPoint} and to reject
 * plugins enabled at a stage they do not implement.
 */
public interface PluginCatalog {
  boolean contains(String name);

  /** The stages the named plugin implements; empty for a name the catalog does not contain. */
  Set<ExtensionPoint> extensionPoints(String name);

  Collection<String> names();
}
