package io.schedlab.cli;

import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler profiles a comparison runs, each loaded and checked before any run starts: a
 * KubeSchedulerConfiguration file named by its file name (without extension), or {@code default}
 * for upstream's default profile.
 */
final class ProfileSet {
  static final String DEFAULT = "default";

  private ProfileSet() {}

  /**
   * Builds the profile's plugins once, so bad plugin args (decoded when a framework is made)
   * fail here, before any run, naming the file and the field.
   */
  private static void checkArgs(String source, SchedulerConfig config, Registry registry) {
    io.schedlab.sim.EventLoop loop = new io.schedlab.sim.EventLoop();
    try (io.schedlab.scheduler.Scheduler s = new io.schedlab.scheduler.Scheduler(config, registry,
        io.schedlab.store.ClusterStore.simulated(loop, 0), loop,
        io.schedlab.scheduler.Scheduler.Options.seeded(0), null)) {
      s.queue(); // built; nothing to run
    } catch (io.schedlab.framework.PluginArgsException e) {
      throw new BadInputException(source + ": " + Failures.firstLine(e.getMessage()), e);
    }
  }

  /** Profile name to configuration, in the given order. */
  static Map<String, SchedulerConfig> load(List<String> specs, Registry registry) {
    if (specs == null || specs.size() < 2) {
      throw new BadInputException("--profiles: expected at least two profiles to compare"
          + " (configuration files, or 'default')");
    }
    Map<String, SchedulerConfig> out = new LinkedHashMap<>();
    List<String> seen = new ArrayList<>();
    for (String spec : specs) {
      String name;
      SchedulerConfig config;
      if (spec.equals(DEFAULT)) {
        name = DEFAULT;
        config = SchedulerConfig.defaults(registry);
      } else {
        Path p = Path.of(spec);
        if (!Files.isRegularFile(p)) {
          throw new BadInputException("--profiles " + spec + ": no such file");
        }
        String file = p.getFileName().toString();
        int dot = file.lastIndexOf('.');
        name = dot > 0 ? file.substring(0, dot) : file;
        config = SchedulerConfigLoader.load(p, registry);
      }
      if (out.containsKey(name)) {
        throw new BadInputException("--profiles " + spec + ": a second profile named '" + name
            + "' (profiles are named by their file name)");
      }
      seen.add(name);
      checkArgs(spec, config, registry);
      out.put(name, config);
    }
    return out;
  }
}
