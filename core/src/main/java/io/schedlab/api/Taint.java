package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code v1.Taint}: effect NoSchedule, PreferNoSchedule or NoExecute. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Taint(
    String key,
    String value,
    String effect,
    String timeAdded) {

  public static final String NO_SCHEDULE = "NoSchedule";
  public static final String PREFER_NO_SCHEDULE = "PreferNoSchedule";
  public static final String NO_EXECUTE = "NoExecute";

  public static Taint of(String key, String value, String effect) {
    return new Taint(key, value, effect, null);
  }

  /** {@code key=value:effect}, as upstream's {@code Taint.ToString}. */
  @Override
  public String toString() {
    String k = key == null ? "" : key;
    boolean hasValue = value != null && !value.isEmpty();
    if (effect == null || effect.isEmpty()) {
      return hasValue ? k + "=" + value + ":" : k;
    }
    return (hasValue ? k + "=" + value : k) + ":" + effect;
  }
}
