package io.schedlab.store;

import io.schedlab.api.KubeObject;
import io.schedlab.api.ObjectMeta;
import java.util.List;

/** A minimal namespaced API object for store tests. */
record Widget(String apiVersion, String kind, ObjectMeta metadata, int size) implements KubeObject {
  static Widget of(String namespace, String name, int size) {
    return new Widget("test/v1", "Widget", ObjectMeta.named(namespace, name), size);
  }

  static Widget generated(String namespace, String generateName) {
    return new Widget("test/v1", "Widget",
        new ObjectMeta(null, generateName, namespace, null, null, null, null, null, null, null,
            null, null, null),
        1);
  }

  Widget withSize(int newSize) {
    return new Widget(apiVersion, kind, metadata, newSize);
  }

  Widget withFinalizers(List<String> finalizers) {
    ObjectMeta m = metadata;
    return new Widget(apiVersion, kind,
        new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.uid(), m.resourceVersion(),
            m.generation(), m.creationTimestamp(), m.deletionTimestamp(),
            m.deletionGracePeriodSeconds(), m.labels(), m.annotations(), m.ownerReferences(),
            finalizers),
        size);
  }

  @Override
  public Widget withMetadata(ObjectMeta newMetadata) {
    return new Widget(apiVersion, kind, newMetadata, size);
  }
}
