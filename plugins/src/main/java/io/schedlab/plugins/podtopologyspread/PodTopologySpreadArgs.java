package io.schedlab.plugins.podtopologyspread;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.schedlab.api.TopologySpreadConstraint;
import java.util.List;

/**
 * Upstream's PodTopologySpreadArgs with its v1 defaults: {@code defaultingType} System, no
 * {@code defaultConstraints}. With System the plugin uses the cluster default constraints
 * (hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway); with List it uses {@code
 * defaultConstraints}. Either way they apply only to pods without constraints of their own.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record PodTopologySpreadArgs(
    List<TopologySpreadConstraint> defaultConstraints, String defaultingType) {
  public static final String SYSTEM_DEFAULTING = "System";
  public static final String LIST_DEFAULTING = "List";

  public PodTopologySpreadArgs {
    defaultConstraints = defaultConstraints == null ? List.of() : List.copyOf(defaultConstraints);
    if (defaultingType == null || defaultingType.isEmpty()) {
      defaultingType = SYSTEM_DEFAULTING;
    }
  }

  public static PodTopologySpreadArgs defaults() {
    return new PodTopologySpreadArgs(List.of(), SYSTEM_DEFAULTING);
  }
}
