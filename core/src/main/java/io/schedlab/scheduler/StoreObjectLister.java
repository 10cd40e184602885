package io.schedlab.scheduler;

import io.schedlab.api.KubeObject;
import io.schedlab.framework.ObjectLister;
import io.schedlab.store.ClusterStore;
import java.util.List;

/**
 * Listers served straight from the store. Upstream's informer caches lag the API server a
 * little; in virtual time the watch is delivered at the same instant, so reading the store is
 * the same view and keeps runs deterministic.
 */
final class StoreObjectLister implements ObjectLister {
  private final ClusterStore store;

  StoreObjectLister(ClusterStore store) {
    this.store = store;
  }

  @Override
  public <T extends KubeObject> List<T> list(Class<T> type, String namespace) {
    return namespace == null || namespace.isEmpty() ? store.list(type) : store.list(type, namespace);
  }

  @Override
  public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
    return store.get(type, namespace, name);
  }
}
