package io.schedlab.framework;

/**
 * Invalid plugin args. {@link #field()} is upstream's field path inside the args (for example
 * {@code scoringStrategy.resources[0].weight}); the message adds the plugin and profile once they
 * are known, so a user reads {@code profile "default-scheduler": plugin NodeResourcesFit args:
 * scoringStrategy.type: Unsupported value ...}.
 */
public final class PluginArgsException extends RuntimeException {
  private final String field;
  private final String detail;
  private final String plugin;
  private final String profile;

  public PluginArgsException(String field, String detail) {
    this(field, detail, null, null);
  }

  private PluginArgsException(String field, String detail, String plugin, String profile) {
    super(render(field, detail, plugin, profile));
    this.field = field;
    this.detail = detail;
    this.plugin = plugin;
    this.profile = profile;
  }

  private static String render(String field, String detail, String plugin, String profile) {
    StringBuilder sb = new StringBuilder();
    if (profile != null) {
      sb.append("profile \"").append(profile).append("\": ");
    }
    if (plugin != null) {
      sb.append("plugin ").append(plugin).append(" args: ");
    }
    if (field != null && !field.isEmpty()) {
      sb.append(field).append(": ");
    }
    return sb.append(detail).toString();
  }

  /** The same error, attributed to a plugin (kept if already set). */
  public PluginArgsException inPlugin(String pluginName) {
    return plugin != null ? this : new PluginArgsException(field, detail, pluginName, profile);
  }

  /** The same error, attributed to a profile (kept if already set). */
  public PluginArgsException inProfile(String profileName) {
    return profile != null ? this : new PluginArgsException(field, detail, plugin, profileName);
  }

  /** Upstream's field path inside the plugin's args; empty when the args as a whole are wrong. */
  public String field() {
    return field;
  }

  public String detail() {
    return detail;
  }

  public String plugin() {
    return plugin;
  }
}
