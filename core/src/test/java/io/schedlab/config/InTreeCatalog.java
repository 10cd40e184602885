package io.schedlab.config;

import static io.schedlab.config.ExtensionPoint.BIND;
import static io.schedlab.config.ExtensionPoint.FILTER;
import static io.schedlab.config.ExtensionPoint.POST_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_BIND;
import static io.schedlab.config.ExtensionPoint.PRE_ENQUEUE;
import static io.schedlab.config.ExtensionPoint.PRE_FILTER;
import static io.schedlab.config.ExtensionPoint.PRE_SCORE;
import static io.schedlab.config.ExtensionPoint.QUEUE_SORT;
import static io.schedlab.config.ExtensionPoint.RESERVE;
import static io.schedlab.config.ExtensionPoint.SCORE;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A test catalog of upstream's in-tree plugins with the extension points their Go types
 * implement in Kubernetes 1.35 (the {@code var _ fwk.XPlugin = &T{}} assertions of each plugin;
 * EnqueueExtensions and SignPlugin are not stages).
 */
final class InTreeCatalog implements PluginCatalog {
  private final Map<String, Set<ExtensionPoint>> plugins = new LinkedHashMap<>();

  /** The in-tree plugins schedlab models: everything in the defaults but volumes and DRA. */
  static InTreeCatalog modelled() {
    return new InTreeCatalog()
        .with("SchedulingGates", PRE_ENQUEUE)
        .with("PrioritySort", QUEUE_SORT)
        .with("NodeUnschedulable", FILTER)
        .with("NodeName", FILTER)
        .with("TaintToleration", FILTER, PRE_SCORE, SCORE)
        .with("NodeAffinity", PRE_FILTER, FILTER, PRE_SCORE, SCORE)
        .with("NodePorts", PRE_FILTER, FILTER)
        .with("NodeResourcesFit", PRE_FILTER, FILTER, PRE_SCORE, SCORE)
        .with("PodTopologySpread", PRE_FILTER, FILTER, PRE_SCORE, SCORE)
        .with("InterPodAffinity", PRE_FILTER, FILTER, PRE_SCORE, SCORE)
        // PreEnqueue since asynchronous preemption: pods waiting on an eviction stay out.
        .with("DefaultPreemption", PRE_ENQUEUE, POST_FILTER)
        .with("NodeResourcesBalancedAllocation", PRE_SCORE, SCORE)
        .with("ImageLocality", SCORE)
        .with("DefaultBinder", BIND);
  }

  /** Every default upstream plugin, the ones schedlab does not model included. */
  static InTreeCatalog upstream() {
    return modelled()
        .with("VolumeRestrictions", PRE_FILTER, FILTER)
        .with("NodeVolumeLimits", PRE_FILTER, FILTER)
        .with("VolumeBinding", PRE_FILTER, FILTER, RESERVE, PRE_BIND, PRE_SCORE, SCORE)
        .with("VolumeZone", PRE_FILTER, FILTER)
        // Score since 1.35 (prioritized-list scoring).
        .with("DynamicResources",
            PRE_ENQUEUE, PRE_FILTER, FILTER, POST_FILTER, SCORE, RESERVE, PRE_BIND);
  }

  InTreeCatalog with(String name, ExtensionPoint first, ExtensionPoint... rest) {
    plugins.put(name, EnumSet.of(first, rest));
    return this;
  }

  InTreeCatalog without(String name) {
    plugins.remove(name);
    return this;
  }

  @Override
  public boolean contains(String name) {
    return plugins.containsKey(name);
  }

  @Override
  public Set<ExtensionPoint> extensionPoints(String name) {
    Set<ExtensionPoint> points = plugins.get(name);
    return points == null ? Set.of() : points;
  }

  @Override
  public Collection<String> names() {
    return plugins.keySet();
  }
}
