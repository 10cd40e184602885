package io.schedlab.store;

/**
 * A request the {@link ClusterStore} refused, like an API server error status. The message is one
 * line naming the resource and the object's key.
 */
public class StoreException extends RuntimeException {
  private final String resource;
  private final String key;

  public StoreException(String resource, String key, String message) {
    super(message);
    this.resource = resource;
    this.key = key;
  }

  /** The lower-case plural resource name, e.g. {@code pods}. */
  public String resource() {
    return resource;
  }

  /** {@code namespace/name}, or {@code name} for a cluster-scoped object. */
  public String key() {
    return key;
  }
}
