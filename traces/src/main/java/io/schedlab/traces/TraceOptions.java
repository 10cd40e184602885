package io.schedlab.traces;

import java.util.Map;

/**
 * How to read a trace.
 *
 * @param skipBadRows count and skip malformed rows instead of failing on the first one
 * @param params format-specific settings (e.g. the machine size Google's normalised resources
 *     are scaled to), by name
 */
public record TraceOptions(boolean skipBadRows, Map<String, String> params) {
  public static final TraceOptions DEFAULTS = new TraceOptions(false, Map.of());

  public TraceOptions {
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  public String param(String name, String fallback) {
    return params.getOrDefault(name, fallback);
  }
}
