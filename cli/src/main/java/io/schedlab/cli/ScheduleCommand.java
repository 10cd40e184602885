package io.schedlab.cli;

import io.schedlab.api.KubeObject;
import io.schedlab.api.validation.ResourceValidation;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.Registry;
import io.schedlab.scheduler.BatchRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schedlab schedule}: place a set of pods on a set of nodes, once, and say where. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    sortOptions = false,
    description = {
        "Schedule pods onto nodes with kube-scheduler's semantics, in virtual time, and print "
            + "where each pending pod went or why it fits no node.",
        "Workloads (Deployment, ReplicaSet, StatefulSet, Job, DaemonSet) are expanded into the "
            + "pods their controllers would create; PriorityClasses from either path resolve "
            + "spec.priorityClassName."})
public final class ScheduleCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format { text, json }

  @Spec private CommandSpec spec;

  @Option(names = "--nodes", required = true, paramLabel = "PATH",
      description = "A YAML/JSON file or a folder of manifests; its Node objects are the cluster.")
  private Path nodes;

  @Option(names = "--pods", required = true, paramLabel = "PATH",
      description = "A YAML/JSON file or a folder of manifests: Pods and workloads to schedule.")
  private Path pods;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration; "
          + "default: kube-scheduler's defaults.")
  private Path config;

  @Mixin private PluginJarsOption pluginJars;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed for generated names and tie-breaking among equal nodes "
          + "(default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  private Format output;

  @Option(names = "--metrics-out", paramLabel = "DIR",
      description = "Also write the run's metrics there, as simulate does: summary.csv (pods "
          + "scheduled, queueing delay, attempts, allocation %%...), series.csv (allocation "
          + "sampled over the run, counting every node), latency.csv (plugin call times).")
  private Path metricsOut;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (metricsOut != null) {
      OutputDir.check("--metrics-out", metricsOut);
    }
    Registry registry = pluginJars.registry();
    SchedulerConfig schedulerConfig = config == null
        ? SchedulerConfig.defaults(registry)
        : SchedulerConfigLoader.load(config, registry);

    ScheduleInput input = ScheduleInput.read(nodes, pods);
    if (input.nodes().isEmpty()) {
      // Also a guard: with no node every attempt is an error, not a rejection, and errors are
      // retried with backoff for ever, so the run would not end.
      throw new BadInputException(nodes + ": no Node object found; expected at least one");
    }
    for (Node n : input.nodes()) {
      String invalid = ResourceValidation.node(n);
      if (invalid != null) {
        throw new BadInputException(nodes + ": Node " + n.metadata().name() + ": " + invalid);
      }
    }
    List<WorkloadExpander.Expanded> expanded;
    WorkloadExpander expander = new WorkloadExpander(seed);
    try {
      expanded = expander.expand(input.podSources(), input.nodes());
    } catch (BadInputException e) {
      throw e.in(pods.toString());
    }
    List<KubeObject> objects = new ArrayList<>(input.clusterObjects());
    objects.addAll(expander.controllers());
    List<Pod> admitted = new ArrayList<>(expanded.size());
    for (WorkloadExpander.Expanded e : expanded) {
      try {
        String invalid = ResourceValidation.podSpec(e.pod().spec(), e.specField());
        if (invalid != null) {
          throw new BadInputException(e.origin() + ": " + invalid);
        }
        admitted.add(input.priorities().admit(e.pod(), e.origin(), e.specField()));
      } catch (BadInputException bad) {
        throw bad.in(pods.toString());
      } catch (io.schedlab.api.validation.AdmissionException refused) {
        throw new BadInputException(pods + ": " + refused.getMessage(), refused);
      }
    }

    ScheduleMetricsProbe probe = metricsOut == null ? null
        : new ScheduleMetricsProbe(seed, pendingCount(admitted));
    long start = System.nanoTime();
    BatchRun.Result result =
        run(schedulerConfig, registry, objects, input.nodes(), admitted, probe);
    double wallSeconds = (System.nanoTime() - start) / 1e9;

    // Notes only once the run succeeded: a failure must stay the single line on stderr.
    note(err, input.skippedFilesNote());
    note(err, input.ignoredNote());
    if (!schedulerConfig.droppedDefaults().isEmpty()) {
      note(err, "note: default plugins not modelled yet, left out: "
          + String.join(", ", schedulerConfig.droppedDefaults()));
    }
    err.flush();

    ScheduleReport report = new ScheduleReport(result, seed, wallSeconds);
    if (output == Format.json) {
      out.println(report.json());
    } else {
      report.text(out);
    }
    out.flush();
    if (probe != null) {
      // JSON on stdout must stay one parseable document, so the headline goes to stderr then.
      PrintWriter headline = output == Format.json ? err : out;
      RunMetricsOut.write(metricsOut, probe.result(profileName()), headline);
      headline.flush();
    }
    return 0;
  }

  private BatchRun.Result run(
      SchedulerConfig schedulerConfig,
      Registry registry,
      List<KubeObject> objects,
      List<Node> nodeList,
      List<Pod> pods,
      BatchRun.Observer observer) {
    try {
      return observer == null
          ? BatchRun.run(schedulerConfig, registry, objects, nodeList, pods, seed)
          : BatchRun.run(schedulerConfig, registry, objects, nodeList, pods, seed, observer);
    } catch (PluginArgsException e) {
      // The framework reports bad plugin args when it builds the plugins, naming the profile
      // and plugin; the user needs to hear which file holds them.
      String source = config == null ? "default configuration" : config.toString();
      throw new BadInputException(source + ": " + e.getMessage(), e);
    }
  }

  /** The pods BatchRun submits one by one: those not bound in the input already. */
  private static int pendingCount(List<Pod> pods) {
    int n = 0;
    for (Pod p : pods) {
      if (p.spec().nodeName() == null || p.spec().nodeName().isEmpty()) {
        n++;
      }
    }
    return n;
  }

  /** The profile column of the metrics: the config file's base name, or "default". */
  private String profileName() {
    if (config == null) {
      return "default";
    }
    String name = config.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static void note(PrintWriter err, String line) {
    if (line != null) {
      err.println(line);
    }
  }
}
