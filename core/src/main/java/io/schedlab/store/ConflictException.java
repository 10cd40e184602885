package io.schedlab.store;

/**
 * A write whose resourceVersion or uid precondition does not match the stored object (HTTP 409,
 * reason Conflict). The caller should re-read the object and try again.
 */
public final class ConflictException extends StoreException {
  /** The reason upstream gives for a stale resourceVersion. */
  public static final String OBJECT_MODIFIED =
      "the object has been modified; please apply your changes to the latest version and try again";

  public ConflictException(String resource, String key, String reason) {
    super(resource, key,
        "Operation cannot be fulfilled on " + resource + " \"" + key + "\": " + reason);
  }
}
