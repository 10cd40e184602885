package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.ContainerState}: at most one of the three is set. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerState(
    ContainerStateWaiting waiting, ContainerStateRunning running,
    ContainerStateTerminated terminated) {
  public static final ContainerState EMPTY = new ContainerState(null, null, null);

  public static ContainerState waiting(String reason, String message) {
    return new ContainerState(new ContainerStateWaiting(reason, message), null, null);
  }

  public static ContainerState running(String startedAt) {
    return new ContainerState(null, new ContainerStateRunning(startedAt), null);
  }

  public static ContainerState terminated(ContainerStateTerminated terminated) {
    return new ContainerState(null, null, terminated);
  }
}
