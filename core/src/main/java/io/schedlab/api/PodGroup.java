package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.schedlab.api.validation.ResourceValidation;

/**
 * A gang of pods that is scheduled all together or not at all. One record reads both API groups
 * that define the kind, since kinds are mapped by name alone:
 *
 * <ul>
 *   <li>kubernetes-sigs scheduler-plugins' {@code scheduling.x-k8s.io/v1alpha1}: {@code
 *       spec.minMember}, {@code spec.scheduleTimeoutSeconds}, {@code spec.minResources}; pods join
 *       with the label {@code scheduling.x-k8s.io/pod-group};
 *   <li>upstream Kubernetes' {@code scheduling.k8s.io/v1alpha3} and {@code v1beta1}: {@code
 *       spec.schedulingPolicy.gang.minCount}; pods join with {@code
 *       spec.schedulingGroup.podGroupName}.
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PodGroup(String apiVersion, String kind, ObjectMeta metadata, PodGroupSpec spec)
    implements KubeObject {

  /** scheduler-plugins' API version, the default when none is given. */
  public static final String SIGS_API_VERSION = "scheduling.x-k8s.io/v1alpha1";

  public static final String KIND = "PodGroup";

  public PodGroup {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? SIGS_API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? PodGroupSpec.EMPTY : spec;
    String problem = problem(spec);
    if (problem != null) {
      throw new IllegalArgumentException("PodGroup " + metadata.qualifiedName() + ": " + problem);
    }
  }

  /** A negative count, timeout or minimum resource, which no API server would store. */
  private static String problem(PodGroupSpec spec) {
    String e = negative(spec.minMember(), "spec.minMember");
    if (e == null) {
      e = negative(spec.scheduleTimeoutSeconds(), "spec.scheduleTimeoutSeconds");
    }
    if (e == null && spec.schedulingPolicy() != null && spec.schedulingPolicy().gang() != null) {
      e = negative(spec.schedulingPolicy().gang().minCount(), "spec.schedulingPolicy.gang.minCount");
    }
    return e != null ? e : ResourceValidation.nonNegative(spec.minResources(), "spec.minResources");
  }

  private static String negative(Integer value, String path) {
    return value == null || value >= 0
        ? null
        : path + ": Invalid value: " + value + ": must be greater than or equal to 0";
  }

  /** Whether this is upstream Kubernetes' PodGroup ({@code scheduling.k8s.io/...}). */
  public boolean upstreamKind() {
    return apiVersion.startsWith("scheduling.k8s.io/");
  }

  /**
   * The members that must be placed together: upstream's {@code gang.minCount}, or
   * scheduler-plugins' {@code minMember}. Zero when the shape of the group's API sets neither.
   */
  public int minMember() {
    if (upstreamKind()) {
      PodGroupSpec.SchedulingPolicy p = spec.schedulingPolicy();
      return p == null || p.gang() == null || p.gang().minCount() == null ? 0 : p.gang().minCount();
    }
    return spec.minMember() == null ? 0 : spec.minMember();
  }

  @Override
  public PodGroup withMetadata(ObjectMeta metadata) {
    return new PodGroup(apiVersion, kind, metadata, spec);
  }
}
