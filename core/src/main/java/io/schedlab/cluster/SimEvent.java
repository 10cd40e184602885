package io.schedlab.cluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * One line of a simulation's event log: virtual time, a type, the node and/or pod it concerns
 * (null where none), and details. Types are lower-case with underscores, e.g. {@code pod_bound},
 * {@code node_condition}, {@code taint_added}, {@code controller_action}; {@link Types} lists the
 * common ones.
 */
public record SimEvent(long tNanos, String type, String node, String pod,
    Map<String, String> detail) {

  public SimEvent {
    if (type == null || type.isEmpty()) {
      throw new IllegalArgumentException("type: expected a non-empty event type");
    }
    // Sorted, so the log's text does not depend on map insertion order.
    detail = detail == null || detail.isEmpty() ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(detail));
  }

  public static SimEvent of(long tNanos, String type, String node, String pod) {
    return new SimEvent(tNanos, type, node, pod, Map.of());
  }

  public SimEvent with(String key, String value) {
    Map<String, String> d = new TreeMap<>(detail);
    d.put(key, value);
    return new SimEvent(tNanos, type, node, pod, d);
  }

  /** Virtual time in seconds. */
  public double seconds() {
    return tNanos / 1e9;
  }

  /** The event's JSON line: {@code t} (seconds, millisecond precision), type, node, pod, then details. */
  public String toJson() {
    StringBuilder sb = new StringBuilder(96);
    sb.append("{\"t\":").append(formatSeconds(tNanos));
    field(sb, "type", type);
    if (node != null) {
      field(sb, "node", node);
    }
    if (pod != null) {
      field(sb, "pod", pod);
    }
    for (Map.Entry<String, String> e : detail.entrySet()) {
      field(sb, e.getKey(), e.getValue());
    }
    return sb.append('}').toString();
  }

  static String formatSeconds(long nanos) {
    long millis = Math.floorDiv(nanos, 1_000_000L);
    long whole = Math.floorDiv(millis, 1000L);
    long frac = Math.floorMod(millis, 1000L);
    if (frac == 0) {
      return Long.toString(whole);
    }
    String f = String.format(java.util.Locale.ROOT, "%03d", frac);
    while (f.endsWith("0")) {
      f = f.substring(0, f.length() - 1);
    }
    return whole + "." + f;
  }

  private static void field(StringBuilder sb, String key, String value) {
    sb.append(",\"");
    escape(sb, key);
    sb.append("\":");
    if (value == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    escape(sb, value);
    sb.append('"');
  }

  private static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
  }

  /** The event types the cluster model writes. */
  public static final class Types {
    public static final String POD_CREATED = "pod_created";
    public static final String POD_SCHEDULED = "pod_scheduled";
    public static final String POD_UNSCHEDULABLE = "pod_unschedulable";
    public static final String POD_BOUND = "pod_bound";
    public static final String POD_REJECTED = "pod_rejected";
    public static final String POD_STARTED = "pod_started";
    public static final String POD_RESTARTED = "pod_restarted";
    public static final String POD_COMPLETED = "pod_completed";
    public static final String POD_FAILED = "pod_failed";
    public static final String POD_EVICTED = "pod_evicted";
    public static final String POD_TERMINATING = "pod_terminating";
    public static final String POD_DELETED = "pod_deleted";
    /** The kubelet stopped a deleted pod's containers and removed it (pod_deleted follows). */
    public static final String POD_TERMINATED = "pod_terminated";
    public static final String NODE_ADDED = "node_added";
    public static final String NODE_REMOVED = "node_removed";
    public static final String NODE_CONDITION = "node_condition";
    public static final String TAINT_ADDED = "taint_added";
    public static final String TAINT_REMOVED = "taint_removed";
    public static final String CONTROLLER_ACTION = "controller_action";
    public static final String FAULT = "fault";

    private Types() {}
  }
}
