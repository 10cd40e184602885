package io.schedlab.plugins.trimaran;

import io.schedlab.api.Container;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.Quantity;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ScorePlugin;
import java.util.List;
import java.util.Map;

/**
 * Trimaran's TargetLoadPacking (scheduler-plugins pkg/trimaran/targetloadpacking): best-fit
 * packing on measured CPU utilisation around a target. The node's utilisation (from its
 * NodeMetrics, see {@link NodeLoad}) plus the pod's predicted CPU plus the predicted CPU of pods
 * bound too recently to show in the metrics gives U, in percent of CPU capacity; with target T:
 * U ≤ T scores round((100 − T) × U / T + T), T < U ≤ 100 scores round(T × (100 − U) / (100 − T)),
 * U > 100 scores 0. A node without metrics, or without a CPU metric, scores 0. No NormalizeScore.
 *
 * <p>Predicted CPU of a container: its CPU limit; else round(request × defaultRequestsMultiplier);
 * else defaultRequests' CPU; plus the pod's CPU overhead. "Too recent" is upstream's event-handler
 * rule: bound after the metrics' timestamp, or less than 60 s before it. Upstream stamps a pod
 * when its informer sees the binding; here the PodScheduled condition's time is that moment (the
 * pod's creation time when it was created bound and has started, now for a pod only assumed).
 */
public final class TargetLoadPacking implements ScorePlugin {
  public static final String NAME = "TargetLoadPacking";
  /** Upstream's metricsAgentReportingIntervalSeconds. */
  static final long REPORTING_INTERVAL_SECONDS = 60;

  private final Handle handle;
  private final NodeLoad.Cache loads = new NodeLoad.Cache();
  private final long target;
  private final long defaultMilliCores;
  private final double multiplier;

  public TargetLoadPacking(TargetLoadPackingArgs args, Handle handle) {
    this.handle = handle;
    this.target = args.targetUtilization();
    Quantity cpu = args.defaultRequests().get("cpu");
    this.defaultMilliCores = Quantity.milliValueOrZero(cpu);
    try {
      this.multiplier = Double.parseDouble(args.defaultRequestsMultiplier().trim());
    } catch (NumberFormatException e) {
      throw new PluginArgsException("defaultRequestsMultiplier",
          "unable to parse \"" + args.defaultRequestsMultiplier() + "\" as a number");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    NodeLoad load = loads.get(handle, node.node());
    if (load == null || !load.cpuFound()) {
      return MIN_NODE_SCORE;
    }
    long capMillis = Quantity.milliValueOrZero(node.node().status().capacity().get("cpu"));
    double utilMillis = load.cpuPercent() / 100 * capMillis;
    long podMillis = predict(pod.pod());
    long missing = 0;
    long end = load.windowEndSeconds();
    for (PodInfo p : node.pods()) {
      long t = boundAtSeconds(p.pod());
      if (t > end || end - t < REPORTING_INTERVAL_SECONDS) {
        missing += predict(p.pod());
      }
    }
    double predicted = capMillis == 0 ? 0 : 100 * (utilMillis + podMillis + missing) / capMillis;
    return score(predicted, target);
  }

  /** Upstream's score for a predicted utilisation (percent) and a target (percent). */
  static long score(double predictedPercent, long target) {
    if (predictedPercent > target) {
      if (predictedPercent > 100) {
        return MIN_NODE_SCORE;
      }
      return GoMath.round(target * (100 - predictedPercent) / (100 - (double) target));
    }
    return GoMath.round((100 - (double) target) * predictedPercent / target + target);
  }

  /** The pod's predicted CPU in millicores: its containers' plus its overhead. */
  long predict(Pod pod) {
    long sum = 0;
    for (Container c : pod.spec().containers()) {
      sum += predict(c);
    }
    return sum + Quantity.milliValueOrZero(pod.spec().overhead().get("cpu"));
  }

  /** Upstream's PredictUtilisation for one container. */
  long predict(Container c) {
    Quantity limit = c.resources().limits().get("cpu");
    if (limit != null) {
      return limit.milliValue();
    }
    Quantity request = c.resources().requests().get("cpu");
    if (request != null) {
      return GoMath.round(request.milliValue() * multiplier);
    }
    return defaultMilliCores;
  }

  private long boundAtSeconds(Pod pod) {
    String when = null;
    List<PodCondition> conditions = pod.status().conditions();
    for (int i = 0; i < conditions.size(); i++) {
      PodCondition c = conditions.get(i);
      if ("PodScheduled".equals(c.type()) && "True".equals(c.status())) {
        when = c.lastTransitionTime();
      }
    }
    if ((when == null || when.isEmpty()) && pod.status().startTime() != null) {
      // Created bound and already started: upstream's informer saw it when it was created.
      when = pod.metadata().creationTimestamp();
    }
    long seconds = Rfc3339.epochSeconds(when);
    // Only assumed (or a time that does not parse): bound this instant.
    return seconds == Rfc3339.INVALID ? handle.now().getEpochSecond() : seconds;
  }
}
