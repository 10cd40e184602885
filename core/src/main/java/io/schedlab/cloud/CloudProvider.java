package io.schedlab.cloud;

import io.schedlab.node.Ipv4Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated cloud behind the cluster: an instance per node (running, shut down or gone), a
 * route table for pod CIDRs, and a pool of load-balancer addresses. The cloud controllers read it
 * as the cloud-controller-manager reads a real provider's API; scenario faults change it.
 */
public final class CloudProvider {
  /** The provider name in provider IDs ({@code sim://<node>}). */
  public static final String NAME = "sim";

  /** What a node's instance is doing. */
  public enum InstanceState { RUNNING, SHUTDOWN, DELETED }

  /** A route: traffic for {@code destinationCidr} goes to {@code node}. */
  public record Route(String node, String destinationCidr) {}

  private final Map<String, InstanceState> instances = new TreeMap<>();
  private final Map<String, Route> routes = new TreeMap<>();
  private final Ipv4Range loadBalancerPool;
  private final Map<String, String> loadBalancers = new TreeMap<>();

  /** @param loadBalancerCidr where load-balancer ingress addresses come from */
  public CloudProvider(String loadBalancerCidr) {
    this.loadBalancerPool = new Ipv4Range(loadBalancerCidr);
  }

  /** Documentation range TEST-NET-3 (RFC 5737), so simulated addresses never look real. */
  public static CloudProvider withDefaults() {
    return new CloudProvider("203.0.113.0/24");
  }

  public static String providerId(String node) {
    return NAME + "://" + node;
  }

  /** An instance for the node starts (a node's machine is created before its kubelet runs). */
  public void launch(String node) {
    instances.put(node, InstanceState.RUNNING);
  }

  public void shutDown(String node) {
    instances.computeIfPresent(node, (n, s) -> s == InstanceState.DELETED ? s : InstanceState.SHUTDOWN);
  }

  public void delete(String node) {
    instances.put(node, InstanceState.DELETED);
  }

  /** Whether the instance exists; a node no instance was launched for counts as existing. */
  public boolean exists(String node) {
    return instances.getOrDefault(node, InstanceState.RUNNING) != InstanceState.DELETED;
  }

  public boolean isShutDown(String node) {
    return instances.get(node) == InstanceState.SHUTDOWN;
  }

  public void createRoute(Route r) {
    routes.put(r.node(), r);
  }

  public void deleteRoute(String node) {
    routes.remove(node);
  }

  public List<Route> routes() {
    return new ArrayList<>(routes.values());
  }

  /** The load balancer's address for a service key, allocated on first use. */
  public String ensureLoadBalancer(String serviceKey) {
    return loadBalancers.computeIfAbsent(serviceKey, k -> loadBalancerPool.lowestFree());
  }

  public void deleteLoadBalancer(String serviceKey) {
    String ip = loadBalancers.remove(serviceKey);
    if (ip != null) {
      loadBalancerPool.release(ip);
    }
  }

  public Map<String, String> loadBalancers() {
    return Map.copyOf(loadBalancers);
  }
}
