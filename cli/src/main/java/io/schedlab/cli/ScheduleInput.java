package io.schedlab.cli;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.PriorityClass;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ReadResult;
import io.schedlab.api.validation.PriorityAdmission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code schedule} reads from its two paths: Nodes from {@code --nodes}, Pods and workloads
 * from {@code --pods}, PriorityClasses from either. Everything else is counted by kind, so the
 * user can be told what was left out.
 */
final class ScheduleInput {
  private final List<Node> nodes = new ArrayList<>();
  private final List<KubeObject> podSources = new ArrayList<>();
  private final List<KubeObject> clusterObjects = new ArrayList<>();
  private final PriorityAdmission priorities = new PriorityAdmission();
  private final Map<String, Integer> ignoredInNodes = new LinkedHashMap<>();
  private final Map<String, Integer> ignoredInPods = new LinkedHashMap<>();
  private final List<String> skippedFiles = new ArrayList<>();

  private ScheduleInput() {}

  /**
   * Reads both paths (a file or a folder of manifests each).
   *
   * @throws io.schedlab.api.codec.ManifestException for a file that cannot be read
   * @throws BadInputException for a Node without a name, two Nodes of one name, or a
   *     PriorityClass the API server would refuse
   */
  static ScheduleInput read(Path nodesPath, Path podsPath) {
    ScheduleInput in = new ScheduleInput();
    ReadResult nodesRead = KubeCodec.readAllWithWarnings(nodesPath);
    ReadResult podsRead = KubeCodec.readAllWithWarnings(podsPath);
    String nodesSource = nodesPath.toString();
    Set<String> nodeNames = new HashSet<>();
    for (KubeObject o : nodesRead.objects()) {
      if (o instanceof Node n) {
        String name = n.metadata().name();
        if (name == null || name.isEmpty()) {
          throw new BadInputException(
              nodesSource + ": Node: metadata.name: Required value: name is required");
        }
        if (!nodeNames.add(name)) {
          throw new BadInputException(nodesSource + ": Node " + name
              + ": metadata.name: Duplicate value: another Node in the input has this name");
        }
        in.nodes.add(n);
      } else if (o instanceof PriorityClass pc) {
        in.priorities.declare(pc, nodesSource);
      } else if (isClusterObject(o)) {
        in.clusterObjects.add(o);
      } else {
        in.ignoredInNodes.merge(o.kind(), 1, Integer::sum);
      }
    }
    for (KubeObject o : podsRead.objects()) {
      if (WorkloadExpander.isPodSource(o)) {
        in.podSources.add(o);
      } else if (o instanceof PriorityClass pc) {
        in.priorities.declare(pc, podsPath.toString());
      } else if (isClusterObject(o)) {
        in.clusterObjects.add(o);
      } else {
        in.ignoredInPods.merge(o.kind(), 1, Integer::sum);
      }
    }
    in.skippedFiles.addAll(nodesRead.warnings());
    in.skippedFiles.addAll(podsRead.warnings());
    return in;
  }

  List<Node> nodes() {
    return nodes;
  }

  /**
   * Objects the scheduler's plugins read that the run stores as given: Namespaces (pod affinity
   * namespace selectors), Services (default spreading), PodDisruptionBudgets (preemption),
   * PodGroups (Coscheduling), ElasticQuotas (CapacityScheduling) and NodeMetrics (the load-aware
   * scores, which in a run without kubelets read the usage the input gives).
   */
  static boolean isClusterObject(KubeObject o) {
    return o instanceof io.schedlab.api.Namespace
        || o instanceof io.schedlab.api.Service
        || o instanceof io.schedlab.api.PodDisruptionBudget
        || o instanceof io.schedlab.api.PodGroup
        || o instanceof io.schedlab.api.ElasticQuota
        || o instanceof io.schedlab.api.NodeMetrics;
  }

  List<KubeObject> clusterObjects() {
    return clusterObjects;
  }

  /** Pods and workload objects, in input order. */
  List<KubeObject> podSources() {
    return podSources;
  }

  PriorityAdmission priorities() {
    return priorities;
  }

  /** One line telling what was left out, or null when nothing was. */
  String ignoredNote() {
    List<String> parts = new ArrayList<>();
    if (!ignoredInNodes.isEmpty()) {
      parts.add("--nodes: " + counts(ignoredInNodes));
    }
    if (!ignoredInPods.isEmpty()) {
      parts.add("--pods: " + counts(ignoredInPods));
    }
    return parts.isEmpty() ? null
        : "note: left out objects of kinds schedule does not use here: " + String.join("; ", parts);
  }

  /** One line naming the files of a folder that held no Kubernetes object, or null. */
  String skippedFilesNote() {
    if (skippedFiles.isEmpty()) {
      return null;
    }
    List<String> files = new ArrayList<>();
    for (String warning : skippedFiles) {
      int colon = warning.indexOf(": skipped");
      files.add(colon < 0 ? warning : warning.substring(0, colon));
    }
    return "note: skipped " + files.size() + (files.size() == 1 ? " file" : " files")
        + " holding no Kubernetes object: " + String.join(", ", files);
  }

  private static String counts(Map<String, Integer> byKind) {
    List<String> parts = new ArrayList<>();
    byKind.forEach((kind, n) -> parts.add(n + " " + kind));
    return String.join(", ", parts);
  }
}
