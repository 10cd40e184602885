package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code batchv1.JobCondition}: type Complete, Failed, Suspended, FailureTarget, ... */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobCondition(
    String type,
    String status,
    String lastProbeTime,
    String lastTransitionTime,
    String reason,
    String message) {}
