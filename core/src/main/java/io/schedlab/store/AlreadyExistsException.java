package io.schedlab.store;

/** A create for a key that is taken (HTTP 409, reason AlreadyExists). */
public final class AlreadyExistsException extends StoreException {
  public AlreadyExistsException(String resource, String key) {
    super(resource, key, resource + " \"" + key + "\" already exists");
  }
}
