package io.schedlab.traces.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What {@link TraceFit} learned from a recorded trace, written as YAML or JSON for a generator
 * spec's {@code fitted:} to use.
 *
 * @param version {@link #CURRENT_VERSION}
 * @param source the trace it was fitted from
 * @param pods PodSubmitted events read
 * @param arrivals the mean arrival rate over the submission span
 * @param duration lognormal fit of the recorded durations (null when none was known)
 * @param requests per resource, the effective pod request values and their counts; a pod that
 *     does not request a resource counts as requesting zero of it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FitDocument(
    Integer version,
    String source,
    Long pods,
    ArrivalFit arrivals,
    DurationFit duration,
    Map<String, GeneratorSpec.Empirical> requests) {
  public static final int CURRENT_VERSION = 1;

  /**
   * @param rate pods per second: (pods - 1) / (last - first submission), the Poisson MLE of the
   *     gaps; null with fewer than two distinct submission times
   * @param spanSeconds last - first submission time
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArrivalFit(Double rate, Double spanSeconds) {}

  /**
   * Maximum-likelihood lognormal over durations in seconds: mu and sigma are the mean and
   * (population) standard deviation of ln(seconds).
   *
   * @param samples durations used (known and positive)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DurationFit(String distribution, Double mu, Double sigma, Long samples, Double meanSeconds) {}
}
