package io.schedlab.framework;

import java.util.List;

/** A pod parked by Permit. Other plugins find it through {@link Handle#waitingPod(String)}. */
public interface WaitingPod {
  PodInfo pod();

  /** The plugins that still have to allow this pod. */
  List<String> pendingPlugins();

  /** Allows the pod on behalf of one plugin; it proceeds once all waiting plugins allowed it. */
  void allow(String pluginName);

  /** Rejects the pod: it is unreserved and requeued. */
  void reject(String pluginName, String message);
}
