package io.schedlab.api.validation;

/**
 * An object the API server's admission refuses: the message names where the object came from,
 * the field, and upstream's reason.
 */
public final class AdmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AdmissionException(String message) {
    super(message);
  }
}
