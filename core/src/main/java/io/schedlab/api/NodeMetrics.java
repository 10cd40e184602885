package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.k8s.io/v1beta1 NodeMetrics}: a node's resource usage ({@code cpu}, {@code
 * memory}) measured over {@code window} ending at {@code timestamp}. Cluster-scoped, named after
 * its node.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeMetrics(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    String timestamp,
    String window,
    Map<String, Quantity> usage) implements KubeObject {

  public static final String API_VERSION = "metrics.k8s.io/v1beta1";
  public static final String KIND = "NodeMetrics";

  /** Annotation: average CPU utilisation over the window, percent of capacity. */
  public static final String CPU_AVERAGE = "schedlab.io/cpu-utilization-average";
  /** Annotation: standard deviation of CPU utilisation over the window, percentage points. */
  public static final String CPU_STDDEV = "schedlab.io/cpu-utilization-stddev";
  /** Annotation: average memory utilisation over the window, percent of capacity. */
  public static final String MEMORY_AVERAGE = "schedlab.io/memory-utilization-average";
  /** Annotation: standard deviation of memory utilisation over the window, percentage points. */
  public static final String MEMORY_STDDEV = "schedlab.io/memory-utilization-stddev";
  /** Annotation: how much time the average and deviation cover (a Go duration). */
  public static final String STATS_WINDOW = "schedlab.io/utilization-window";

  private static final List<String> NUMERIC_ANNOTATIONS =
      List.of(CPU_AVERAGE, CPU_STDDEV, MEMORY_AVERAGE, MEMORY_STDDEV);

  /**
   * @throws IllegalArgumentException for a timestamp that is not an RFC 3339 time, or a
   *     utilisation annotation that is not a number: the load-aware scores read both
   */
  public NodeMetrics {
    apiVersion = apiVersion == null || apiVersion.isEmpty() ? API_VERSION : apiVersion;
    kind = kind == null || kind.isEmpty() ? KIND : kind;
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    usage = ApiCollections.quantities(usage);
    if (timestamp != null && !timestamp.isEmpty()) {
      try {
        Instant.parse(timestamp);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("NodeMetrics " + metadata.name()
            + ": timestamp: expected an RFC 3339 time, got \"" + timestamp + "\"");
      }
    }
    for (String key : NUMERIC_ANNOTATIONS) {
      String text = metadata.annotations().get(key);
      if (text != null) {
        try {
          Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("NodeMetrics " + metadata.name()
              + ": metadata.annotations[" + key + "]: expected a number, got \"" + text + "\"");
        }
      }
    }
  }

  /** A NodeMetrics with the canonical apiVersion and kind. */
  public static NodeMetrics of(ObjectMeta metadata, String timestamp, String window,
      Map<String, Quantity> usage) {
    return new NodeMetrics(API_VERSION, KIND, metadata, timestamp, window, usage);
  }

  @Override
  public NodeMetrics withMetadata(ObjectMeta metadata) {
    return new NodeMetrics(apiVersion, kind, metadata, timestamp, window, usage);
  }
}
