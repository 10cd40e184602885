package io.schedlab.framework;

/**
 * What a Permit plugin returns: Success (allow), Wait with a timeout in virtual nanoseconds, or a
 * rejection status.
 */
public record PermitResult(Status status, long timeoutNanos) {
  public static final PermitResult ALLOW = new PermitResult(Status.SUCCESS, 0);

  /** Upstream caps a Permit wait at 15 minutes. */
  public static final long MAX_TIMEOUT_NANOS = 15L * 60 * 1_000_000_000L;

  public static PermitResult waitFor(long timeoutNanos) {
    return new PermitResult(Status.waiting(), timeoutNanos);
  }

  public static PermitResult reject(Status status) {
    return new PermitResult(status, 0);
  }
}
