package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code coordinationv1.LeaseSpec}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LeaseSpec(
    String holderIdentity,
    Integer leaseDurationSeconds,
    String acquireTime,
    String renewTime,
    Integer leaseTransitions) {

  /** An instance with nothing set. */
  public static final LeaseSpec EMPTY = new LeaseSpec(null, null, null, null, null);
}
