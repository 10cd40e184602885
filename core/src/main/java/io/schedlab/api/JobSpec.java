package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code batchv1.JobSpec}; {@code template} is never null. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobSpec(
    Integer parallelism,
    Integer completions,
    Long activeDeadlineSeconds,
    Integer backoffLimit,
    LabelSelector selector,
    PodTemplateSpec template,
    Integer ttlSecondsAfterFinished,
    String completionMode,
    Boolean suspend) {

  /** An instance with nothing set. */
  public static final JobSpec EMPTY =
      new JobSpec(null, null, null, null, null, null, null, null, null);

  public JobSpec {
    template = template == null ? PodTemplateSpec.EMPTY : template;
  }
}
