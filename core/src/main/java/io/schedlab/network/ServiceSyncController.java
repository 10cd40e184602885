package io.schedlab.network;

import io.schedlab.api.Pod;
import io.schedlab.api.Service;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.store.WatchEvent;

/**
 * What the endpoints controllers share: they recompute a Service's objects whenever the Service
 * or any pod in its namespace changes, and clean up when the Service goes.
 */
abstract class ServiceSyncController implements ClusterComponent {
  private final String name;
  ClusterContext ctx;

  ServiceSyncController(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void start(ClusterContext context) {
    this.ctx = context;
    context.store().watch(Pod.class, this::onPod);
    context.store().listAndWatch(Service.class, this::onService).forEach(this::sync);
  }

  private void onService(WatchEvent<Service> e) {
    if (e.type() == WatchEvent.Type.DELETED) {
      deleted(e.object());
    } else {
      sync(e.object());
    }
  }

  private void onPod(WatchEvent<Pod> e) {
    for (Service s : ctx.store().list(Service.class, e.object().metadata().namespace())) {
      sync(s);
    }
  }

  /** Makes the Service's objects match its pods now. */
  abstract void sync(Service s);

  /** Removes what was kept for a deleted Service. */
  abstract void deleted(Service s);
}
