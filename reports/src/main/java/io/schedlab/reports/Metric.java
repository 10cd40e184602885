package io.schedlab.reports;

/**
 * A scalar a run reports, and which way is better: what compare aggregates over seeds, tests
 * between profiles and ranks by.
 *
 * @param name snake_case, e.g. {@code queueing_delay_p50_s}
 * @param unit e.g. {@code s}, {@code %}, {@code pods}
 */
public record Metric(String name, String unit, Direction direction, String description) {
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** +1 when higher is better, -1 when lower is. */
    public int sign() {
      return this == HIGHER_IS_BETTER ? 1 : -1;
    }
  }
}
