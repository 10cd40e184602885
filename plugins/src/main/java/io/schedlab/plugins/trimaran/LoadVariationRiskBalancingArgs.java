package io.schedlab.plugins.trimaran;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * LoadVariationRiskBalancing's args with upstream's defaults: {@code safeVarianceMargin} 1 (the
 * multiplier of the deviation) and {@code safeVarianceSensitivity} 1 (its root power); a missing
 * or negative value means the default. {@code watcherAddress} and {@code metricProvider} are
 * accepted and ignored.
 */
@JsonIgnoreProperties({"apiVersion", "kind", "metricProvider"})
public record LoadVariationRiskBalancingArgs(
    Double safeVarianceMargin, Double safeVarianceSensitivity, String watcherAddress) {
  public static final double DEFAULT_SAFE_VARIANCE_MARGIN = 1;
  public static final double DEFAULT_SAFE_VARIANCE_SENSITIVITY = 1;

  public LoadVariationRiskBalancingArgs {
    safeVarianceMargin = safeVarianceMargin == null || safeVarianceMargin < 0
        ? DEFAULT_SAFE_VARIANCE_MARGIN : safeVarianceMargin;
    safeVarianceSensitivity = safeVarianceSensitivity == null || safeVarianceSensitivity < 0
        ? DEFAULT_SAFE_VARIANCE_SENSITIVITY : safeVarianceSensitivity;
  }

  public static LoadVariationRiskBalancingArgs defaults() {
    return new LoadVariationRiskBalancingArgs(null, null, null);
  }
}
