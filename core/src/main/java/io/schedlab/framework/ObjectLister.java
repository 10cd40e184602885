package io.schedlab.framework;

import io.schedlab.api.KubeObject;
import java.util.List;

/**
 * Read access to cluster objects other than nodes and pods (namespaces, services, replica sets,
 * PodDisruptionBudgets...), as the informer listers upstream plugins use. Lists are sorted by
 * namespace/name, so iteration order never depends on hashing.
 */
public interface ObjectLister {
  /** Objects of a type in a namespace; a null or empty namespace means all namespaces. */
  <T extends KubeObject> List<T> list(Class<T> type, String namespace);

  /** One object, or null. */
  <T extends KubeObject> T get(Class<T> type, String namespace, String name);
}
