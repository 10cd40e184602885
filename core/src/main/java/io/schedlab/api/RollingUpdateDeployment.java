package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.RollingUpdateDeployment}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RollingUpdateDeployment(
    IntOrString maxUnavailable,
    IntOrString maxSurge) {

  /** An instance with nothing set. */
  public static final RollingUpdateDeployment EMPTY = new RollingUpdateDeployment(null, null);
}
