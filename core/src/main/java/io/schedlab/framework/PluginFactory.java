package io.schedlab.framework;

/** Builds a plugin instance for one profile from its typed, already defaulted args. */
@FunctionalInterface
public interface PluginFactory<A> {
  Plugin create(A args, Handle handle);
}
