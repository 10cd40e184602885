package io.schedlab.plugins.trimaran;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.schedlab.api.Quantity;
import java.util.Map;

/**
 * TargetLoadPacking's args with upstream's defaults: {@code targetUtilization} 40 (a value ≤ 0
 * also means 40), {@code defaultRequests} cpu 1000m (the predicted usage of a container with
 * neither limit nor request), {@code defaultRequestsMultiplier} "1.5" (request × this when there
 * is no limit). {@code watcherAddress} and {@code metricProvider} are accepted and ignored: the
 * load comes from the cluster's NodeMetrics.
 */
@JsonIgnoreProperties({"apiVersion", "kind", "metricProvider"})
public record TargetLoadPackingArgs(
    Long targetUtilization,
    Map<String, Quantity> defaultRequests,
    String defaultRequestsMultiplier,
    String watcherAddress) {
  public static final long DEFAULT_TARGET_UTILIZATION = 40;
  public static final long DEFAULT_REQUESTS_MILLI_CORES = 1000;
  public static final String DEFAULT_REQUESTS_MULTIPLIER = "1.5";

  public TargetLoadPackingArgs {
    targetUtilization = targetUtilization == null || targetUtilization <= 0
        ? DEFAULT_TARGET_UTILIZATION : targetUtilization;
    defaultRequests = defaultRequests == null
        ? Map.of("cpu", Quantity.ofMilli(DEFAULT_REQUESTS_MILLI_CORES))
        : Map.copyOf(defaultRequests);
    defaultRequestsMultiplier = defaultRequestsMultiplier == null
        ? DEFAULT_REQUESTS_MULTIPLIER : defaultRequestsMultiplier;
  }

  public static TargetLoadPackingArgs defaults() {
    return new TargetLoadPackingArgs(null, null, null, null);
  }
}
