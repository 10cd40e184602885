package io.schedlab.store;

/**
 * {@code metav1.Preconditions} for a delete: the stored object must still have this uid and/or
 * resourceVersion. A null field is not checked.
 */
public record Preconditions(String uid, String resourceVersion) {
  public static final Preconditions NONE = new Preconditions(null, null);

  public static Preconditions uid(String uid) {
    return new Preconditions(uid, null);
  }

  public static Preconditions resourceVersion(String resourceVersion) {
    return new Preconditions(null, resourceVersion);
  }
}
