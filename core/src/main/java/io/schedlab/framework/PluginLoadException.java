package io.schedlab.framework;

/**
 * External plugins that cannot be loaded: a missing {@code --plugins} folder, a file that is not
 * a jar, a provider that fails, a plugin name taken twice. The message is one line naming the
 * folder, jar or provider class and what was expected.
 */
public final class PluginLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginLoadException(String message) {
    super(message);
  }

  public PluginLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
