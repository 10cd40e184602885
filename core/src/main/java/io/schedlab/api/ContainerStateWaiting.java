package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.ContainerStateWaiting}, e.g. reason {@code ContainerCreating} or {@code CrashLoopBackOff}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerStateWaiting(String reason, String message) {}
