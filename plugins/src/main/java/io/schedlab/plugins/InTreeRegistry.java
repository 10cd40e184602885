package io.schedlab.plugins;

import io.schedlab.plugins.trimaran.LoadVariationRiskBalancing;
import io.schedlab.plugins.trimaran.LoadVariationRiskBalancingArgs;
import io.schedlab.plugins.trimaran.TargetLoadPacking;
import io.schedlab.plugins.trimaran.TargetLoadPackingArgs;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.capacityscheduling.CapacityScheduling;
import io.schedlab.plugins.coscheduling.Coscheduling;
import io.schedlab.plugins.coscheduling.CoschedulingArgs;
import io.schedlab.plugins.defaultbinder.DefaultBinder;
import io.schedlab.plugins.defaultpreemption.DefaultPreemption;
import io.schedlab.plugins.defaultpreemption.DefaultPreemptionArgs;
import io.schedlab.plugins.gpushare.BestFitScore;
import io.schedlab.plugins.gpushare.DotProductScore;
import io.schedlab.plugins.gpushare.DotProductScoreArgs;
import io.schedlab.plugins.gpushare.FgdScore;
import io.schedlab.plugins.gpushare.FgdScoreArgs;
import io.schedlab.plugins.gpushare.GpuClusteringScore;
import io.schedlab.plugins.gpushare.GpuPackingScore;
import io.schedlab.plugins.gpushare.OpenGpuShare;
import io.schedlab.plugins.gpushare.OpenGpuShareArgs;
import io.schedlab.plugins.gpushare.RandomScore;
import io.schedlab.plugins.imagelocality.ImageLocality;
import io.schedlab.plugins.interpodaffinity.InterPodAffinity;
import io.schedlab.plugins.interpodaffinity.InterPodAffinityArgs;
import io.schedlab.plugins.nodeaffinity.NodeAffinity;
import io.schedlab.plugins.nodeaffinity.NodeAffinityArgs;
import io.schedlab.plugins.nodename.NodeName;
import io.schedlab.plugins.nodeports.NodePorts;
import io.schedlab.plugins.noderesources.NodeResourcesBalancedAllocation;
import io.schedlab.plugins.noderesources.NodeResourcesBalancedAllocationArgs;
import io.schedlab.plugins.noderesources.NodeResourcesFit;
import io.schedlab.plugins.noderesources.NodeResourcesFitArgs;
import io.schedlab.plugins.nodeunschedulable.NodeUnschedulable;
import io.schedlab.plugins.podtopologyspread.PodTopologySpread;
import io.schedlab.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.schedlab.plugins.queuesort.PrioritySort;
import io.schedlab.plugins.schedulinggates.SchedulingGates;
import io.schedlab.plugins.tainttoleration.TaintToleration;

/**
 * Every in-tree plugin, by its kube-scheduler name. The one place a plugin is registered. The FGD
 * artifact's GPU-sharing plugins (Open-Gpu-Share and its six score policies) and the research
 * plugins of kubernetes-sigs/scheduler-plugins (Trimaran's TargetLoadPacking and
 * LoadVariationRiskBalancing, CapacityScheduling, Coscheduling) are registered too, for profiles
 * that name them; they are not part of the default profile. Plugins of other jars come in through
 * {@link io.schedlab.framework.PluginProvider}.
 */
public final class InTreeRegistry {
  private InTreeRegistry() {}

  public static Registry create() {
    return new Registry()
        .register(PrioritySort.NAME, PrioritySort.class, h -> new PrioritySort())
        .register(SchedulingGates.NAME, SchedulingGates.class, h -> new SchedulingGates())
        .register(NodeName.NAME, NodeName.class, h -> new NodeName())
        .register(NodeUnschedulable.NAME, NodeUnschedulable.class, h -> new NodeUnschedulable())
        .register(TaintToleration.NAME, TaintToleration.class, h -> new TaintToleration())
        .register(
            NodeResourcesFit.NAME,
            NodeResourcesFit.class,
            NodeResourcesFitArgs.class,
            NodeResourcesFitArgs::defaults,
            NodeResourcesFit::new)
        .register(
            NodeAffinity.NAME,
            NodeAffinity.class,
            NodeAffinityArgs.class,
            NodeAffinityArgs::defaults,
            (args, h) -> new NodeAffinity(args, h.labels()))
        .register(NodePorts.NAME, NodePorts.class, h -> new NodePorts())
        .register(ImageLocality.NAME, ImageLocality.class, ImageLocality::new)
        .register(
            NodeResourcesBalancedAllocation.NAME,
            NodeResourcesBalancedAllocation.class,
            NodeResourcesBalancedAllocationArgs.class,
            NodeResourcesBalancedAllocationArgs::defaults,
            NodeResourcesBalancedAllocation::new)
        .register(
            PodTopologySpread.NAME,
            PodTopologySpread.class,
            PodTopologySpreadArgs.class,
            PodTopologySpreadArgs::defaults,
            PodTopologySpread::new)
        .register(
            InterPodAffinity.NAME,
            InterPodAffinity.class,
            InterPodAffinityArgs.class,
            InterPodAffinityArgs::defaults,
            InterPodAffinity::new)
        .register(
            DefaultPreemption.NAME,
            DefaultPreemption.class,
            DefaultPreemptionArgs.class,
            DefaultPreemptionArgs::defaults,
            DefaultPreemption::new)
        .register(DefaultBinder.NAME, DefaultBinder.class, DefaultBinder::new)
        .register(
            OpenGpuShare.NAME,
            OpenGpuShare.class,
            OpenGpuShareArgs.class,
            OpenGpuShareArgs::defaults,
            OpenGpuShare::new)
        .register(
            FgdScore.NAME, FgdScore.class, FgdScoreArgs.class, FgdScoreArgs::defaults, FgdScore::new)
        .register(BestFitScore.NAME, BestFitScore.class, BestFitScore::new)
        .register(
            DotProductScore.NAME,
            DotProductScore.class,
            DotProductScoreArgs.class,
            DotProductScoreArgs::defaults,
            DotProductScore::new)
        .register(GpuPackingScore.NAME, GpuPackingScore.class, GpuPackingScore::new)
        .register(GpuClusteringScore.NAME, GpuClusteringScore.class, GpuClusteringScore::new)
        .register(RandomScore.NAME, RandomScore.class, RandomScore::new)
        .register(
            TargetLoadPacking.NAME,
            TargetLoadPacking.class,
            TargetLoadPackingArgs.class,
            TargetLoadPackingArgs::defaults,
            TargetLoadPacking::new)
        .register(
            LoadVariationRiskBalancing.NAME,
            LoadVariationRiskBalancing.class,
            LoadVariationRiskBalancingArgs.class,
            LoadVariationRiskBalancingArgs::defaults,
            LoadVariationRiskBalancing::new)
        .register(CapacityScheduling.NAME, CapacityScheduling.class, CapacityScheduling::new)
        .register(
            Coscheduling.NAME,
            Coscheduling.class,
            CoschedulingArgs.class,
            CoschedulingArgs::defaults,
            Coscheduling::new);
  }
}
