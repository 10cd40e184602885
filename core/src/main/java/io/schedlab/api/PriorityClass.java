package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code schedulingv1.PriorityClass}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PriorityClass(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    int value,
    Boolean globalDefault,
    String description,
    String preemptionPolicy) implements KubeObject {

  public static final String API_VERSION = "scheduling.k8s.io/v1";
  public static final String KIND = "PriorityClass";

  public PriorityClass {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
  }

  /** A PriorityClass with the canonical apiVersion and kind. */
  public static PriorityClass of(ObjectMeta metadata, int value, Boolean globalDefault,
      String description, String preemptionPolicy) {
    return new PriorityClass(API_VERSION, KIND, metadata, value, globalDefault, description,
        preemptionPolicy);
  }

  @Override
  public PriorityClass withMetadata(ObjectMeta metadata) {
    return new PriorityClass(apiVersion, kind, metadata, value, globalDefault, description,
        preemptionPolicy);
  }
}
