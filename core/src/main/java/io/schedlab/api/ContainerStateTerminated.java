package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.ContainerStateTerminated}: reason {@code Completed} for exit code 0, else {@code Error}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerStateTerminated(
    int exitCode, String reason, String message, String startedAt, String finishedAt) {}
