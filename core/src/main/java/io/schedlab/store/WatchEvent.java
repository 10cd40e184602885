package io.schedlab.store;

/**
 * One committed change seen by a watcher.
 *
 * @param type what happened
 * @param object the object after the change; for DELETED, the last state stamped with the delete
 *     revision
 * @param oldObject the object before the change; null for ADDED
 * @param resourceVersion the store revision the change committed at
 */
public record WatchEvent<T>(Type type, T object, T oldObject, long resourceVersion) {
  public enum Type { ADDED, MODIFIED, DELETED }
}
