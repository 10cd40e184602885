package io.schedlab.cli;

/**
 * Input the CLI cannot use for a reason its own checks found (an unknown PriorityClass, a
 * duplicate name, a negative replica count). The message is one line naming where and what.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The same problem, its message prefixed with the file or folder it was found in. */
  public BadInputException in(String source) {
    return new BadInputException(source + ": " + getMessage(), this);
  }
}
