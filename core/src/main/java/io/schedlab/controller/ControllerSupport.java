package io.schedlab.controller;

import io.schedlab.api.Node;
import io.schedlab.api.NodeCondition;
import io.schedlab.api.Pod;
import io.schedlab.api.Taint;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What the controllers share: event records, timestamps, and small node and pod reads. */
final class ControllerSupport {
  private ControllerSupport() {}

  /** Records a {@code controller_action} event: which controller did what to which object. */
  static void action(ClusterContext ctx, String controller, String action, String object,
      String node, String pod) {
    ctx.record(actionEvent(ctx, controller, action, object, node, pod));
  }

  /** A {@code controller_action} event to add details to before recording it. */
  static SimEvent actionEvent(ClusterContext ctx, String controller, String action,
      String object, String node, String pod) {
    return SimEvent.of(ctx.now(), SimEvent.Types.CONTROLLER_ACTION, node, pod)
        .with("controller", controller).with("action", action).with("object", object);
  }

  /** Now as a {@code metav1.Time} string. */
  static String timestamp(ClusterContext ctx) {
    return ctx.loop().clock().rfc3339();
  }

  /**
   * The virtual time an RFC 3339 timestamp stands for (nanoseconds since the clock's epoch), or
   * {@code fallback} for null or unparsable text.
   */
  static long nanosOf(ClusterContext ctx, String timestamp, long fallback) {
    if (timestamp == null || timestamp.isEmpty()) {
      return fallback;
    }
    try {
      Instant t = Instant.parse(timestamp);
      return Duration.between(ctx.loop().clock().epoch(), t).toNanos();
    } catch (DateTimeParseException | ArithmeticException e) {
      return fallback;
    }
  }

  static NodeCondition condition(Node node, String type) {
    return node.status().condition(type);
  }

  /** {@code podutil.IsPodReady}: the pod's Ready condition is True. */
  static boolean isPodReady(Pod pod) {
    return pod.status().isReady();
  }

  /** Taints compared as upstream's {@code Taint.MatchTaint}: key and effect. */
  static boolean sameTaint(Taint a, Taint b) {
    return eq(a.key(), b.key()) && eq(a.effect(), b.effect());
  }

  static boolean hasTaint(List<Taint> taints, String key, String effect) {
    for (int i = 0; i < taints.size(); i++) {
      Taint t = taints.get(i);
      if (eq(t.key(), key) && eq(t.effect(), effect)) {
        return true;
      }
    }
    return false;
  }

  static boolean eq(String a, String b) {
    return (a == null ? "" : a).equals(b == null ? "" : b);
  }
}
