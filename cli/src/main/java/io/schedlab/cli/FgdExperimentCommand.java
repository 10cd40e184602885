package io.schedlab.cli;

import io.schedlab.plugins.gpushare.FgdProtocol;
import io.schedlab.plugins.gpushare.GpuNode;
import io.schedlab.plugins.gpushare.GpuPod;
import io.schedlab.plugins.gpushare.GpuPolicy;
import io.schedlab.plugins.gpushare.TypicalPods;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceFormats;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedlab experiment fgd}: the FGD paper's (ATC'23) experiment on the Alibaba GPU trace
 * v2023, by its artifact's protocol, writing the artifact's result tables.
 */
@Command(
    name = "fgd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
      "Reproduce the FGD experiment (Weng et al., USENIX ATC'23) by its artifact's protocol:"
          + " the cluster is the GPU nodes; pods are sorted by name, shuffled by the seed and"
          + " tuned until their GPU requests reach TUNE x the cluster's GPUs; nothing departs;"
          + " one score plugin runs on every node. After each pod the GPU allocation and the"
          + " fragmentation (against the trace's typical pods) are recorded and binned by the"
          + " arrived GPU, 0..130 %%.",
      "Writes analysis_allo_discrete.csv, analysis_frag_discrete.csv and"
          + " analysis_frag_ratio_discrete.csv in the artifact's layout, plus summary.csv, and"
          + " prints the seed means per policy, beside the artifact's published means when the"
          + " workload is in --expected. DIR/report/ holds compare's statistics over the runs"
          + " (policy as profile) and its HTML report.",
      "With no options it runs FGD, seed 42, on the bundled default workload."
    })
public final class FgdExperimentCommand implements Callable<Integer> {
  static final String SAMPLES = "traces/samples/alibaba-gpu-v2023";
  static final String EXPECTED = "traces/samples/fgd-atc23-expected-results";

  @Spec private CommandSpec spec;

  @Option(names = "--pods", paramLabel = "CSV",
      description = "The openb pod list (default: the bundled openb_pod_list_default.csv).")
  private Path pods;

  @Option(names = "--nodes", paramLabel = "CSV",
      description = "The openb node list (default: the bundled openb_node_list_gpu_node.csv)."
          + " Nodes without GPUs are left out, as the artifact's cluster is the GPU nodes.")
  private Path nodes;

  @Option(names = {"--policy", "--policies"}, paramLabel = "NAMES", defaultValue = "FGD",
      description = "Score policies, comma-separated, or 'all': Random, DotProd, GpuClustering,"
          + " GpuPacking, BestFit, FGD (default: ${DEFAULT-VALUE}).")
  private String policies;

  @Option(names = {"--seed", "--seeds"}, paramLabel = "SEEDS", defaultValue = "42",
      description = "Seeds: N, A-B or a comma list (default: ${DEFAULT-VALUE}; the artifact"
          + " ran 42-51).")
  private String seeds;

