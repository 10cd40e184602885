package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code v1.NodeSpec}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSpec(
    Boolean unschedulable,
    List<Taint> taints,
    String podCIDR,
    List<String> podCIDRs,
    String providerID) {

  /** An instance with nothing set. */
  public static final NodeSpec EMPTY = new NodeSpec(null, null, null, null, null);

  public NodeSpec {
    taints = ApiCollections.list(taints);
    podCIDRs = ApiCollections.list(podCIDRs);
  }

  public NodeSpec withUnschedulable(Boolean unschedulable) {
    return new NodeSpec(unschedulable, taints, podCIDR, podCIDRs, providerID);
  }

  public NodeSpec withTaints(List<Taint> taints) {
    return new NodeSpec(unschedulable, taints, podCIDR, podCIDRs, providerID);
  }
}
