package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code metav1.OwnerReference}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(
    String apiVersion, String kind, String name, String uid, Boolean controller,
    Boolean blockOwnerDeletion) {}
