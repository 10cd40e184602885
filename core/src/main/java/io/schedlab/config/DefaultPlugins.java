package io.schedlab.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The plugin set upstream kube-scheduler (v1 API, Kubernetes 1.34/1.35, default feature gates)
 * enables in every profile before the user's configuration is merged in. Upstream declares it as
 * one {@code multiPoint} list; its order is the order plugins run at each extension point.
 */
public final class DefaultPlugins {

  /**
   * Upstream's default {@code multiPoint.enabled}, weights as upstream sets them. DynamicResources
   * sits right before DefaultPreemption because DynamicResourceAllocation is on by default since
   * 1.34 and upstream inserts it there, so that freeing an idle claim is tried before evicting.
   */
  public static final List<PluginRef> MULTI_POINT = List.of(
      PluginRef.named("SchedulingGates"),
      PluginRef.named("PrioritySort"),
      PluginRef.named("NodeUnschedulable"),
      PluginRef.named("NodeName"),
      new PluginRef("TaintToleration", 3),
      new PluginRef("NodeAffinity", 2),
      PluginRef.named("NodePorts"),
      new PluginRef("NodeResourcesFit", 1),
      PluginRef.named("VolumeRestrictions"),
      PluginRef.named("NodeVolumeLimits"),
      PluginRef.named("VolumeBinding"),
      PluginRef.named("VolumeZone"),
      new PluginRef("PodTopologySpread", 2),
      new PluginRef("InterPodAffinity", 2),
      PluginRef.named("DynamicResources"),
      PluginRef.named("DefaultPreemption"),
      new PluginRef("NodeResourcesBalancedAllocation", 1),
      new PluginRef("ImageLocality", 1),
      PluginRef.named("DefaultBinder"));

  /**
   * In-tree volume-limit plugins that upstream removed; its v1 validation rejects them by name.
   * Their limits are enforced by NodeVolumeLimits through CSI migration.
   */
  public static final Set<String> REMOVED_UPSTREAM =
      orderedSet("AzureDiskLimits", "CinderLimits", "EBSLimits", "GCEPDLimits");

  private DefaultPlugins() {}

  static Set<String> orderedSet(String... names) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
  }
}
