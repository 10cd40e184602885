package io.schedlab.traces.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.api.Taint;
import java.util.List;
import java.util.Map;

/**
 * A synthetic trace, as {@code schedlab trace generate SPEC.yaml} reads it (see {@code
 * traces/samples/generators/README.md} for the format). Times are seconds, rates per second.
 * Unset fields are null; {@link SpecValidator} checks a spec and names the field it rejects.
 *
 * @param seed the one seed every random draw derives from (required)
 * @param nodes node groups, added at time 0 in order
 * @param workloads pod streams, merged in time order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeneratorSpec(Long seed, List<NodeGroup> nodes, List<Workload> workloads) {
  public GeneratorSpec {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    workloads = workloads == null ? List.of() : List.copyOf(workloads);
  }

  /**
   * {@code count} nodes named {@code <name>-<i>} (or the template's generateName + i).
   *
   * @param template a Node manifest file (relative to the spec) to start each node from
   * @param capacity capacity; allocatable defaults to it. Without either and without a template
   *     a node gets scheduler_perf's base node: pods 110, cpu 4, memory 32Gi
   * @param zones values of {@code topology.kubernetes.io/zone}, assigned round robin
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NodeGroup(
      String name,
      Integer count,
      String template,
      Map<String, Quantity> capacity,
      Map<String, Quantity> allocatable,
      Map<String, String> labels,
      List<Taint> taints,
      List<String> zones) {}

  /**
   * A stream of pods.
   *
   * @param name names pods {@code <name>-<i>} unless the template has a generateName
   * @param count how many pods; with {@code horizon} whichever ends first
   * @param horizon seconds after {@code start} past which no pod arrives
   * @param start seconds from the trace start at which arrivals begin (default 0)
   * @param arrival how pods arrive; absent: all at {@code start} (scheduler_perf's createPods), or
   *     the fitted Poisson rate when {@code fitted} is set
   * @param duration how long pods run; absent: the fitted lognormal, else pods never end
   * @param requests fixed requests, applied to the first container
   * @param requestDistribution per-resource empirical distributions (override {@code requests})
   * @param fitted a {@link FitDocument} file (relative to the spec) whose per-resource
   *     distributions supply requests not given otherwise
   * @param template a Pod manifest file (relative to the spec), e.g. a scheduler_perf template
   * @param podTemplate the same, inline
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Workload(
      String name,
      String namespace,
      Integer count,
      Double horizon,
      Double start,
      Arrival arrival,
      Duration duration,
      Map<String, Quantity> requests,
      Map<String, Empirical> requestDistribution,
      String fitted,
      Map<String, String> labels,
      Integer priority,
      String template,
      Pod podTemplate) {}

  /**
   * An arrival process: {@code poisson} (rate), {@code mmpp} (rates, switching, initialState),
   * {@code diurnal} (base, amplitude, period, phase) or {@code batch} (all at start).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Arrival(
      String process,
      Double rate,
      List<Double> rates,
      List<List<Double>> switching,
      Integer initialState,
      Double base,
      Double amplitude,
      Double period,
      Double phase) {}

  /**
   * A duration distribution in seconds: {@code lognormal} (mu, sigma of ln seconds), {@code
   * weibull} (shape, scale), {@code pareto} (scale, shape), {@code exponential} (mean) or {@code
   * constant} (seconds); {@code max} caps every draw.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Duration(
      String distribution,
      Double mu,
      Double sigma,
      Double shape,
      Double scale,
      Double mean,
      Double seconds,
      Double max) {}

  /** Observed values of one resource and how often each occurred. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Empirical(List<Quantity> values, List<Long> counts) {}
}
