package io.schedlab.api.codec;

import io.schedlab.api.DaemonSet;
import io.schedlab.api.Deployment;
import io.schedlab.api.ElasticQuota;
import io.schedlab.api.Job;
import io.schedlab.api.KubeObject;
import io.schedlab.api.EndpointSlice;
import io.schedlab.api.Endpoints;
import io.schedlab.api.Lease;
import io.schedlab.api.Namespace;
import io.schedlab.api.Node;
import io.schedlab.api.NodeMetrics;
import io.schedlab.api.Pod;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.PodGroup;
import io.schedlab.api.PriorityClass;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.Service;
import io.schedlab.api.ServiceAccount;
import io.schedlab.api.StatefulSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The kinds the model knows, by {@code kind}. Any other kind reads as a {@code GenericObject}.
 *
 * <p>Lookup is by kind alone, whatever the apiVersion: a manifest written for an older group
 * version ({@code extensions/v1beta1} Deployment, {@code policy/v1beta1} PodDisruptionBudget)
 * reads into the same record and keeps its apiVersion.
 */
public final class KubeKinds {
  private static final Map<String, Class<? extends KubeObject>> BY_KIND = build();

  private KubeKinds() {}

  private static Map<String, Class<? extends KubeObject>> build() {
    Map<String, Class<? extends KubeObject>> m = new LinkedHashMap<>();
    m.put(Pod.KIND, Pod.class);
    m.put(Node.KIND, Node.class);
    m.put(Namespace.KIND, Namespace.class);
    m.put(PriorityClass.KIND, PriorityClass.class);
    m.put(PodDisruptionBudget.KIND, PodDisruptionBudget.class);
    m.put(Service.KIND, Service.class);
    m.put(ReplicaSet.KIND, ReplicaSet.class);
    m.put(Deployment.KIND, Deployment.class);
    m.put(StatefulSet.KIND, StatefulSet.class);
    m.put(DaemonSet.KIND, DaemonSet.class);
    m.put(Job.KIND, Job.class);
    m.put(Lease.KIND, Lease.class);
    m.put(Endpoints.KIND, Endpoints.class);
    m.put(EndpointSlice.KIND, EndpointSlice.class);
    m.put(ServiceAccount.KIND, ServiceAccount.class);
    m.put(NodeMetrics.KIND, NodeMetrics.class);
    m.put(ElasticQuota.KIND, ElasticQuota.class);
    m.put(PodGroup.KIND, PodGroup.class);
    return Collections.unmodifiableMap(m);
  }

  /** The record class for {@code kind}, or null when the model does not know it. */
  public static Class<? extends KubeObject> classFor(String kind) {
    return kind == null ? null : BY_KIND.get(kind);
  }

  public static boolean isKnown(String kind) {
    return classFor(kind) != null;
  }

  /** The known kinds, in a fixed order. */
  public static Set<String> kinds() {
    return BY_KIND.keySet();
  }

  /**
   * Whether a document of this kind is a list to expand: {@code List} itself, or any {@code
   * ...List} kind (PodList, NodeList) that carries {@code items}.
   */
  static boolean isListKind(String kind, boolean hasItems) {
    return "List".equals(kind) || (kind != null && kind.endsWith("List") && hasItems);
  }
}
