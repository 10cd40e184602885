package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The spec of a {@link PodGroup}, holding the fields of both API groups; each object sets only
 * its own group's fields. {@code minResources} is never null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodGroupSpec(
    Integer minMember,
    Integer scheduleTimeoutSeconds,
    Map<String, Quantity> minResources,
    SchedulingPolicy schedulingPolicy) {

  public static final PodGroupSpec EMPTY = new PodGroupSpec(null, null, null, null);

  public PodGroupSpec {
    minResources = ApiCollections.quantities(minResources);
  }

  /** Upstream's {@code spec.schedulingPolicy}; only the gang policy is modelled. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record SchedulingPolicy(Gang gang) {}

  /** Upstream's {@code schedulingPolicy.gang}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Gang(Integer minCount) {}
}
