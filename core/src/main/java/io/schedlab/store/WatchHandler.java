package io.schedlab.store;

/** Receives a watch's events in commit order. */
@FunctionalInterface
public interface WatchHandler<T> {
  void onEvent(WatchEvent<T> event);
}
