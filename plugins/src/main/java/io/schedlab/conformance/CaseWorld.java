package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Namespace;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.Service;
import io.schedlab.api.StatefulSet;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginRef;
import io.schedlab.config.ProfileConfig;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.StaticHandle;
import io.schedlab.framework.StaticObjectLister;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.framework.runtime.Parallelizer;
import io.schedlab.plugins.defaultbinder.DefaultBinder;
import io.schedlab.plugins.queuesort.PrioritySort;
import io.schedlab.scheduler.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fresh, static world of one case: its own resource registry and label interner, a NodeInfo
 * per {@code nodes} entry holding the {@code pods} bound to it, the snapshot, the objects plugins
 * can list, a {@link StaticHandle}, and the incoming pod compiled. When the case has a profile,
 * the handle's filter runner is a framework over those plugins.
 *
 * <p>An existing pod naming a node that is not in {@code nodes} belongs to no node and is left
 * out, as upstream's snapshot does. The incoming pod is never placed, even with spec.nodeName.
 */
public final class CaseWorld {
  /** Case inputs that become objects the plugins can list, with their types. */
  static final Map<String, Class<? extends KubeObject>> OBJECT_INPUTS = objectInputs();

  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();
  private final List<NodeInfo> nodes = new ArrayList<>();
  private final Map<String, NodeInfo> byName = new HashMap<>();
  private final Snapshot snapshot;
  private final StaticHandle handle;
  private final PodInfo pod;
  private final List<KubeObject> objects;

  private static Map<String, Class<? extends KubeObject>> objectInputs() {
    Map<String, Class<? extends KubeObject>> m = new LinkedHashMap<>();
    m.put("namespaces", Namespace.class);
    m.put("services", Service.class);
    m.put("replicaSets", ReplicaSet.class);
    m.put("statefulSets", StatefulSet.class);
    m.put("pdbs", PodDisruptionBudget.class);
    return Collections.unmodifiableMap(m);
  }

  private CaseWorld(ConformanceCase c) {
    List<Node> nodeObjects = c.decodeList("nodes", Node.class);
    for (int i = 0; i < nodeObjects.size(); i++) {
      Node n = nodeObjects.get(i);
      String name = n.metadata().name();
      if (name == null || name.isEmpty()) {
        throw new NotEvaluatedException("nodes[" + i + "] has no metadata.name");
      }
      if (byName.containsKey(name)) {
        throw new NotEvaluatedException("two nodes are named \"" + name + "\"");
      }
      NodeInfo info = new NodeInfo();
      info.setNode(n, resources, labels);
      nodes.add(info);
      byName.put(name, info);
    }
    for (Pod p : c.decodeList("pods", Pod.class)) {
      NodeInfo on = p.spec().nodeName() == null ? null : byName.get(p.spec().nodeName());
      if (on != null) {
        on.addPod(new PodInfo(p, resources, labels));
      }
    }
    snapshot = Snapshot.of(nodes);
    List<KubeObject> objs = new ArrayList<>();
    for (Map.Entry<String, Class<? extends KubeObject>> e : OBJECT_INPUTS.entrySet()) {
      objs.addAll(c.decodeList(e.getKey(), e.getValue()));
    }
    objects = List.copyOf(objs);
    handle = new StaticHandle(snapshot, resources, labels).setObjects(new StaticObjectLister(objects));
    JsonNode podJson = c.input("pod");
    pod = podJson == null ? null : handle.compile(c.decode(podJson, Pod.class, "pod"));
    List<String> profile = c.profile();
    if (!profile.isEmpty()) {
      handle.setFilterRunner(profileRunner(c.registry(), profile, c.plugin(), c.args()));
    }
  }

  static CaseWorld of(ConformanceCase c) {
    return new CaseWorld(c);
  }

  /**
   * A framework over {@code plugins} (their PreFilter and Filter stages, in the given order, with
   * default args except {@code pluginUnderTest}, which gets {@code args}), as upstream's plugin
   * tests register them; PrioritySort and DefaultBinder complete the profile.
   */
  public FilterRunner profileRunner(Registry registry, List<String> plugins, String pluginUnderTest, JsonNode args) {
    Map<ExtensionPoint, List<PluginRef>> points = new EnumMap<>(ExtensionPoint.class);
    points.put(ExtensionPoint.QUEUE_SORT, List.of(PluginRef.named(PrioritySort.NAME)));
    points.put(ExtensionPoint.BIND, List.of(PluginRef.named(DefaultBinder.NAME)));
    List<PluginRef> preFilter = new ArrayList<>();
    List<PluginRef> filter = new ArrayList<>();
    for (String name : plugins) {
      if (!registry.contains(name)) {
        throw new NotEvaluatedException("profile plugin \"" + name + "\" is not registered");
      }
      if (registry.extensionPoints(name).contains(ExtensionPoint.PRE_FILTER)) {
        preFilter.add(PluginRef.named(name));
      }
      if (registry.extensionPoints(name).contains(ExtensionPoint.FILTER)) {
        filter.add(PluginRef.named(name));
      }
    }
    points.put(ExtensionPoint.PRE_FILTER, preFilter);
    points.put(ExtensionPoint.FILTER, filter);
    Map<String, JsonNode> pluginArgs = new HashMap<>();
    if (args != null && plugins.contains(pluginUnderTest)) {
      pluginArgs.put(pluginUnderTest, args);
    }
    ProfileConfig profile = new ProfileConfig("conformance", 0, points, pluginArgs);
    return new Framework(profile, registry, handle, new Parallelizer(1));
  }

  public ResourceRegistry resources() {
    return resources;
  }

  public LabelInterner labels() {
    return labels;
  }

  /** The nodes in case order. */
  public List<NodeInfo> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  /** The node named so; a name the case does not define cannot be evaluated. */
  public NodeInfo node(String name) {
    NodeInfo n = byName.get(name);
    if (n == null) {
      throw new NotEvaluatedException("no node named \"" + name + "\" in nodes");
    }
    return n;
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  public StaticHandle handle() {
    return handle;
  }

  /** The incoming pod, compiled; a case without {@code pod} cannot be evaluated by stages. */
  public PodInfo pod() {
    if (pod == null) {
      throw new NotEvaluatedException("the case has no pod");
    }
    return pod;
  }

  /** The objects plugins can list (namespaces, services, replica sets, stateful sets, PDBs). */
  public List<KubeObject> objects() {
    return objects;
  }
}
