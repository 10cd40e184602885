package io.schedlab.node;

import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.Taint;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.api.match.Tolerations;
import io.schedlab.framework.PodRequests;
import io.schedlab.framework.ResourceNames;
import io.schedlab.framework.ResourceRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The kubelet's admission re-check of a pod bound to its node (upstream's predicate admit
 * handler): the scheduler's resource fit against the pods the kubelet already runs, node name,
 * required node affinity, and untolerated NoExecute taints. Like upstream, all failures are
 * gathered and the first one names the rejection.
 */
public final class Admission {
  /** Why a pod was rejected: its status reason and message. */
  public record Rejection(String reason, String message) {}

  private static final String AFFINITY_REASON = "node(s) didn't match Node affinity";
  private static final String NODE_NAME_REASON = "node(s) didn't match the requested node name";
  private static final String TAINT_REASON = "node(s) had taints that the pod didn't tolerate";

  private Admission() {}

  /**
   * Null if the pod may run on the node beside {@code admitted} (the node's active pods), else
   * the first failure.
   */
  public static Rejection check(Pod pod, Node node, Collection<Pod> admitted,
      ResourceRegistry registry) {
    List<Rejection> failures = new ArrayList<>(2);
    fit(pod, node, admitted, registry, failures);
    if (!NodeSelectors.podMatchesNode(pod, node)) {
      failures.add(predicate("NodeAffinity", AFFINITY_REASON));
    }
    String wanted = pod.spec().nodeName();
    if (wanted != null && !wanted.isEmpty() && !wanted.equals(node.metadata().name())) {
      failures.add(predicate("NodeName", NODE_NAME_REASON));
    }
    // The kubelet checks only NoExecute taints, and not for static pods.
    if (!StaticPods.isStatic(pod)) {
      Taint untolerated = Tolerations.findUntoleratedTaint(node.spec().taints(),
          pod.spec().tolerations(), t -> Taint.NO_EXECUTE.equals(t.effect()));
      if (untolerated != null) {
        failures.add(predicate("TaintToleration", TAINT_REASON));
      }
    }
    return failures.isEmpty() ? null : failures.get(0);
  }

  private static Rejection predicate(String name, String reason) {
    return new Rejection(name, "Predicate " + name + " failed: " + reason);
  }

  /** The scheduler's Fits, in its order: pods, cpu, memory, ephemeral-storage, the others. */
  private static void fit(Pod pod, Node node, Collection<Pod> admitted, ResourceRegistry registry,
      List<Rejection> failures) {
    long[] allocatable = registry.vector(node.status().allocatable());
    long allowedPods = ResourceRegistry.get(allocatable, ResourceRegistry.PODS);
    if (admitted.size() + 1 > allowedPods) {
      failures.add(insufficient("pods", 1, admitted.size(), allowedPods));
    }
    long[] request = PodRequests.of(pod, registry);
    long[] used = new long[registry.size()];
    for (Pod p : admitted) {
      long[] r = PodRequests.of(p, registry);
      used = ResourceRegistry.fit(used, r.length);
      for (int i = 0; i < r.length; i++) {
        used[i] += r[i];
      }
    }
    allocatable = ResourceRegistry.fit(allocatable, registry.size());
    used = ResourceRegistry.fit(used, registry.size());
    request = ResourceRegistry.fit(request, registry.size());
    boolean any = false;
    for (int i = 0; i < request.length; i++) {
      any |= i != ResourceRegistry.PODS && request[i] != 0 && !ignored(registry.name(i),
          node);
    }
    if (!any) {
      return;
    }
    int[] order = {ResourceRegistry.CPU, ResourceRegistry.MEMORY,
        ResourceRegistry.EPHEMERAL_STORAGE};
    for (int i : order) {
      check(registry.name(i), request[i], used[i], allocatable[i], failures);
    }
    List<String> others = new ArrayList<>();
    for (int i = ResourceRegistry.PODS + 1; i < request.length; i++) {
      if (request[i] > 0 && ResourceNames.isScalar(registry.name(i))
          && !ignored(registry.name(i), node)) {
        others.add(registry.name(i));
      }
    }
    others.sort(null); // Go ranges over a map; a fixed order keeps runs reproducible
    for (String name : others) {
      int i = registry.indexOf(name);
      check(name, request[i], used[i], allocatable[i], failures);
    }
  }

  /** The kubelet drops extended resources the node does not advertise before fitting. */
  private static boolean ignored(String name, Node node) {
    return ResourceNames.isExtended(name) && !node.status().allocatable().containsKey(name);
  }

  private static void check(String name, long requested, long used, long allocatable,
      List<Rejection> failures) {
    if (requested > 0 && requested > allocatable - used) {
      failures.add(insufficient(name, requested, used, allocatable));
    }
  }

  private static Rejection insufficient(String name, long requested, long used, long capacity) {
    return new Rejection("OutOf" + name, "Node didn't have enough resource: " + name
        + ", requested: " + requested + ", used: " + used + ", capacity: " + capacity);
  }
}
