package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code batchv1.JobStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobStatus(
    String startTime,
    String completionTime,
    int active,
    int succeeded,
    int failed,
    String completedIndexes) {

  /** An instance with nothing set. */
  public static final JobStatus EMPTY = new JobStatus(null, null, 0, 0, 0, null);
}
