package io.schedlab.cluster;

import io.schedlab.api.Node;
import io.schedlab.cloud.CloudNodeLifecycleController;
import io.schedlab.cloud.CloudProvider;
import io.schedlab.cloud.RouteController;
import io.schedlab.cloud.ServiceLoadBalancerController;
import io.schedlab.controller.DefaultTolerationSeconds;
import io.schedlab.controller.KubeControllerManager;
import io.schedlab.controller.workload.DaemonSetController;
import io.schedlab.controller.workload.DeploymentController;
import io.schedlab.controller.workload.JobController;
import io.schedlab.controller.workload.ReplicaSetController;
import io.schedlab.controller.workload.StatefulSetController;
import io.schedlab.network.ClusterDns;
import io.schedlab.network.EndpointSliceController;
import io.schedlab.network.EndpointsController;
import io.schedlab.network.KubeProxy;
import io.schedlab.network.ServiceIpAllocator;
import io.schedlab.node.Ipv4Range;
import io.schedlab.node.Kubelet;
import io.schedlab.node.KubeletConfig;
import io.schedlab.node.MetricsServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole cluster with upstream's defaults: the API server's admission steps (ClusterIP
 * allocation, Priority, DefaultTolerationSeconds), kube-controller-manager (namespace, service account,
 * node IPAM, node lifecycle, taint eviction, pod GC, disruption, and the ReplicaSet, Deployment,
 * StatefulSet, DaemonSet and Job controllers, Endpoints and EndpointSlice), the
 * cloud-controller-manager over a simulated provider (cloud node lifecycle, service load
 * balancers, routes), kube-proxy and cluster DNS, and a kubelet per node.
 */
public final class StandardClusterModel implements ClusterModel {
  /** Node addresses: 10.0.0.0/16, in registration order. */
  static final String NODE_CIDR = "10.0.0.0/16";

  private final CloudProvider cloud;
  private final KubeletConfig kubelet;
  private final Ipv4Range nodeIps = new Ipv4Range(NODE_CIDR);
  private final KubeProxy proxy = new KubeProxy();
  private final ClusterDns dns = new ClusterDns();
  private MetricsServer metricsServer;

  public StandardClusterModel(CloudProvider cloud, KubeletConfig kubelet) {
    this.cloud = cloud;
    this.kubelet = kubelet;
  }

  public static StandardClusterModel create() {
    return new StandardClusterModel(CloudProvider.withDefaults(), KubeletConfig.DEFAULTS);
  }

  @Override
  public NodeAgent nodeAgent(Node template) {
    cloud.launch(template.metadata().name());
    String manifests = template.metadata().annotations().get(ScenarioLoader.STATIC_POD_PATH);
    KubeletConfig config = manifests == null ? kubelet
        : kubelet.withStaticPodPath(java.nio.file.Path.of(manifests));
    Kubelet k = new Kubelet(template, config, nodeIps);
    if (metricsServer != null) {
      metricsServer.register(k);
    }
    return k;
  }

  /**
   * Runs {@code server} as part of the control plane, scraping every kubelet this model makes
   * (load-aware scoring reads its NodeMetrics). Off unless called, so other runs write no
   * NodeMetrics; call before the simulation starts.
   */
  public StandardClusterModel withMetricsServer(MetricsServer server) {
    this.metricsServer = server;
    return this;
  }

  /** The metrics server this model runs, or null. */
  public MetricsServer metricsServer() {
    return metricsServer;
  }

  @Override
  public List<ClusterComponent> controlPlane() {
    List<ClusterComponent> out = new ArrayList<>();
    // API server admission first, so objects created by anyone pass through it.
    out.add(new ServiceIpAllocator());
    out.add(new PriorityAdmissionHook());
    out.add(new DefaultTolerationSeconds());
    out.add(new KubeControllerManager());
    out.add(new ReplicaSetController());
    out.add(new DeploymentController());
    out.add(new StatefulSetController());
    out.add(new DaemonSetController());
    out.add(new JobController());
    out.add(new EndpointsController());
    out.add(new EndpointSliceController());
    out.add(new CloudNodeLifecycleController(cloud));
    out.add(new ServiceLoadBalancerController(cloud));
    out.add(new RouteController(cloud));
    out.add(proxy);
    out.add(dns);
    if (metricsServer != null) {
      out.add(metricsServer);
    }
    return out;
  }

  @Override
  public void deleteInstance(ClusterContext ctx, String node) {
    cloud.delete(node);
  }

  public CloudProvider cloud() {
    return cloud;
  }

  public KubeProxy kubeProxy() {
    return proxy;
  }

  public ClusterDns dns() {
    return dns;
  }
}