  @Option(names = "--tune", paramLabel = "RATIO", defaultValue = "1.3",
      description = "Add pods until their GPU requests reach RATIO x cluster GPUs;"
          + " 0 keeps the pod list as it is (default: ${DEFAULT-VALUE}).")
  private double tune;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "fgd-results",
      description = "Where the CSV files go (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--workload", paramLabel = "NAME",
      description = "The workload's name in the tables (default: the pod file's name).")
  private String workload;

  @Option(names = "--expected", paramLabel = "DIR",
      description = "The artifact's result tables to compare with (default: the bundled"
          + " fgd-atc23-expected-results, when present).")
  private Path expected;

  @Option(names = "--events", description = "Also write every run's per-pod series to DIR/events/.")
  private boolean events;

  @Option(names = "--threads", paramLabel = "N",
      description = "Runs in parallel (default: the number of cores).")
  private Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Path podFile = pods != null ? pods : Samples.resolve(SAMPLES + "/openb_pod_list_default.csv");
    Path nodeFile = nodes != null ? nodes : Samples.resolve(SAMPLES + "/openb_node_list_gpu_node.csv");
    List<GpuPolicy> policyList = parsePolicies(policies);
    List<Long> seedList = parseSeeds(seeds);
    if (!(tune >= 0) || Double.isInfinite(tune)) {
      throw new BadInputException("--tune: expected a ratio >= 0, got " + tune);
    }
    int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (parallel < 1) {
      throw new BadInputException("--threads: expected at least 1, got " + parallel);
    }
    String name = workload != null ? workload : stem(podFile);
    Path expectedDir = expected != null ? expected : Samples.find(EXPECTED);
    if (expected != null && !Files.isDirectory(expected)) {
      throw new BadInputException("--expected: " + expected + ": no such directory");
    }
    FgdExpected published = expectedDir == null ? FgdExpected.NONE
        : FgdExpected.read(expectedDir, name);

    List<GpuNode> clusterNodes = readNodes(nodeFile);
    List<GpuPod> workloadPods = readPods(podFile);
    TypicalPods typical = FgdProtocol.typicalPods(workloadPods);

    List<Task> tasks = new ArrayList<>();
    for (GpuPolicy p : policyList) {
      for (long s : seedList) {
        tasks.add(new Task(p, s));
      }
    }
    List<FgdReport.Row> rows = runAll(tasks, clusterNodes, workloadPods, typical, parallel, stderr);
    FgdReport report = new FgdReport(name, tune, rows);
    report.write(out, events);
    report.printMeans(stdout, published);
    stdout.println("wrote " + rows.size() + " run(s) to " + out);
    stdout.println("report: " + out.resolve(FgdReport.REPORT_DIR).resolve("report.html"));
    stdout.flush();
    return 0;
  }

  private record Task(GpuPolicy policy, long seed) {}

  private List<FgdReport.Row> runAll(List<Task> tasks, List<GpuNode> clusterNodes,
      List<GpuPod> workloadPods, TypicalPods typical, int parallel, PrintWriter progress)
      throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    return ParallelRuns.run(tasks, parallel, t -> {
      long start = System.nanoTime();
      FgdProtocol.Run run =
          FgdProtocol.run(clusterNodes, workloadPods, typical, t.policy(), tune, t.seed());
      FgdReport.Row row = FgdReport.Row.of(t.policy(), t.seed(), run);
      double seconds = (System.nanoTime() - start) / 1e9;
      synchronized (progress) {
        progress.printf(Locale.ROOT, "[%d/%d] %s seed %d: %d pods, %d failed, allocation"
                + " at 130%% %.2f %% (%.1f s)%n", done.incrementAndGet(), tasks.size(),
            t.policy().shortName(), t.seed(), row.pods(), row.failed(),
            row.allocation()[130], seconds);
        progress.flush();
      }
      return row;
    });
  }

  static List<GpuPolicy> parsePolicies(String text) {
    if (text.trim().equalsIgnoreCase("all")) {
      return GpuPolicy.ALL;
    }
    List<GpuPolicy> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        GpuPolicy p = GpuPolicy.byName("--policy", part.trim());
        if (!out.contains(p)) {
          out.add(p);
        }
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new BadInputException("--policy: expected at least one policy name or 'all'");
    }
    return out;
  }

  static List<Long> parseSeeds(String text) {
    List<Long> out = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash).trim());
          long to = Long.parseLong(p.substring(dash + 1).trim());
          if (to < from || to - from > 10_000) {
            throw new BadInputException("--seeds: expected a range A-B with A <= B (at most"
                + " 10001 seeds), got '" + p + "'");
          }
          for (long s = from; s <= to; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new BadInputException("--seeds: expected N, A-B or a comma list of integers, got '"
          + text + "'", e);
    }
    if (out.isEmpty()) {
      throw new BadInputException("--seeds: expected at least one seed");
    }
    return out.stream().distinct().toList();
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** The GPU nodes of a node list; a node list without GPU nodes is bad input. */
  static List<GpuNode> readNodes(Path file) {
    List<GpuNode> out = new ArrayList<>();
    int pods = 0;
    try (TraceSource source = open(file)) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        if (e instanceof TraceEvent.NodeAdded added) {
          GpuNode n = GpuNode.of(added.node());
          if (n.gpus() > 0) {
            out.add(n);
          }
        } else if (e instanceof TraceEvent.PodSubmitted) {
          pods++;
        }
      }
    } catch (TraceFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new BadInputException("--nodes " + file + ": expected an openb node list"
          + " (sn,cpu_milli,memory_mib,gpu,model) with GPU nodes, found "
          + (pods > 0 ? "a pod list" : "no GPU node"));
    }
    return out;
  }

  /** The pods of a pod list; a file without pods is bad input. */
  static List<GpuPod> readPods(Path file) {
    List<GpuPod> out = new ArrayList<>();
    try (TraceSource source = open(file)) {
      TraceEvent e;
      while ((e = source.next()) != null) {
        if (e instanceof TraceEvent.PodSubmitted submitted) {
          try {
            out.add(GpuPod.of(submitted.pod()));
          } catch (IllegalArgumentException bad) {
            throw new BadInputException(file + ": pod " + submitted.pod().metadata().name()
                + ": " + bad.getMessage(), bad);
          }
        }
      }
    } catch (TraceFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new BadInputException("--pods " + file + ": expected an openb pod list"
          + " (name,cpu_milli,memory_mib,num_gpu,gpu_milli,...), found no pods");
    }
    return out;
  }

  private static TraceSource open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such file");
    }
    return TraceFormats.get("alibaba-gpu-2023").open(List.of(file), TraceOptions.DEFAULTS);
  }
}
