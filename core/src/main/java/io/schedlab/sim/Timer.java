package io.schedlab.sim;

/** A scheduled event of an {@link EventLoop}: one-shot or periodic, cancellable until it fires. */
public final class Timer {
  static final byte PENDING = 0;
  static final byte FIRED = 1;
  static final byte CANCELLED = 2;

  private final EventLoop loop;
  final String label;
  final Runnable action;
  final long periodNanos;
  long atNanos;
  byte state = PENDING;

  Timer(EventLoop loop, String label, Runnable action, long periodNanos, long atNanos) {
    this.loop = loop;
    this.label = label;
    this.action = action;
    this.periodNanos = periodNanos;
    this.atNanos = atNanos;
  }

  /**
   * Stops this timer from firing (again). Returns whether it was still pending: false if it was a
   * one-shot timer that already fired, or if it was already cancelled.
   */
  public boolean cancel() {
    if (state != PENDING) {
      return false;
    }
    state = CANCELLED;
    loop.onCancel();
    return true;
  }

  public boolean isPending() {
    return state == PENDING;
  }

  public boolean isCancelled() {
    return state == CANCELLED;
  }

  public String label() {
    return label;
  }

  /** When this timer fires next (or last fired, once it is no longer pending). */
  public long atNanos() {
    return atNanos;
  }

  /** The period of a periodic timer; 0 for a one-shot timer. */
  public long periodNanos() {
    return periodNanos;
  }

  @Override
  public String toString() {
    String status = switch (state) {
      case PENDING -> "pending";
      case FIRED -> "fired";
      default -> "cancelled";
    };
    return "Timer[" + label + " at " + Durations.format(atNanos)
        + (periodNanos > 0 ? " every " + Durations.format(periodNanos) : "") + ", " + status + "]";
  }
}
