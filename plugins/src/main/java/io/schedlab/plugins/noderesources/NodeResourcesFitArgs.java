package io.schedlab.plugins.noderesources;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Upstream's NodeResourcesFitArgs with its v1 defaults. */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record NodeResourcesFitArgs(
    List<String> ignoredResources, List<String> ignoredResourceGroups, ScoringStrategy scoringStrategy) {

  public NodeResourcesFitArgs {
    ignoredResources = ignoredResources == null ? List.of() : List.copyOf(ignoredResources);
    ignoredResourceGroups = ignoredResourceGroups == null ? List.of() : List.copyOf(ignoredResourceGroups);
    if (scoringStrategy == null) {
      scoringStrategy = ScoringStrategy.defaults();
    }
  }

  public static NodeResourcesFitArgs defaults() {
    return new NodeResourcesFitArgs(null, null, ScoringStrategy.defaults());
  }

  /** A resource and its weight in scoring. */
  public record ResourceSpec(String name, Long weight) {}

  /** A point of the RequestedToCapacityRatio shape: utilization 0..100, score 0..10. */
  public record UtilizationShapePoint(Integer utilization, Integer score) {}

  public record RequestedToCapacityRatioParam(List<UtilizationShapePoint> shape) {
    public RequestedToCapacityRatioParam {
      shape = shape == null ? List.of() : List.copyOf(shape);
    }
  }

  public record ScoringStrategy(
      String type, List<ResourceSpec> resources, RequestedToCapacityRatioParam requestedToCapacityRatio) {
    public static final String LEAST_ALLOCATED = "LeastAllocated";
    public static final String MOST_ALLOCATED = "MostAllocated";
    public static final String REQUESTED_TO_CAPACITY_RATIO = "RequestedToCapacityRatio";

    public ScoringStrategy {
      if (type == null || type.isEmpty()) {
        type = LEAST_ALLOCATED;
      }
      if (resources == null || resources.isEmpty()) {
        resources = List.of(new ResourceSpec("cpu", 1L), new ResourceSpec("memory", 1L));
      } else {
        List<ResourceSpec> defaulted = new java.util.ArrayList<>(resources.size());
        for (ResourceSpec r : resources) {
          defaulted.add(r.weight() == null ? new ResourceSpec(r.name(), 1L) : r);
        }
        resources = List.copyOf(defaulted);
      }
    }

    static ScoringStrategy defaults() {
      return new ScoringStrategy(LEAST_ALLOCATED, null, null);
    }
  }
}
