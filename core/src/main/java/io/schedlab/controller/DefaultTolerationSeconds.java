package io.schedlab.controller;

import io.schedlab.api.Pod;
import io.schedlab.api.Toleration;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's DefaultTolerationSeconds admission plugin, installed on the store: every pod
 * created without a toleration for the not-ready or unreachable NoExecute taint gets one with
 * tolerationSeconds 300, so the taint eviction controller evicts it five minutes after its node
 * is tainted.
 */
public final class DefaultTolerationSeconds implements ClusterComponent {
  public static final String NAME = "DefaultTolerationSeconds";
  /** kube-apiserver --default-not-ready-toleration-seconds default 300. */
  public static final long DEFAULT_NOT_READY_SECONDS = 300;
  /** kube-apiserver --default-unreachable-toleration-seconds default 300. */
  public static final long DEFAULT_UNREACHABLE_SECONDS = 300;

  private final long notReadySeconds;
  private final long unreachableSeconds;

  public DefaultTolerationSeconds() {
    this(DEFAULT_NOT_READY_SECONDS, DEFAULT_UNREACHABLE_SECONDS);
  }

  public DefaultTolerationSeconds(long notReadySeconds, long unreachableSeconds) {
    this.notReadySeconds = notReadySeconds;
    this.unreachableSeconds = unreachableSeconds;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    context.store().addAdmission(Pod.class, this::admit);
  }

  /** The pod with the default tolerations added where it has none that covers the taint. */
  public Pod admit(Pod pod) {
    boolean notReady = false;
    boolean unreachable = false;
    List<Toleration> tolerations = pod.spec().tolerations();
    for (Toleration t : tolerations) {
      String key = t.key() == null ? "" : t.key();
      String effect = t.effect() == null ? "" : t.effect();
      boolean noExecute = effect.isEmpty() || effect.equals("NoExecute");
      notReady |= noExecute && (key.isEmpty() || key.equals(NodeLifecycleController.TAINT_NOT_READY));
      unreachable |= noExecute
          && (key.isEmpty() || key.equals(NodeLifecycleController.TAINT_UNREACHABLE));
    }
    if (notReady && unreachable) {
      return pod;
    }
    List<Toleration> next = new ArrayList<>(tolerations.size() + 2);
    next.addAll(tolerations);
    if (!notReady) {
      next.add(new Toleration(NodeLifecycleController.TAINT_NOT_READY, "Exists", null,
          "NoExecute", notReadySeconds));
    }
    if (!unreachable) {
      next.add(new Toleration(NodeLifecycleController.TAINT_UNREACHABLE, "Exists", null,
          "NoExecute", unreachableSeconds));
    }
    return pod.withSpec(pod.spec().withTolerations(next));
  }
}
