package io.schedlab.cluster;

/**
 * Pod annotations through which a scenario or a replayed trace tells the node model what a pod
 * does once running (Kubernetes objects have no place for it).
 */
public final class WorkloadAnnotations {
  /** How long the containers run before exiting: a Go duration (30s, 1h2m) or seconds. */
  public static final String DURATION = "schedlab.io/duration";
  /** The exit code when they do (default 0). */
  public static final String EXIT_CODE = "schedlab.io/exit-code";
  /** The recorded mean memory use, bytes, for pressure. */
  public static final String USAGE_MEMORY = "schedlab.io/usage-memory-bytes";

  private WorkloadAnnotations() {}
}
