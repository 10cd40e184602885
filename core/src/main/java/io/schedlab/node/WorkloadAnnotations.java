package io.schedlab.node;

import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.sim.Durations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pod annotations through which a workload tells the simulated container runtime what it
 * does: how long it runs, how it exits, how big its image is, what it uses.
 */
public final class WorkloadAnnotations {
  /** Run time of the containers: a Go duration ("90s", "1h30m") or plain seconds. Absent: forever. */
  public static final String DURATION = "schedlab.io/duration";
  /** Exit code when the run time is over; default 0 (Succeeded). */
  public static final String EXIT_CODE = "schedlab.io/exit-code";
  /** Image size in bytes, for images the node does not list. */
  public static final String IMAGE_SIZE = "schedlab.io/image-size-bytes";
  /** CPU the running pod uses, in millicores (the metrics pipeline's usage, not its request). */
  public static final String USAGE_CPU = "schedlab.io/usage-cpu-millicores";
  /** Memory working set of the running pod, in bytes. */
  public static final String USAGE_MEMORY = "schedlab.io/usage-memory-bytes";
  /** Ephemeral storage the running pod uses, in bytes. */
  public static final String USAGE_EPHEMERAL_STORAGE = "schedlab.io/usage-ephemeral-storage-bytes";
  /** Process ids the running pod uses. */
  public static final String USAGE_PIDS = "schedlab.io/usage-pids";
  /** How long the containers take to exit after SIGTERM; absent: they use the whole grace period. */
  public static final String SHUTDOWN = "schedlab.io/shutdown-duration";

  /** Means "no duration": the containers run until stopped. */
  public static final long FOREVER = -1;

  private WorkloadAnnotations() {}

  /**
   * A trace pod with its recorded run time and usage written as these annotations, so the node
   * model runs it as recorded: a negative {@code durationNanos} means none; usage keys are
   * {@code cpu} (written in millicores), {@code memory}, {@code ephemeral-storage} and {@code
   * pids} (others are ignored).
   */
  public static Pod annotate(Pod pod, long durationNanos, Map<String, Quantity> usage) {
    Map<String, String> a = new LinkedHashMap<>(pod.metadata().annotations());
    if (durationNanos >= 0) {
      a.put(DURATION, Durations.format(durationNanos));
    }
    if (usage != null) {
      Quantity cpu = usage.get("cpu");
      if (cpu != null) {
        a.put(USAGE_CPU, Long.toString(cpu.milliValue()));
      }
      put(a, USAGE_MEMORY, usage.get("memory"));
      put(a, USAGE_EPHEMERAL_STORAGE, usage.get("ephemeral-storage"));
      put(a, USAGE_PIDS, usage.get("pids"));
    }
    return pod.withMetadata(pod.metadata().withAnnotations(a));
  }

  private static void put(Map<String, String> a, String key, Quantity q) {
    if (q != null) {
      a.put(key, Long.toString(q.value()));
    }
  }

  /** The annotated duration in nanoseconds, or {@code absent} when not annotated. */
  public static long duration(Pod pod, String annotation, long absent) {
    String text = pod.metadata().annotations().get(annotation);
    if (text == null) {
      return absent;
    }
    String t = text.trim();
    try {
      if (!t.isEmpty() && isPlainNumber(t)) {
        return Durations.seconds(Double.parseDouble(t));
      }
      long nanos = Durations.parse(t);
      if (nanos < 0) {
        throw new IllegalArgumentException("negative");
      }
      return nanos;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pod " + pod.key() + " annotation " + annotation
          + ": expected a duration like \"90s\" or seconds, got \"" + text + "\"");
    }
  }

  /** The annotated non-negative integer, or {@code absent}. */
  public static long number(Pod pod, String annotation, long absent) {
    Map<String, String> annotations = pod.metadata().annotations();
    String text = annotations.get(annotation);
    if (text == null) {
      return absent;
    }
    try {
      long v = Long.parseLong(text.trim());
      if (v >= 0 || annotation.equals(EXIT_CODE)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("pod " + pod.key() + " annotation " + annotation
        + ": expected a whole number, got \"" + text + "\"");
  }

  public static int exitCode(Pod pod) {
    long code = number(pod, EXIT_CODE, 0);
    if (code < 0 || code > 255) {
      throw new IllegalArgumentException("pod " + pod.key() + " annotation " + EXIT_CODE
          + ": expected an exit code 0..255, got " + code);
    }
    return (int) code;
  }

  private static boolean isPlainNumber(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.') {
        return false;
      }
    }
    return true;
  }
}
