package io.schedlab.conformance;

/**
 * Thrown by a scenario when it cannot evaluate a case (a plugin that is not registered, an
 * expectation it has no way to check, inconsistent case data). The runner counts the case as
 * failed with {@code not evaluated: <message>}; a conformance run never skips a case.
 */
public final class NotEvaluatedException extends RuntimeException {
  public NotEvaluatedException(String reason) {
    super(reason);
  }
}
