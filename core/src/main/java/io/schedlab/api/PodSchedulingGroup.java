package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code v1.PodSchedulingGroup}: {@code spec.schedulingGroup} of a pod that belongs to an upstream
 * {@code scheduling.k8s.io} PodGroup in its own namespace.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodSchedulingGroup(String podGroupName) {}
