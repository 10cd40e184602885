package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.NodeSystemInfo}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSystemInfo(
    String machineID,
    String kernelVersion,
    String osImage,
    String containerRuntimeVersion,
    String kubeletVersion,
    String operatingSystem,
    String architecture) {

  /** An instance with nothing set. */
  public static final NodeSystemInfo EMPTY =
      new NodeSystemInfo(null, null, null, null, null, null, null);
}
