package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code batchv1.Job}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Job(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    JobSpec spec,
    JobStatus status) implements KubeObject {

  public static final String API_VERSION = "batch/v1";
  public static final String KIND = "Job";

  public Job {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    spec = spec == null ? JobSpec.EMPTY : spec;
    status = status == null ? JobStatus.EMPTY : status;
  }

  /** A Job with the canonical apiVersion and kind. */
  public static Job of(ObjectMeta metadata, JobSpec spec, JobStatus status) {
    return new Job(API_VERSION, KIND, metadata, spec, status);
  }

  @Override
  public Job withMetadata(ObjectMeta metadata) {
    return new Job(apiVersion, kind, metadata, spec, status);
  }

  public Job withSpec(JobSpec spec) {
    return new Job(apiVersion, kind, metadata, spec, status);
  }

  public Job withStatus(JobStatus status) {
    return new Job(apiVersion, kind, metadata, spec, status);
  }
}
