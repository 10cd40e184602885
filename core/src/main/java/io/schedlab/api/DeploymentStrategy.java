package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.DeploymentStrategy}: type Recreate or RollingUpdate. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentStrategy(
    String type,
    RollingUpdateDeployment rollingUpdate) {

  /** An instance with nothing set. */
  public static final DeploymentStrategy EMPTY = new DeploymentStrategy(null, null);
}
