package io.schedlab.framework;

/**
 * Carries a non-success {@link Status} out of a stage whose hot signature returns a primitive
 * (Score returns its {@code long} directly). Rare by design: a Score plugin throws it only for an
 * internal error, as upstream returns a non-nil status.
 */
public final class StatusException extends RuntimeException {
  private final Status status;

  public StatusException(Status status) {
    super(status.toString(), status.error(), false, false);
    this.status = status;
  }

  public Status status() {
    return status;
  }
}
