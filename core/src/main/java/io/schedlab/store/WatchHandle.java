package io.schedlab.store;

/** A registered watch. */
public interface WatchHandle extends AutoCloseable {
  /** Stops delivery, including of events committed but not yet delivered. Idempotent. */
  @Override
  void close();

  boolean isClosed();
}
