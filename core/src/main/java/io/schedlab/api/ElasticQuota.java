package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.schedlab.api.validation.ResourceValidation;
import java.util.Map;

/**
 * {@code scheduling.x-k8s.io/v1alpha1 ElasticQuota} of the scheduler-plugins project: one per
 * namespace, read by the CapacityScheduling plugin. The status (used) is not modelled: the
 * plugin computes usage itself, as upstream's does.
 *
 * <p>Construction rejects a negative quantity in {@code spec.min} or {@code spec.max}, and a
 * resource whose min exceeds its max, with a one-line message naming the object and the field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ElasticQuota(String apiVersion, String kind, ObjectMeta metadata, ElasticQuotaSpec spec)
    implements KubeObject {

  public static final String API_VERSION = "scheduling.x-k8s.io/v1alpha1";
  public static final String KIND = "ElasticQuota";

  public ElasticQuota {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? ElasticQuotaSpec.EMPTY : spec;
    String problem = problem(metadata, spec);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** An ElasticQuota with the canonical apiVersion and kind. */
  public static ElasticQuota of(ObjectMeta metadata, ElasticQuotaSpec spec) {
    return new ElasticQuota(API_VERSION, KIND, metadata, spec);
  }

  @Override
  public ElasticQuota withMetadata(ObjectMeta metadata) {
    return new ElasticQuota(apiVersion, kind, metadata, spec);
  }

  public ElasticQuota withSpec(ElasticQuotaSpec spec) {
    return new ElasticQuota(apiVersion, kind, metadata, spec);
  }

  private static String problem(ObjectMeta metadata, ElasticQuotaSpec spec) {
    String e = ResourceValidation.nonNegative(spec.min(), "spec.min");
    if (e == null) {
      e = ResourceValidation.nonNegative(spec.max(), "spec.max");
    }
    if (e == null && spec.min() != null && spec.max() != null) {
      for (Map.Entry<String, Quantity> m : spec.min().entrySet()) {
        Quantity max = spec.max().get(m.getKey());
        if (max != null && m.getValue().compareTo(max) > 0) {
          e = "spec.min[" + m.getKey() + "]: Invalid value: \"" + m.getValue()
              + "\": must be less than or equal to spec.max[" + m.getKey() + "] of " + max;
          break;
        }
      }
    }
    return e == null ? null : "ElasticQuota " + metadata.qualifiedName() + ": " + e;
  }
}
