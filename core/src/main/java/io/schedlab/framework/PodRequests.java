package io.schedlab.framework;

import io.schedlab.api.Container;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import java.util.Map;

/**
 * A pod's effective resource requests, computed as upstream's {@code resourcehelper.PodRequests}:
 * the sum of the containers, plus restartable init containers (sidecars) which run beside them,
 * against the largest single init-container step; pod-level requests override cpu and memory when
 * set; overhead is added last.
 *
 * <p>The non-zero variant substitutes upstream's scoring defaults (100 millicores, 200 MiB) for
 * each container that does not state a cpu or memory request at all, so that best-effort pods
 * still spread.
 */
public final class PodRequests {
  /** Upstream's DefaultMilliCPURequest. */
  public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
  /** Upstream's DefaultMemoryRequest: 200 MiB. */
  public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  private PodRequests() {}

  /** Effective requests as a vector over {@code registry}. */
  public static long[] of(Pod pod, ResourceRegistry registry) {
    return compute(pod, registry, false);
  }

  /** Effective requests with the non-zero cpu/memory defaults applied per container. */
  public static long[] nonZero(Pod pod, ResourceRegistry registry) {
    return compute(pod, registry, true);
  }

  /**
   * The older rule that scheduler-plugins still count by (CapacityScheduling's
   * computePodResourceRequest, Trimaran's GetResourceRequested): the containers summed, raised to
   * any single init container's request, plus overhead. It knows neither sidecar init containers
   * nor pod-level resources.
   */
  public static long[] withoutSidecars(Pod pod, ResourceRegistry registry) {
    long[] reqs = new long[registry.size()];
    for (Container c : pod.spec().containers()) {
      reqs = add(reqs, registry.vector(c.resources().requests()));
    }
    for (Container c : pod.spec().initContainers()) {
      reqs = max(reqs, registry.vector(c.resources().requests()));
    }
    if (!pod.spec().overhead().isEmpty()) {
      reqs = add(reqs, registry.vector(pod.spec().overhead()));
    }
    return reqs;
  }

  private static long[] compute(Pod pod, ResourceRegistry registry, boolean nonZero) {
    PodSpec spec = pod.spec();
    long[] reqs = new long[registry.size()];
    for (Container c : spec.containers()) {
      reqs = add(reqs, containerRequests(c, registry, nonZero));
    }
    long[] restartable = new long[0];
    long[] initMax = new long[0];
    for (Container c : spec.initContainers()) {
      long[] creq = containerRequests(c, registry, nonZero);
      if ("Always".equals(c.restartPolicy())) {
        reqs = add(reqs, creq);
        restartable = add(restartable, creq);
        creq = restartable;
      } else {
        creq = add(copy(creq), restartable);
      }
      initMax = max(initMax, creq);
    }
    reqs = max(reqs, initMax);

    Map<String, Quantity> podLevel =
        spec.resources() == null ? Map.of() : spec.resources().requests();
    if (!podLevel.isEmpty()) {
      for (Map.Entry<String, Quantity> e : podLevel.entrySet()) {
        if (isSupportedPodLevelResource(e.getKey())) {
          int i = registry.indexOf(e.getKey());
          reqs = ResourceRegistry.fit(reqs, i + 1);
          reqs[i] = ResourceRegistry.amount(e.getKey(), e.getValue());
        }
      }
    }
    if (!spec.overhead().isEmpty()) {
      reqs = add(reqs, registry.vector(spec.overhead()));
    }
    return ResourceRegistry.fit(reqs, registry.size());
  }

  /** Upstream's IsSupportedPodLevelResource: cpu, memory and hugepages. */
  static boolean isSupportedPodLevelResource(String name) {
    return ResourceRegistry.CPU_NAME.equals(name)
        || ResourceRegistry.MEMORY_NAME.equals(name)
        || name.startsWith("hugepages-");
  }

  private static long[] containerRequests(Container c, ResourceRegistry registry, boolean nonZero) {
    Map<String, Quantity> requests = c.resources().requests();
    long[] v = registry.vector(requests);
    if (nonZero) {
      if (!requests.containsKey(ResourceRegistry.CPU_NAME)) {
        v[ResourceRegistry.CPU] = DEFAULT_MILLI_CPU_REQUEST;
      }
      if (!requests.containsKey(ResourceRegistry.MEMORY_NAME)) {
        v[ResourceRegistry.MEMORY] = DEFAULT_MEMORY_REQUEST;
      }
    }
    return v;
  }

  private static long[] copy(long[] v) {
    return v.clone();
  }

  private static long[] add(long[] into, long[] v) {
    long[] r = ResourceRegistry.fit(into, v.length);
    for (int i = 0; i < v.length; i++) {
      r[i] += v[i];
    }
    return r;
  }

  private static long[] max(long[] into, long[] v) {
    long[] r = ResourceRegistry.fit(into, v.length);
    for (int i = 0; i < v.length; i++) {
      if (v[i] > r[i]) {
        r[i] = v[i];
      }
    }
    return r;
  }
}
