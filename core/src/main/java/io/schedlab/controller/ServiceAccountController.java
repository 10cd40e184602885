package io.schedlab.controller;

import io.schedlab.api.Namespace;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.ServiceAccount;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.store.AlreadyExistsException;
import io.schedlab.store.WatchEvent;

/**
 * The service account controller (serviceaccount-controller): keeps a "default" ServiceAccount
 * in every active namespace, creating it when the namespace appears and again if it is deleted.
 * Token Secrets are not modelled: since Kubernetes 1.24 none are created for service accounts.
 */
public final class ServiceAccountController implements ClusterComponent {
  public static final String NAME = "serviceaccount-controller";
  /** --service-account names the controller ensures: upstream's default list is just this. */
  public static final String DEFAULT = "default";

  private ClusterContext ctx;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    context.store().watch(ServiceAccount.class, this::onServiceAccount);
    for (Namespace ns : context.store().listAndWatch(Namespace.class, this::onNamespace)) {
      ensure(ns.metadata().name());
    }
  }

  private void onNamespace(WatchEvent<Namespace> event) {
    if (event.type() != WatchEvent.Type.DELETED) {
      ensure(event.object().metadata().name());
    }
  }

  private void onServiceAccount(WatchEvent<ServiceAccount> event) {
    if (event.type() == WatchEvent.Type.DELETED
        && DEFAULT.equals(event.object().metadata().name())) {
      ensure(event.object().metadata().namespace());
    }
  }

  private void ensure(String namespace) {
    Namespace ns = ctx.store().get(Namespace.class, null, namespace);
    if (ns == null || ns.metadata().deletionTimestamp() != null) {
      return;
    }
    String phase = ns.status().phase();
    // Nothing is created in a namespace that is not Active (an unset phase reads as Active).
    if (phase != null && !phase.isEmpty() && !phase.equals("Active")) {
      return;
    }
    if (ctx.store().get(ServiceAccount.class, namespace, DEFAULT) != null) {
      return;
    }
    try {
      ctx.store().create(ServiceAccount.of(ObjectMeta.named(namespace, DEFAULT)));
    } catch (AlreadyExistsException e) {
      return;
    }
    ControllerSupport.action(ctx, NAME, "create",
        "serviceaccounts/" + namespace + "/" + DEFAULT, null, null);
  }
}
