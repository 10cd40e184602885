package io.schedlab.plugins.noderesources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's NodeResourcesBalancedAllocationArgs with its v1 defaults: cpu and memory when no
 * resource is listed, and weight 1 for a resource listed without one (or with 0).
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record NodeResourcesBalancedAllocationArgs(List<NodeResourcesFitArgs.ResourceSpec> resources) {

  public NodeResourcesBalancedAllocationArgs {
    if (resources == null || resources.isEmpty()) {
      resources = List.of(
          new NodeResourcesFitArgs.ResourceSpec("cpu", 1L), new NodeResourcesFitArgs.ResourceSpec("memory", 1L));
    } else {
      List<NodeResourcesFitArgs.ResourceSpec> defaulted = new ArrayList<>(resources.size());
      for (NodeResourcesFitArgs.ResourceSpec r : resources) {
        defaulted.add(r.weight() == null || r.weight() == 0 ? new NodeResourcesFitArgs.ResourceSpec(r.name(), 1L) : r);
      }
      resources = List.copyOf(defaulted);
    }
  }

  public static NodeResourcesBalancedAllocationArgs defaults() {
    return new NodeResourcesBalancedAllocationArgs(null);
  }
}
