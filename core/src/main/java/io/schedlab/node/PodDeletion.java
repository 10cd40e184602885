package io.schedlab.node;

import io.schedlab.api.Pod;
import io.schedlab.store.ClusterStore;

/**
 * Deleting a pod as the API server's pod strategy does: a pod that is bound and not yet finished
 * gets a grace period (the request's, else spec.terminationGracePeriodSeconds, else 30 s) and is
 * only marked; its kubelet stops it and removes it. Unbound or finished pods go at once.
 */
public final class PodDeletion {
  /** v1.DefaultTerminationGracePeriodSeconds. */
  public static final long DEFAULT_GRACE_PERIOD_SECONDS = 30;

  private PodDeletion() {}

  /** Deletes with the pod's own grace period; returns the pod as marked or deleted. */
  public static Pod delete(ClusterStore store, String namespace, String name) {
    return delete(store, namespace, name, null);
  }

  /** Deletes with {@code gracePeriodSeconds} if not null (like --grace-period). */
  public static Pod delete(ClusterStore store, String namespace, String name,
      Long gracePeriodSeconds) {
    Pod pod = store.get(Pod.class, namespace, name);
    if (pod == null) {
      return store.delete(Pod.class, namespace, name); // throws NotFound
    }
    return store.deleteGracefully(Pod.class, namespace, name, gracePeriod(pod, gracePeriodSeconds));
  }

  /** The grace period the API server would apply. */
  public static long gracePeriod(Pod pod, Long requested) {
    String node = pod.spec().nodeName();
    String phase = pod.status().phase();
    if (node == null || node.isEmpty() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
      return 0;
    }
    if (requested != null) {
      return Math.max(0, requested);
    }
    Long own = pod.spec().terminationGracePeriodSeconds();
    return own == null ? DEFAULT_GRACE_PERIOD_SECONDS : Math.max(0, own);
  }
}
