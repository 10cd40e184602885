package io.schedlab.cluster;

/**
 * Cluster-wide settings with upstream's defaults: the pod and service CIDRs, the node CIDR mask,
 * the DNS domain, and the node lifecycle's timings.
 *
 * @param clusterCidr the pods' address range (kube-controller-manager --cluster-cidr)
 * @param nodeCidrMaskSize the prefix length of each node's podCIDR (--node-cidr-mask-size)
 * @param serviceCidr the ClusterIP range (kube-apiserver --service-cluster-ip-range)
 * @param clusterDomain the DNS domain (kubelet --cluster-domain)
 */
public record ClusterSettings(String clusterCidr, int nodeCidrMaskSize, String serviceCidr,
    String clusterDomain) {
  public static final ClusterSettings DEFAULTS =
      new ClusterSettings("10.244.0.0/16", 24, "10.96.0.0/12", "cluster.local");
}
