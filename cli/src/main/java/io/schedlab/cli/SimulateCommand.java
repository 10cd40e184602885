package io.schedlab.cli;

import io.schedlab.cluster.Checkpoint;
import io.schedlab.cluster.ClusterSimulation;
import io.schedlab.cluster.EventLog;
import io.schedlab.cluster.Scenario;
import io.schedlab.cluster.ScenarioLoader;
import io.schedlab.cluster.SimEvent;
import io.schedlab.cluster.StandardClusterModel;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.Registry;
import io.schedlab.node.MetricsServer;
import io.schedlab.sim.Durations;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab simulate}: a whole cluster (API server, scheduler, kubelets, controllers, cloud,
 * network) in virtual time, driven by a scenario or a recorded trace, writing its event log.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
      "Run a cluster in virtual time: the API server's store, the scheduler, a kubelet per node,"
          + " the controllers, the cloud and the network, all on one clock, driven by a scenario"
          + " (traces/samples/scenarios/) or a recorded trace.",
      "The event log (--events-out) is JSON Lines, one event a line, with t (virtual seconds),"
          + " type, and node and/or pod.",
      "--checkpoint-at T --checkpoint-out FILE saves the run at T; --resume FILE continues it"
          + " (with --config, as a fork with another scheduler profile)."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  static final class Source {
    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario YAML.")
    Path scenario;

    @Option(names = "--trace", paramLabel = "FILE", arity = "1..*",
        description = "A recorded trace to replay (with --from for its format).")
    List<Path> trace;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
        description = "Continue a run saved with --checkpoint-out.")
    Path resume;
  }

  @Option(names = "--from", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "The --trace format (default: ${DEFAULT-VALUE}; see 'schedlab trace --help').")
  private String from;

  @Option(names = "--until", paramLabel = "DURATION",
      description = "Virtual time to stop at, e.g. 10m or 2h (default: the scenario's, or the"
          + " trace's end plus 10 minutes).")
  private String until;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A KubeSchedulerConfiguration (v1) for the scheduler.")
  private Path config;

  @Mixin private PluginJarsOption pluginJars;

  @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
  private Long seed;

  @Option(names = "--events-out", paramLabel = "FILE",
      description = "Write the event log there (JSON Lines).")
  private Path eventsOut;

  @Option(names = "--metrics-out", paramLabel = "DIR",
      description = "Also write the run's metrics there: summary.csv (queueing delay, attempts,"
          + " time to bind, job completion, evictions, allocation...), series.csv, latency.csv.")
  private Path metricsOut;

  @Option(names = "--metrics-server",
      description = "Also run metrics-server: NodeMetrics from the pods' recorded usage, every"
          + " 15 s, with 15 min utilisation statistics (what load-aware scores such as"
          + " TargetLoadPacking read).")
  private boolean metricsServer;

  @Option(names = "--checkpoint-at", paramLabel = "TIME",
      description = "Save the run at this virtual time (needs --checkpoint-out).")
  private String checkpointAt;

  @Option(names = "--checkpoint-out", paramLabel = "FILE", description = "Where --checkpoint-at saves.")
  private Path checkpointOut;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((checkpointAt == null) != (checkpointOut == null)) {
      throw new BadInputException("--checkpoint-at and --checkpoint-out go together");
    }
    Registry registry = pluginJars.registry();
    Checkpoint resumed = source.resume == null ? null : Checkpoint.read(source.resume);
    String scenarioText;
    Path scenarioPath;
    Scenario scenario;
    if (resumed != null) {
      scenarioPath = Path.of(resumed.scenarioPath());
      scenarioText = resumed.scenarioText();
      scenario = ScenarioLoader.parse(scenarioText, scenarioPath.toString(),
          scenarioPath.getParent());
    } else if (source.scenario != null) {
      scenarioPath = source.scenario;
      scenarioText = read(source.scenario);
      scenario = ScenarioLoader.load(source.scenario);
    } else {
      scenarioPath = source.trace.get(0);
      scenarioText = null;
      scenario = TraceScenario.of(source.trace, from);
    }
    if (seed != null) {
      scenario = new Scenario(scenario.name(), seed, scenario.untilNanos(), scenario.settings(),
          scenario.cluster(), scenario.actions(), scenario.source());
    }
    long stop = until == null ? scenario.untilNanos() : duration("--until", until);
    String configText = config == null ? null : read(config);
    // A resumed run replays with the configuration it was saved with; --config then forks.
    String replayConfig = resumed != null ? resumed.schedulerConfigText() : configText;
    SchedulerConfig replayScheduler = schedulerConfig(replayConfig, registry);
    long checkpointNanos = checkpointAt == null ? -1 : duration("--checkpoint-at", checkpointAt);
    if (checkpointNanos > stop) {
      throw new BadInputException("--checkpoint-at " + checkpointAt + ": after the end of the run ("
          + Durations.format(stop) + ")");
    }
    if (resumed != null && resumed.atNanos() > stop) {
      throw new BadInputException("--until " + Durations.format(stop) + ": before the checkpoint's"
          + " time " + Durations.format(resumed.atNanos()));
    }
    if (scenarioText == null && checkpointOut != null) {
      throw new BadInputException("--checkpoint-out: checkpoints need a --scenario run");
    }

    if (metricsOut != null) {
      OutputDir.check("--metrics-out", metricsOut);
    }
    EventCounter counter = new EventCounter();
    io.schedlab.cluster.PodMetrics podMetrics = new io.schedlab.cluster.PodMetrics();
    io.schedlab.cluster.ClusterSampler sampler = new io.schedlab.cluster.ClusterSampler();
    io.schedlab.reports.HdrLatencyRecorder latency = new io.schedlab.reports.HdrLatencyRecorder();
    Path partial = eventsOut == null ? null : partFile(eventsOut);
    long wallStart = System.nanoTime();
    try (BufferedWriter events = partial == null ? null : Files.newBufferedWriter(partial)) {
      boolean[] replaying = {resumed != null};
      EventLog log = e -> {
        if (metricsOut != null) {
          podMetrics.record(e);
        }
        if (replaying[0]) {
          return;
        }
        counter.record(e);
        if (events != null) {
          try {
            events.write(e.toJson());
            events.write('\n');
          } catch (IOException ex) {
            throw new UncheckedIOException(eventsOut + ": cannot write: " + ex.getMessage(), ex);
          }
        }
      };
      StandardClusterModel model = StandardClusterModel.create();
      if (metricsServer) {
        model.withMetricsServer(MetricsServer.withDefaults());
      }
      ClusterSimulation sim = new ClusterSimulation(scenario, replayScheduler, registry, model, log);
      if (metricsOut != null) {
        sim.setLatencyRecorder(latency);
        sim.start();
        sampler.start(sim.context());
      }
      if (resumed != null) {
        sim.runUntil(resumed.atNanos());
        if (!resumed.matches(sim)) {
          throw new BadInputException(source.resume + ": the replay does not reach the saved state"
              + " (the scenario or its manifests changed since, or another schedlab version)");
        }
        replaying[0] = false;
        if (configText != null) {
          sim.replaceScheduler(schedulerConfig(configText, registry));
        }
      }
      if (checkpointNanos >= 0 && (resumed == null || checkpointNanos >= resumed.atNanos())) {
        runWithProgress(sim, checkpointNanos, stop, err);
        Checkpoint.of(sim, scenarioPath, scenarioText, configText).write(checkpointOut);
        out.println("checkpoint at " + Durations.format(sim.now()) + " written to " + checkpointOut);
      }
      runWithProgress(sim, stop, stop, err);
      if (events != null) {
        events.flush();
      }
      if (metricsOut != null) {
        RunMetricsOut.write(metricsOut, io.schedlab.reports.RunMetrics.of(scenario.name(),
            scenario.seed(), podMetrics, sampler, latency), out);
      }
      double wall = (System.nanoTime() - wallStart) / 1e9;
      out.printf(Locale.ROOT, "simulated %s of %s in %.2f s wall: %d events%n",
          Durations.format(stop), scenario.name(), wall, counter.total);
      out.println("  " + counter.summary());
    } catch (IOException e) {
      throw new UncheckedIOException(eventsOut + ": cannot write: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
    if (partial != null) {
      try {
        Files.move(partial, eventsOut, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(eventsOut + ": cannot write: " + e.getMessage(), e);
      }
      out.println("events written to " + eventsOut);
    }
    out.flush();
    return 0;
  }

  /** Runs to {@code target}, printing the virtual time reached every tenth of the run. */
  private static void runWithProgress(ClusterSimulation sim, long target, long end,
      PrintWriter err) {
    long step = Math.max(end / 10, Durations.SECOND);
    long wallStart = System.nanoTime();
    while (sim.now() < target) {
      long next = Math.min(target, (sim.now() / step + 1) * step);
      sim.runUntil(next);
      if ((System.nanoTime() - wallStart) > 2_000_000_000L) {
        err.printf(Locale.ROOT, "  t = %s of %s%n", Durations.format(sim.now()),
            Durations.format(end));
        err.flush();
      }
    }
    sim.runUntil(target);
  }

  private static SchedulerConfig schedulerConfig(String text, Registry registry) {
    return text == null ? SchedulerConfig.defaults(registry)
        : SchedulerConfigLoader.parse(text, "--config", registry);
  }

  static long duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option + ": expected a duration such as 90s, 10m or 2h, got '"
          + text + "'");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(p + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static Path partFile(Path target) {
    Path abs = target.toAbsolutePath();
    if (!Files.isDirectory(abs.getParent())) {
      throw new BadInputException("--events-out " + target + ": no such directory: "
          + abs.getParent());
    }
    return abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid()
        + ".part");
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // The run failed already; its message matters more.
    }
  }

  /** Counts events by type for the closing summary. */
  private static final class EventCounter {
    long total;
    final Map<String, Long> byType = new TreeMap<>();

    void record(SimEvent e) {
      total++;
      byType.merge(e.type(), 1L, Long::sum);
    }

    String summary() {
      StringBuilder sb = new StringBuilder();
      byType.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
      return sb.toString();
    }
  }
}
