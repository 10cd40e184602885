package io.schedlab.api.validation;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The API server's checks on resource quantities that a simulation must not accept either: no
 * negative requests, limits, overhead, capacity or allocatable, and no request above its limit.
 * Each method returns upstream's message with the field path, or null when the object is valid.
 */
public final class ResourceValidation {
  private ResourceValidation() {}

  /** The first problem in a pod spec; {@code path} is where the spec sits (e.g. {@code spec}). */
  public static String podSpec(PodSpec spec, String path) {
    String e = containers(spec.initContainers(), path + ".initContainers");
    if (e == null) {
      e = containers(spec.containers(), path + ".containers");
    }
    if (e == null) {
      e = nonNegative(spec.overhead(), path + ".overhead");
    }
    if (e == null && spec.resources() != null) {
      e = requirements(spec.resources(), path + ".resources");
    }
    return e;
  }

  /** The first problem in a node's capacity or allocatable. */
  public static String node(Node node) {
    String e = nonNegative(node.status().capacity(), "status.capacity");
    return e != null ? e : nonNegative(node.status().allocatable(), "status.allocatable");
  }

  private static String containers(List<Container> containers, String path) {
    for (int i = 0; i < containers.size(); i++) {
      String e = requirements(containers.get(i).resources(), path + "[" + i + "].resources");
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private static String requirements(ResourceRequirements r, String path) {
    String e = nonNegative(r.requests(), path + ".requests");
    if (e == null) {
      e = nonNegative(r.limits(), path + ".limits");
    }
    if (e != null) {
      return e;
    }
    for (Map.Entry<String, Quantity> req : r.requests().entrySet()) {
      Quantity limit = r.limits().get(req.getKey());
      if (limit != null && req.getValue().compareTo(limit) > 0) {
        return path + ".requests[" + req.getKey() + "]: Invalid value: \"" + req.getValue()
            + "\": must be less than or equal to " + req.getKey() + " limit of " + limit;
      }
    }
    return null;
  }

  /**
   * The first negative quantity of a resource list at {@code path}, in upstream's words, or null;
   * an absent list has none.
   */
  public static String nonNegative(Map<String, Quantity> list, String path) {
    if (list == null) {
      return null;
    }
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      if (e.getValue().signum() < 0) {
        return path + "[" + e.getKey() + "]: Invalid value: \"" + e.getValue()
            + "\": must be greater than or equal to 0";
      }
    }
    return null;
  }
}
