package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code appsv1.DeploymentCondition}: type Available, Progressing or ReplicaFailure. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeploymentCondition(
    String type,
    String status,
    String lastUpdateTime,
    String lastTransitionTime,
    String reason,
    String message) {}
