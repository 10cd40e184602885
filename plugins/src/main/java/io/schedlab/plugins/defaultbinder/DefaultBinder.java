package io.schedlab.plugins.defaultbinder;

import io.schedlab.framework.BindPlugin;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;

/** Binds through the API server's pods/binding subresource. */
public final class DefaultBinder implements BindPlugin {
  public static final String NAME = "DefaultBinder";

  private final Handle handle;

  public DefaultBinder(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status bind(CycleState state, PodInfo pod, String nodeName) {
    return handle.client().bind(pod, nodeName);
  }
}
