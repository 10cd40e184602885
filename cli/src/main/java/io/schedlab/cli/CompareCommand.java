package io.schedlab.cli;

import io.schedlab.cluster.Scenario;
import io.schedlab.cluster.ScenarioLoader;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.reports.ComparisonReport;
import io.schedlab.reports.RunMetrics;
import io.schedlab.reports.RunResult;
import io.schedlab.reports.stats.Aggregation;
import io.schedlab.reports.stats.PairTest;
import io.schedlab.sim.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab compare}: scheduler profiles side by side on one scenario or trace, over seeds,
 * with statistics, a ranking and a self-contained report.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
      "Run every profile with every seed on the same scenario or trace (in parallel, with a"
          + " progress bar), then aggregate: mean, standard deviation, 95 %% confidence interval,"
          + " a pairwise test and a ranking per metric and overall.",
      "Writes report.html (self-contained: summary and ranking, tables, charts), summary.csv and"
          + " summary.json (one row per profile x seed x metric), latency.csv (wall clock, kept"
          + " apart), the charts and every run's series. Inputs are checked before any run; a"
          + " failed comparison leaves no report behind."
    })
public final class CompareCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Source source;

  static final class Source {
    @Option(names = "--scenario", paramLabel = "FILE", description = "A scenario YAML.")
    Path scenario;

    @Option(names = "--trace", paramLabel = "FILE", arity = "1..*",
        description = "A recorded trace to replay (with --from for its format).")
    List<Path> trace;
  }

  @Option(names = "--from", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "The --trace format (default: ${DEFAULT-VALUE}).")
  private String from;

  @Option(names = "--fill", paramLabel = "SPACING",
      description = "With --trace: fill the cluster as the FGD experiments do; pods arrive"
          + " SPACING apart (e.g. 100ms) in the trace's order and never leave.")
  private String fill;

  @Option(names = "--profiles", paramLabel = "PROFILE", arity = "2..*", required = true,
      description = "KubeSchedulerConfiguration files (named by file name), or 'default' for"
          + " upstream's default profile; at least two.")
  private List<String> profiles;

  @Mixin private PluginJarsOption pluginJars;

  @Option(names = "--seeds", paramLabel = "SEEDS", defaultValue = "1-5",
      description = "Seeds: N, A-B or a comma list (default: ${DEFAULT-VALUE}).")
  private String seeds;

  @Option(names = "--until", paramLabel = "DURATION",
      description = "Virtual time each run lasts (default: the scenario's).")
  private String until;

  @Option(names = "--test", paramLabel = "TEST", defaultValue = "welch",
      description = "Pairwise test: welch (Welch t-test) or mann-whitney (default: ${DEFAULT-VALUE}).")
  private String test;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "compare-report",
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "Runs in parallel (default: the number of cores).")
  private Integer threads;

  @Option(names = "--metrics-server",
      description = "Also run metrics-server in every run: NodeMetrics from the pods' recorded"
          + " usage, for load-aware scores such as TargetLoadPacking.")
  private boolean metricsServer;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    // Everything is read and checked before the first run, so bad input costs nothing.
    Registry registry = pluginJars.registry();
    Map<String, SchedulerConfig> configs = ProfileSet.load(profiles, registry);
    List<Long> seedList = FgdExperimentCommand.parseSeeds(seeds);
    PairTest.Method method = switch (test.toLowerCase(Locale.ROOT)) {
      case "welch" -> PairTest.Method.WELCH_T;
      case "mann-whitney" -> PairTest.Method.MANN_WHITNEY_U;
      default -> throw new BadInputException("--test: expected welch or mann-whitney, got '"
          + test + "'");
    };
    Scenario scenario = source.scenario != null ? ScenarioLoader.load(source.scenario)
        : TraceScenario.of(source.trace, from,
            fill == null ? -1 : SimulateCommand.duration("--fill", fill));
    if (fill != null && source.trace == null) {
      throw new BadInputException("--fill: only with --trace");
    }
    long stop = until == null ? scenario.untilNanos() : SimulateCommand.duration("--until", until);
    int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (parallel < 1) {
      throw new BadInputException("--threads: expected at least 1, got " + parallel);
    }
    Path target = OutputDir.check("--out", out);

    List<RunResult> runs = runAll(scenario, stop, configs, seedList, registry, parallel, stderr);
    Aggregation aggregation = Aggregation.of(runs, RunMetrics.definitionsFor(runs), method);
    String description = String.format(Locale.ROOT, "%s, %s of virtual time; profiles %s;"
            + " seeds %s; %s.", scenario.name(), Durations.format(stop),
        String.join(", ", configs.keySet()), seeds, method.label());
    OutputDir.write("--out", out, tmp -> ComparisonReport.write(tmp,
        "schedlab compare: " + scenario.name(), description, runs, aggregation,
        RunMetricsBridge.keyMetrics(aggregation)));
    stdout.println("ranking (" + method.label() + ", over " + aggregation.metrics().size()
        + " metrics):");
    for (String line : ComparisonReport.rankingLines(aggregation)) {
      stdout.println(line);
    }
    stdout.println("report written to " + target.resolve("report.html"));
    stdout.flush();
    return 0;
  }

  private record Task(String profile, SchedulerConfig config, long seed) {}

  private List<RunResult> runAll(Scenario scenario, long stop,
      Map<String, SchedulerConfig> configs, List<Long> seeds, Registry registry, int parallel,
      PrintWriter progress) throws InterruptedException {
    List<Task> tasks = new ArrayList<>();
    configs.forEach((name, config) -> {
      for (long s : seeds) {
        tasks.add(new Task(name, config, s));
      }
    });
    ProgressBar bar = new ProgressBar(progress, tasks.size(), "runs");
    List<RunResult> out = new ArrayList<>(ParallelRuns.run(tasks, parallel, t -> {
      Scenario seeded = new Scenario(scenario.name(), t.seed(), scenario.untilNanos(),
          scenario.settings(), scenario.cluster(), scenario.actions(), scenario.source());
      // Runs side by side already use every core; a scheduler's own Filter/Score workers would
      // only spin against them. Placements do not depend on the thread count.
      SchedulerConfig config = parallel > 1 ? t.config().withParallelism(1) : t.config();
      RunResult r = RunMetricsBridge.run(seeded, stop, t.profile(), config, registry, metricsServer);
      bar.step(t.profile() + " seed " + t.seed());
      return r;
    }));
    out.sort(Comparator.comparing(RunResult::profile).thenComparingLong(RunResult::seed));
    return out;
  }
}
