package io.schedlab.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginRef;
import io.schedlab.config.ProfileConfig;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.LoadedPlugins;
import io.schedlab.framework.NoArgs;
import io.schedlab.framework.Registry;
import io.schedlab.framework.Registry.Registration;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab plugins}: what the registry offers (in-tree plugins and those of plugin jars,
 * each with its source) and what the default profile uses.
 */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = {
        "List every registered plugin: its extension points, whether the default profile enables"
            + " it (with its score weight), where it comes from (in-tree or a plugin jar) and its"
            + " args with their defaults (JSON).",
        "Then list the upstream default plugins schedlab does not model yet."})
public final class PluginsCommand implements Callable<Integer> {
  private static final ObjectMapper ARGS_JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  @Spec private CommandSpec spec;

  @Mixin private PluginJarsOption pluginJars;

  /** One row of the table. */
  record Row(String name, String extensionPoints, String inDefaultProfile, String source,
      String args) {}

  @Override
  public Integer call() throws JsonProcessingException {
    LoadedPlugins loaded = pluginJars.load();
    Registry registry = loaded.registry();
    SchedulerConfig defaults = SchedulerConfig.defaults(registry);
    ProfileConfig profile = defaults.profiles().get(0);
    List<Row> rows = new ArrayList<>();
    for (Registration<?> r : registry.registrations()) {
      rows.add(new Row(r.name(), extensionPoints(r), inProfile(profile, r.name()),
          loaded.source(r.name()), args(r)));
    }
    PrintWriter out = spec.commandLine().getOut();
    print(out, rows);
    out.println();
    if (defaults.droppedDefaults().isEmpty()) {
      out.println("Every upstream default plugin is available.");
    } else {
      out.println("Upstream default plugins not available yet (left out of the default profile): "
          + String.join(", ", defaults.droppedDefaults()));
    }
    out.flush();
    return 0;
  }

  private static String extensionPoints(Registration<?> r) {
    List<String> names = new ArrayList<>();
    for (ExtensionPoint p : r.extensionPoints()) {
      names.add(p.configName());
    }
    return String.join(", ", names);
  }

  /** "yes", "yes (weight 3)" for a score plugin, or "no". */
  private static String inProfile(ProfileConfig profile, String name) {
    boolean enabled = false;
    Integer weight = null;
    for (ExtensionPoint p : ExtensionPoint.values()) {
      for (PluginRef ref : profile.pluginsAt(p)) {
        if (ref.name().equals(name)) {
          enabled = true;
          if (p == ExtensionPoint.SCORE) {
            weight = ref.weight();
          }
        }
      }
    }
    if (!enabled) {
      return "no";
    }
    return weight == null ? "yes" : "yes (score weight " + weight + ")";
  }

  private static String args(Registration<?> r) throws JsonProcessingException {
    if (r.argsType() == NoArgs.class) {
      return "-";
    }
    return ARGS_JSON.writeValueAsString(ARGS_JSON.valueToTree(r.defaults().get()));
  }

  private static void print(PrintWriter out, List<Row> rows) {
    Row header =
        new Row("PLUGIN", "EXTENSION POINTS", "DEFAULT PROFILE", "SOURCE", "ARGS (DEFAULTS)");
    int w0 = header.name().length();
    int w1 = header.extensionPoints().length();
    int w2 = header.inDefaultProfile().length();
    int w3 = header.source().length();
    for (Row row : rows) {
      w0 = Math.max(w0, row.name().length());
      w1 = Math.max(w1, row.extensionPoints().length());
      w2 = Math.max(w2, row.inDefaultProfile().length());
      w3 = Math.max(w3, row.source().length());
    }
    String format = "%-" + w0 + "s  %-" + w1 + "s  %-" + w2 + "s  %-" + w3 + "s  %s%n";
    out.printf(format, header.name(), header.extensionPoints(), header.inDefaultProfile(),
        header.source(), header.args());
    for (Row row : rows) {
      out.printf(format, row.name(), row.extensionPoints(), row.inDefaultProfile(), row.source(),
          row.args());
    }
  }
}
