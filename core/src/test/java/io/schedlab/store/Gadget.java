package io.schedlab.store;

import io.schedlab.api.KubeObject;
import io.schedlab.api.ObjectMeta;

/** A minimal cluster-scoped API object for store tests. */
record Gadget(String apiVersion, String kind, ObjectMeta metadata) implements KubeObject {
  static Gadget of(String name) {
    return new Gadget("test/v1", "Gadget", ObjectMeta.named(null, name));
  }

  @Override
  public Gadget withMetadata(ObjectMeta newMetadata) {
    return new Gadget(apiVersion, kind, newMetadata);
  }
}
