package io.schedlab.cli;

import io.schedlab.api.KubeObject;
import io.schedlab.api.validation.ResourceValidation;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.config.SchedulerConfigLoader;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.BatchRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed for generated names and tie-breaking among equal nodes "
          + "(default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  private Format output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Registry registry = InTreeRegistry.create();
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

    long start = System.nanoTime();
    BatchRun.Result result = run(schedulerConfig, registry, objects, input.nodes(), admitted);
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
    return 0;
  }

  private BatchRun.Result run(
      SchedulerConfig schedulerConfig,
      Registry registry,
      List<KubeObject> objects,
      List<Node> nodeList,
      List<Pod> pods) {
    try {
      return BatchRun.run(schedulerConfig, registry, objects, nodeList, pods, seed);
    } catch (PluginArgsException e) {
      // The framework reports bad plugin args when it builds the plugins, naming the profile
      // and plugin; the user needs to hear which file holds them.
      String source = config == null ? "default configuration" : config.toString();
      throw new BadInputException(source + ": " + e.getMessage(), e);
    }
  }

  private static void note(PrintWriter err, String line) {
    if (line != null) {
      err.println(line);
    }
  }
}
