package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code policyv1.PodDisruptionBudget}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodDisruptionBudget(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    PodDisruptionBudgetSpec spec,
    PodDisruptionBudgetStatus status) implements KubeObject {

  public static final String API_VERSION = "policy/v1";
  public static final String KIND = "PodDisruptionBudget";

  public PodDisruptionBudget {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? PodDisruptionBudgetSpec.EMPTY : spec;
    status = status == null ? PodDisruptionBudgetStatus.EMPTY : status;
  }

  /** A PodDisruptionBudget with the canonical apiVersion and kind. */
  public static PodDisruptionBudget of(ObjectMeta metadata, PodDisruptionBudgetSpec spec,
      PodDisruptionBudgetStatus status) {
    return new PodDisruptionBudget(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public PodDisruptionBudget withMetadata(ObjectMeta metadata) {
    return new PodDisruptionBudget(apiVersion, kind, metadata, spec, status);
  }

  public PodDisruptionBudget withSpec(PodDisruptionBudgetSpec spec) {
    return new PodDisruptionBudget(apiVersion, kind, metadata, spec, status);
  }

  public PodDisruptionBudget withStatus(PodDisruptionBudgetStatus status) {
    return new PodDisruptionBudget(apiVersion, kind, metadata, spec, status);
  }
}
