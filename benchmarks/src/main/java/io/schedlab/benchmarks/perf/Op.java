package io.schedlab.benchmarks.perf;

import java.util.List;

/**
 * One step of a scheduler_perf workload, as upstream's {@code workloadTemplate} lists them. The
 * op's 0-based position in its workload gives the defaults upstream derives from it (node name
 * prefix {@code node-<i>-}, pod namespace {@code namespace-<i>}).
 */
public sealed interface Op {
  /** Upstream's zone label key, used by the labelNodePrepareStrategy of several workloads. */
  String ZONE_LABEL = "topology.kubernetes.io/zone";

  /**
   * {@code createNodes}: {@code count} nodes from {@code template} (a file under {@link
   * Templates#FOLDER}, or null for upstream's built-in default node), each labelled {@code
   * kubernetes.io/hostname=<name>}; when {@code zones} is not empty, {@link #ZONE_LABEL} takes its
   * values round-robin over the new nodes in name order, as upstream's list order.
   */
  record CreateNodes(int count, String template, List<String> zones) implements Op {
    public CreateNodes {
      positive(count, "createNodes count");
      zones = List.copyOf(zones);
    }
  }

  /** {@code createNamespaces}: {@code prefix-0} ... {@code prefix-(count-1)}. */
  record CreateNamespaces(String prefix, int count) implements Op {
    public CreateNamespaces {
      positive(count, "createNamespaces count");
      if (prefix == null || prefix.isEmpty()) {
        throw new IllegalArgumentException("createNamespaces prefix: expected a non-empty prefix");
      }
    }
  }

  /**
   * {@code createPods}: {@code count} pods from {@code template} (null for upstream's built-in
   * pod) in {@code namespace} (null for {@code namespace-<opIndex>}); {@code measured} is
   * upstream's {@code collectMetrics}. {@code podsPerGroup} is the {@code podsPerGroup} template
   * parameter of the gang templates, which are rendered once per pod index; 0 for templates that
   * take no parameters.
   */
  record CreatePods(int count, String template, String namespace, boolean measured, int podsPerGroup)
      implements Op {
    public CreatePods {
      positive(count, "createPods count");
      if (podsPerGroup < 0) {
        throw new IllegalArgumentException("createPods podsPerGroup: expected >= 0, got " + podsPerGroup);
      }
    }

    public CreatePods(int count, String template, String namespace, boolean measured) {
      this(count, template, namespace, measured, 0);
    }
  }

  /**
   * {@code createPodGroups}: {@code count} PodGroups from {@code template} (a Go template under
   * {@link Templates#FOLDER} taking {@code Index} and {@code podsPerGroup}) in {@code namespace}.
   */
  record CreatePodGroups(int count, String template, String namespace, int podsPerGroup) implements Op {
    public CreatePodGroups {
      positive(count, "createPodGroups count");
      positive(podsPerGroup, "createPodGroups podsPerGroup");
      if (template == null || namespace == null) {
        throw new IllegalArgumentException("createPodGroups: expected a template and a namespace");
      }
    }
  }

  /**
   * {@code churn} in mode {@code create}: one pod from {@code template} every {@code
   * intervalNanos} of virtual time, in {@code namespace-<opIndex>}, until the workload ends.
   */
  record Churn(String template, long intervalNanos) implements Op {
    public Churn {
      if (template == null) {
        throw new IllegalArgumentException("churn template: expected a template file, got null");
      }
      if (intervalNanos <= 0) {
        throw new IllegalArgumentException("churn interval: expected a positive duration, got " + intervalNanos);
      }
    }
  }

  private static void positive(int count, String what) {
    if (count <= 0) {
      throw new IllegalArgumentException(what + ": expected a positive number, got " + count);
    }
  }
}
