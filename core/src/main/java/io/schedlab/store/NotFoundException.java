package io.schedlab.store;

/** An update or delete of a key that holds no object (HTTP 404, reason NotFound). */
public final class NotFoundException extends StoreException {
  public NotFoundException(String resource, String key) {
    super(resource, key, resource + " \"" + key + "\" not found");
  }
}
