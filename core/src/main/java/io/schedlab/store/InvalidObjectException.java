package io.schedlab.store;

/** A write the store cannot accept as given, e.g. no name (HTTP 400/422 upstream). */
public final class InvalidObjectException extends StoreException {
  public InvalidObjectException(String resource, String key, String problem) {
    super(resource, key, resource + " \"" + key + "\" is invalid: " + problem);
  }
}
