package io.schedlab.api;

/**
 * A Kubernetes API object: anything with {@code apiVersion}, {@code kind} and {@code metadata}.
 *
 * <p>Objects are immutable records. A store update replaces the whole object; {@link
 * #withMetadata(ObjectMeta)} makes the copy the store needs to stamp a resourceVersion or uid.
 */
public interface KubeObject {
  String apiVersion();

  String kind();

  ObjectMeta metadata();

  /** A copy of this object with other metadata. */
  KubeObject withMetadata(ObjectMeta metadata);

  /** {@code namespace/name}, or just {@code name} for cluster-scoped objects. */
  default String key() {
    ObjectMeta m = metadata();
    return m.namespace() == null || m.namespace().isEmpty()
        ? m.name()
        : m.namespace() + "/" + m.name();
  }
}
