package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.ContainerStatus}: what the kubelet reports about one container. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerStatus(
    String name,
    String image,
    String imageID,
    boolean ready,
    int restartCount,
    Boolean started,
    ContainerState state,
    ContainerState lastState) {
  public ContainerStatus {
    state = state == null ? ContainerState.EMPTY : state;
    lastState = lastState == null ? ContainerState.EMPTY : lastState;
  }
}
