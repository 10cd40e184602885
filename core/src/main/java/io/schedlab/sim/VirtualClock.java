package io.schedlab.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Simulated time in nanoseconds since the start of a run. Only the {@link EventLoop} that owns a
 * clock moves it, and only forward; nothing here reads the wall clock, so two runs with the same
 * inputs see the same times.
 *
 * <p>Object timestamps need a calendar date, so the clock also carries an epoch: simulated time 0
 * renders as that instant.
 */
public final class VirtualClock {
  /** The calendar instant that simulated time 0 renders as, unless another epoch is given. */
  public static final Instant DEFAULT_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  // metav1.Time marshals with whole seconds; metav1.MicroTime with exactly six fraction digits.
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

  private final Instant epoch;
  private long nowNanos;

  public VirtualClock() {
    this(DEFAULT_EPOCH);
  }

  public VirtualClock(Instant epoch) {
    if (epoch == null) {
      throw new IllegalArgumentException("VirtualClock epoch: expected an instant, got null");
    }
    this.epoch = epoch;
  }

  public long nowNanos() {
    return nowNanos;
  }

  public double nowSeconds() {
    return nowNanos / 1e9;
  }

  public Instant epoch() {
    return epoch;
  }

  /** Now as a calendar instant: the epoch plus simulated time. */
  public Instant instant() {
    return toInstant(epoch, nowNanos);
  }

  private final SecondsText secondsText = new SecondsText();

  /** Now as a {@code metav1.Time} string, e.g. {@code 2026-01-01T00:00:05Z} (seconds, truncated). */
  public String rfc3339() {
    return secondsText.at(epoch, nowNanos);
  }

  /**
   * {@link #rfc3339(Instant, long)} that formats once per virtual second: every object written
   * in the same second gets the same timestamp, and formatting dates is costly next to a store
   * write. Holds one immutable entry, so a reader never sees a torn one.
   */
  public static final class SecondsText {
    private record Entry(Instant epoch, long second, String text) {}

    private Entry last;

    public String at(Instant epoch, long nanos) {
      long second = Math.floorDiv(nanos, 1_000_000_000L);
      Entry e = last;
      if (e == null || e.second != second || !e.epoch.equals(epoch)) {
        e = new Entry(epoch, second, rfc3339(epoch, nanos));
        last = e;
      }
      return e.text;
    }
  }

  /** Now as a {@code metav1.MicroTime} string, e.g. {@code 2026-01-01T00:00:05.250000Z}. */
  public String rfc3339Micro() {
    return rfc3339Micro(epoch, nowNanos);
  }

  /** {@code epoch + nanos} as a {@code metav1.Time} string (whole seconds, truncated). */
  public static String rfc3339(Instant epoch, long nanos) {
    return SECONDS.format(toInstant(epoch, nanos).truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code epoch + nanos} as a {@code metav1.MicroTime} string (microseconds, truncated). */
  public static String rfc3339Micro(Instant epoch, long nanos) {
    return MICROS.format(toInstant(epoch, nanos).truncatedTo(ChronoUnit.MICROS));
  }

  private static Instant toInstant(Instant epoch, long nanos) {
    return epoch.plusNanos(nanos);
  }

  /** Moves time forward; the event loop is the only caller. */
  void advanceTo(long tNanos) {
    if (tNanos < nowNanos) {
      throw new IllegalStateException(
          "VirtualClock: cannot move back from " + nowNanos + "ns to " + tNanos + "ns");
    }
    nowNanos = tNanos;
  }

  @Override
  public String toString() {
    return "VirtualClock[" + Durations.format(nowNanos) + "]";
  }
}
