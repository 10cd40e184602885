package io.schedlab.conformance;

/**
 * Conformance input that cannot be read at all: a missing directory, malformed JSON, a file or
 * case without the structure SCHEMA.md describes, an object that does not decode. The message is
 * one line and starts with the file (or directory) it concerns.
 */
public final class ConformanceInputException extends RuntimeException {
  private final String file;

  public ConformanceInputException(String file, String detail) {
    super(file + ": " + detail);
    this.file = file;
  }

  /** The file or directory, as it is named in the message. */
  public String file() {
    return file;
  }
}
