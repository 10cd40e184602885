package io.schedlab.plugins.coscheduling;

import io.schedlab.api.Pod;
import io.schedlab.api.PodGroup;
import io.schedlab.api.PodSchedulingGroup;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.ObjectLister;
import io.schedlab.framework.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds a pod's gang and its members.
 *
 * <p>A pod names its group either with the label {@value #POD_GROUP_LABEL} (scheduler-plugins)
 * or with {@code spec.schedulingGroup.podGroupName} (upstream Kubernetes); the label wins when
 * both are set. The group's settings come from the PodGroup object of that name in the pod's
 * namespace; without one, a labelled pod may carry them itself in the annotations {@value
 * #MIN_MEMBER_ANNOTATION} and {@value #SCHEDULE_TIMEOUT_ANNOTATION}. An object wins over the
 * annotations.
 *
 * <p>Implementation note: members are counted by walking the namespace's pods (PreFilter) or the
 * snapshot's pods (Permit, PostFilter), as upstream's listers do; no index is kept, so nothing
 * can go stale between cycles.
 */
public final class PodGroups {
  /** scheduler-plugins' label naming the pod's PodGroup. */
  public static final String POD_GROUP_LABEL = "scheduling.x-k8s.io/pod-group";

  /** schedlab's annotation: a label-only gang's minMember (a positive integer). */
  public static final String MIN_MEMBER_ANNOTATION = "scheduling.x-k8s.io/min-member";

  /** schedlab's annotation: a label-only gang's Permit wait in seconds (a positive integer). */
  public static final String SCHEDULE_TIMEOUT_ANNOTATION =
      "scheduling.x-k8s.io/schedule-timeout-seconds";

  /** The problem of a pod naming a group that has neither an object nor annotations. */
  public static final String NOT_FOUND = "PodGroup not found";

  private final ObjectLister objects;

  public PodGroups(ObjectLister objects) {
    this.objects = objects;
  }

  /** The name of the group the pod joins, or null when it joins none. */
  public static String groupNameOf(Pod pod) {
    String label = pod.metadata().labels().get(POD_GROUP_LABEL);
    if (label != null && !label.isEmpty()) {
      return label;
    }
    PodSchedulingGroup g = pod.spec().schedulingGroup();
    return g == null || g.podGroupName() == null || g.podGroupName().isEmpty()
        ? null
        : g.podGroupName();
  }

  /** Whether the pod is a member of the group {@code namespace/name}. */
  public static boolean isMember(Pod pod, String namespace, String name) {
    return name.equals(groupNameOf(pod)) && namespace.equals(namespaceOf(pod));
  }

  private static String namespaceOf(Pod pod) {
    String ns = pod.metadata().namespace();
    return ns == null ? "" : ns;
  }

  /** The pod's gang, or null when the pod joins no group. */
  public Gang gangOf(Pod pod) {
    String name = groupNameOf(pod);
    if (name == null) {
      return null;
    }
    String ns = namespaceOf(pod);
    PodGroup pg = objects.get(PodGroup.class, ns, name);
    if (pg != null) {
      int min = pg.minMember();
      Integer timeout = pg.upstreamKind() ? null : pg.spec().scheduleTimeoutSeconds();
      return new Gang(ns, name, min, timeout == null ? 0 : timeout, pg, null);
    }
    Map<String, String> ann = pod.metadata().annotations();
    String min = ann.get(MIN_MEMBER_ANNOTATION);
    if (min == null || groupNameFromLabel(pod) == null) {
      return new Gang(ns, name, 0, 0, null, NOT_FOUND);
    }
    long minMember = positive(min);
    if (minMember <= 0 || minMember > Integer.MAX_VALUE) {
      return new Gang(ns, name, 0, 0, null, badAnnotation(MIN_MEMBER_ANNOTATION, min));
    }
    String timeout = ann.get(SCHEDULE_TIMEOUT_ANNOTATION);
    long seconds = 0;
    if (timeout != null) {
      seconds = positive(timeout);
      if (seconds <= 0) {
        return new Gang(ns, name, 0, 0, null, badAnnotation(SCHEDULE_TIMEOUT_ANNOTATION, timeout));
      }
    }
    return new Gang(ns, name, (int) minMember, seconds, null, null);
  }

  private static String groupNameFromLabel(Pod pod) {
    String label = pod.metadata().labels().get(POD_GROUP_LABEL);
    return label == null || label.isEmpty() ? null : label;
  }

  private static String badAnnotation(String key, String value) {
    return "annotation " + key + ": expected a positive integer, got \"" + value + "\"";
  }

  /** The value as a positive long, or -1 when it is not one. */
  private static long positive(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v == 0 ? -1 : v;
  }

  /**
   * The group's pods that exist and have not finished (pending, assumed or bound), as upstream's
   * pod lister, which leaves out Succeeded and Failed pods.
   */
  public List<Pod> members(Gang g) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : objects.list(Pod.class, g.namespace())) {
      if (isMember(p, g.namespace(), g.name()) && !finished(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** How many of the group's pods exist and have not finished. */
  public int countMembers(Gang g) {
    int n = 0;
    for (Pod p : objects.list(Pod.class, g.namespace())) {
      if (isMember(p, g.namespace(), g.name()) && !finished(p)) {
        n++;
      }
    }
    return n;
  }

  private static boolean finished(Pod p) {
    String phase = p.status().phase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  /**
   * How many of the group's pods the snapshot holds on a node, assumed or bound: upstream's
   * CalculateAssignedPods. The pod in the current cycle is not among them.
   */
  public static int countAssigned(NodeInfoLister snapshot, Gang g) {
    int n = 0;
    List<NodeInfo> nodes = snapshot.list();
    for (int i = 0, size = nodes.size(); i < size; i++) {
      List<PodInfo> pods = nodes.get(i).pods();
      for (int j = 0, m = pods.size(); j < m; j++) {
        Pod p = pods.get(j).pod();
        if (isMember(p, g.namespace(), g.name())) {
          n++;
        }
      }
    }
    return n;
  }
}
