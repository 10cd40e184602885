package io.schedlab.traces;

import java.util.Map;

/**
 * What a trace says about itself: the native format's first line, or what a reader of a recorded
 * format knows (its format name and inputs).
 *
 * @param version the native format's version ({@link #CURRENT_VERSION} when written)
 * @param format the format the events were read from, e.g. {@code alibaba-gpu-2023}
 * @param source where the events came from (file names, generator spec)
 * @param attributes anything else worth keeping (scale factors, seeds, time origin)
 */
public record TraceHeader(int version, String format, String source, Map<String, String> attributes) {
  public static final int CURRENT_VERSION = 1;

  public TraceHeader {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
