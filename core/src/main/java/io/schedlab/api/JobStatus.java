package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code batchv1.JobStatus}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobStatus(
    String startTime,
    String completionTime,
    int active,
    int succeeded,
    int failed,
    String completedIndexes,
    List<JobCondition> conditions) {

  /** An instance with nothing set. */
  public static final JobStatus EMPTY = new JobStatus(null, null, 0, 0, 0, null);

  public JobStatus {
    conditions = ApiCollections.list(conditions);
  }

  /** The status without conditions (the record's arity before conditions were added). */
  public JobStatus(String startTime, String completionTime, int active, int succeeded, int failed,
      String completedIndexes) {
    this(startTime, completionTime, active, succeeded, failed, completedIndexes, null);
  }

  /** The condition of the given type, or null. */
  public JobCondition condition(String type) {
    for (JobCondition c : conditions) {
      if (type.equals(c.type())) {
        return c;
      }
    }
    return null;
  }
}
