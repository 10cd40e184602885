package io.schedlab.controller;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Namespace;
import io.schedlab.api.NamespaceStatus;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeKinds;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.sim.Durations;
import io.schedlab.store.NotFoundException;
import io.schedlab.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The namespace controller (namespace-controller): deleting a Namespace sets its phase to
 * Terminating, deletes every namespaced object in it, and once none is left removes the
 * namespace's "kubernetes" finalizer so the API server drops it.
 *
 * <p>The controller also installs the API server's part: a created Namespace gets phase Active
 * and the "kubernetes" finalizer. Upstream keeps that finalizer in {@code spec.finalizers}; the
 * store honours only {@code metadata.finalizers}, so the model keeps it there. While objects
 * remain (e.g. held by their own finalizers), it retries after {@code estimate / 2 + 1} seconds,
 * the estimate being the longest grace period of the pods still terminating, as upstream.
 */
public final class NamespaceController implements ClusterComponent {
  public static final String NAME = "namespace-controller";
  /** The finalizer the API server puts on every namespace (FinalizerKubernetes). */
  public static final String FINALIZER = "kubernetes";

  private ClusterContext ctx;
  private final Set<String> queued = new HashSet<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    context.store().addAdmission(Namespace.class, NamespaceController::admit);
    for (Namespace ns : context.store().listAndWatch(Namespace.class, this::onNamespace)) {
      if (ns.metadata().deletionTimestamp() != null) {
        enqueue(ns.metadata().name(), 0);
      }
    }
  }

  /** The API server's defaults for a new namespace: phase Active and the finalizer. */
  static Namespace admit(Namespace ns) {
    Namespace out = ns;
    if (ns.status().phase() == null || ns.status().phase().isEmpty()) {
      out = out.withStatus(new NamespaceStatus("Active"));
    }
    if (!ns.metadata().finalizers().contains(FINALIZER)) {
      List<String> f = new ArrayList<>(ns.metadata().finalizers());
      f.add(FINALIZER);
      out = out.withMetadata(out.metadata().withFinalizers(f));
    }
    return out;
  }

  private void onNamespace(WatchEvent<Namespace> event) {
    Namespace ns = event.object();
    // A namespace deleted without the finalizer is gone already; its content still goes.
    if (event.type() == WatchEvent.Type.DELETED || ns.metadata().deletionTimestamp() != null) {
      enqueue(ns.metadata().name(), 0);
    }
  }

  private void enqueue(String namespace, long delayNanos) {
    if (queued.add(namespace)) {
      ctx.loop().after(delayNanos, NAME + "/sync " + namespace, () -> {
        queued.remove(namespace);
        sync(namespace);
      });
    }
  }

  private void sync(String namespace) {
    Namespace ns = ctx.store().get(Namespace.class, null, namespace);
    if (ns != null && ns.metadata().deletionTimestamp() == null) {
      return;
    }
    if (ns != null && !"Terminating".equals(ns.status().phase())) {
      ctx.store().update(Namespace.class, null, namespace,
          n -> n.withStatus(new NamespaceStatus("Terminating")));
      ControllerSupport.action(ctx, NAME, "terminate", "namespaces/" + namespace, null, null);
    }
    long estimateSeconds = 0;
    int remaining = 0;
    for (String kind : KubeKinds.kinds()) {
      Class<? extends KubeObject> type = KubeKinds.classFor(kind);
      if (type == Namespace.class) {
        continue;
      }
      // A cluster-scoped type has no key under "namespace/", so this lists nothing for it.
      for (KubeObject obj : ctx.store().list(type, namespace)) {
        remaining++;
        if (obj.metadata().deletionTimestamp() == null) {
          try {
            KubeObject last = ctx.store().delete(type, namespace, obj.metadata().name());
            ControllerSupport.action(ctx, NAME, "delete", resource(kind) + "/" + obj.key(),
                null, obj instanceof Pod ? obj.key() : null);
            if (last.metadata().deletionTimestamp() == null) {
              remaining--;
              continue;
            }
            obj = last;
          } catch (NotFoundException e) {
            remaining--;
            continue;
          }
        }
        if (obj instanceof Pod) {
          Long grace = obj.metadata().deletionGracePeriodSeconds();
          estimateSeconds = Math.max(estimateSeconds, grace == null ? 0 : grace);
        }
      }
    }
    if (remaining > 0) {
      enqueue(namespace, (estimateSeconds / 2 + 1) * Durations.SECOND);
      return;
    }
    if (ns != null && ns.metadata().finalizers().contains(FINALIZER)) {
      try {
        ctx.store().update(Namespace.class, null, namespace, n -> {
          List<String> f = new ArrayList<>(n.metadata().finalizers());
          f.remove(FINALIZER);
          return n.withMetadata(n.metadata().withFinalizers(f));
        });
      } catch (NotFoundException e) {
        return;
      }
      ControllerSupport.action(ctx, NAME, "finalize", "namespaces/" + namespace, null, null);
    }
  }

  private static String resource(String kind) {
    String lower = kind.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith("s") ? lower + "es" : lower.endsWith("y")
        ? lower.substring(0, lower.length() - 1) + "ies" : lower + "s";
  }
}
