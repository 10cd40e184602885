package io.schedlab.sim;

/** An event's action failed; names the event and the simulated time it ran at. */
public final class SimulationException extends RuntimeException {
  private final String label;
  private final long atNanos;

  public SimulationException(String label, long atNanos, RuntimeException cause) {
    super("event \"" + label + "\" at " + Durations.format(atNanos) + " failed: " + describe(cause),
        cause);
    this.label = label;
    this.atNanos = atNanos;
  }

  /** The label the failed event was scheduled with. */
  public String label() {
    return label;
  }

  /** The simulated time the failed event ran at. */
  public long atNanos() {
    return atNanos;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isEmpty() ? cause.getClass().getSimpleName() : message;
  }
}
