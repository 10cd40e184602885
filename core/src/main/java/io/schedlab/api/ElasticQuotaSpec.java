package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code scheduling.x-k8s.io/v1alpha1 ElasticQuotaSpec}: the guaranteed ({@code min}) and the
 * ceiling ({@code max}) resources of one namespace. A null list means the field was not given,
 * which the CapacityScheduling plugin reads differently from an empty one (a missing max is
 * unlimited, an empty max allows nothing of cpu, memory and ephemeral-storage).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElasticQuotaSpec(Map<String, Quantity> min, Map<String, Quantity> max) {
  /** An instance with neither list given. */
  public static final ElasticQuotaSpec EMPTY = new ElasticQuotaSpec(null, null);

  public ElasticQuotaSpec {
    min = min == null ? null : ApiCollections.quantities(min);
    max = max == null ? null : ApiCollections.quantities(max);
  }
}
