package io.schedlab.cli;

import io.schedlab.api.Affinity;
import io.schedlab.api.DaemonSet;
import io.schedlab.api.Deployment;
import io.schedlab.api.Job;
import io.schedlab.api.JobSpec;
import io.schedlab.api.KubeObject;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodTemplateSpec;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetSpec;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.Toleration;
import io.schedlab.api.match.NodeSelectors;
import io.schedlab.api.match.Tolerations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns Pods and workload objects into the pods that would exist once their controllers have
 * acted: Deployment and ReplicaSet ({@code replicas}, default 1), StatefulSet ({@code replicas},
 * ordinal names), Job ({@code parallelism}, default 1, capped by {@code completions}), DaemonSet
 * (one pod per node the controller would run it on, pinned by node affinity with its default
 * tolerations). Pods keep the template's labels, annotations and spec, get the workload's
 * namespace ({@value #DEFAULT_NAMESPACE} when unset) and a controller ownerReference.
 *
 * <p>A Deployment acts through a ReplicaSet, as upstream's controller does: the ReplicaSet is
 * named {@code <deployment>-<pod-template-hash>}, and it and its pods carry the
 * {@code pod-template-hash} label. The ReplicaSets and StatefulSets that own pods are kept in
 * {@link #controllers()}, so the run can store them: PodTopologySpread's default constraints
 * select pods by their controller. Generated name suffixes come from the seed and the workload's
 * kind, namespace and name, so a run is reproducible and one workload's names do not change when
 * another is added.
 */
public final class WorkloadExpander {
  public static final String DEFAULT_NAMESPACE = "default";

  /** Upstream's generateName alphabet: no vowels, no 0, 1 or 3. */
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int SUFFIX_LENGTH = 5;
  private static final int MAX_GENERATE_NAME_BASE = 63 - SUFFIX_LENGTH;

  static final String STATEFULSET_POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
  static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
  static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
  static final String LEGACY_JOB_NAME_LABEL = "job-name";
  static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
  static final String LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
  static final String JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  static final String INDEXED_COMPLETION = "Indexed";

  /** The tolerations upstream's DaemonSet controller adds to every daemon pod, in its order. */
  static final List<Toleration> DAEMON_TOLERATIONS = List.of(
      new Toleration("node.kubernetes.io/not-ready", "Exists", null, "NoExecute", null),
      new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", null),
      new Toleration("node.kubernetes.io/disk-pressure", "Exists", null, "NoSchedule", null),
      new Toleration("node.kubernetes.io/memory-pressure", "Exists", null, "NoSchedule", null),
      new Toleration("node.kubernetes.io/pid-pressure", "Exists", null, "NoSchedule", null),
      new Toleration("node.kubernetes.io/unschedulable", "Exists", null, "NoSchedule", null));

  /** Added only to hostNetwork daemon pods, as upstream does. */
  static final Toleration NETWORK_UNAVAILABLE_TOLERATION =
      new Toleration("node.kubernetes.io/network-unavailable", "Exists", null, "NoSchedule", null);

  /**
   * One pod to schedule and where it came from.
   *
   * @param origin the object as the user wrote it, e.g. {@code Deployment shop/web}
   * @param specField the path of the pod spec inside that object, for error messages: {@code
   *     spec} for a Pod, {@code spec.template.spec} for a workload
   */
  public record Expanded(Pod pod, String origin, String specField) {}

  static final String POD_TEMPLATE_HASH_LABEL = "pod-template-hash";

  private final long seed;
  private final List<KubeObject> controllers = new ArrayList<>();

  public WorkloadExpander(long seed) {
    this.seed = seed;
  }

  /**
   * The ReplicaSets (given, or made for a Deployment) and StatefulSets that own expanded pods,
   * with the uids their pods' ownerReferences name; filled by {@link #expand}.
   */
  public List<KubeObject> controllers() {
    return List.copyOf(controllers);
  }

  /** Whether {@code o} is a Pod or a workload kind this class expands. */
  public static boolean isPodSource(KubeObject o) {
    return o instanceof Pod
        || o instanceof Deployment
        || o instanceof ReplicaSet
        || o instanceof StatefulSet
        || o instanceof Job
        || o instanceof DaemonSet;
  }

  /**
   * The pods of {@code objects} in input order, each workload's pods in its place; objects that
   * are not pod sources are skipped. DaemonSets are laid over {@code nodes}.
   *
   * @throws BadInputException for a missing name, a negative count, or two pods with one name
   */
  public List<Expanded> expand(List<? extends KubeObject> objects, List<Node> nodes) {
    // Names written in the input are reserved first, so a generated name never takes one.
    Set<String> taken = new HashSet<>();
    for (KubeObject o : objects) {
      if (o instanceof Pod p && !isEmpty(p.metadata().name())) {
        String key = namespaceOf(p.metadata()) + "/" + p.metadata().name();
        if (!taken.add(key)) {
          throw new BadInputException("Pod " + key + ": metadata.name: Duplicate value: "
              + "another Pod in the input has this namespace and name");
        }
      }
    }
    List<Expanded> out = new ArrayList<>();
    Naming naming = new Naming(taken);
    for (KubeObject o : objects) {
      switch (o) {
        case Pod p -> out.add(barePod(p, naming));
        case Deployment d -> {
          ReplicaSet rs = replicaSetOf(d);
          replicated(rs, origin(d), rs.spec().replicas(), rs.spec().template(), naming, out);
        }
        case ReplicaSet r ->
            replicated(r, origin(r), r.spec().replicas(), r.spec().template(), naming, out);
        case StatefulSet s -> {
          controllers.add(withUid(s));
          statefulSet(s, naming, out);
        }
        case Job j -> job(j, naming, out);
        case DaemonSet d -> daemonSet(d, nodes, naming, out);
        default -> {
          // not a pod source: the caller reports it
        }
      }
    }
    return out;
  }

  private Expanded barePod(Pod p, Naming naming) {
    ObjectMeta meta = p.metadata();
    String namespace = namespaceOf(meta);
    String name = meta.name();
    if (isEmpty(name)) {
      if (isEmpty(meta.generateName())) {
        throw new BadInputException("Pod in namespace " + namespace
            + ": metadata.name: Required value: name or generateName is required");
      }
      name = naming.generated(meta.generateName(), namespace, "Pod/" + namespace + "/"
          + meta.generateName());
    }
    Pod pod = p.withMetadata(meta.withNamespace(namespace).withName(name));
    return new Expanded(pod, "Pod " + namespace + "/" + name, "spec");
  }

  /**
   * The ReplicaSet a Deployment's controller creates: the template labelled with a hash of the
   * template, the selector narrowed by that label, owned by the Deployment.
   */
  private ReplicaSet replicaSetOf(Deployment d) {
    String origin = origin(d);
    PodTemplateSpec template = d.spec().template();
    String hash = templateHash(d);
    Map<String, String> templateLabels = new LinkedHashMap<>(template.metadata().labels());
    templateLabels.put(POD_TEMPLATE_HASH_LABEL, hash);
    PodTemplateSpec hashed =
        new PodTemplateSpec(template.metadata().withLabels(templateLabels), template.spec());
    LabelSelector selector = d.spec().selector();
    Map<String, String> matchLabels =
        new LinkedHashMap<>(selector == null ? Map.of() : selector.matchLabels());
    matchLabels.put(POD_TEMPLATE_HASH_LABEL, hash);
    LabelSelector hashedSelector =
        new LabelSelector(matchLabels, selector == null ? List.of() : selector.matchExpressions());
    OwnerReference ref =
        new OwnerReference(d.apiVersion(), d.kind(), d.metadata().name(), uidOf(d), true, true);
    ObjectMeta meta =
        ObjectMeta.named(namespaceOf(d.metadata()), d.metadata().name() + "-" + hash)
            .withLabels(templateLabels)
            .withOwnerReferences(List.of(ref));
    int replicas = count(d.spec().replicas(), 1, origin, "spec.replicas");
    return new ReplicaSet(null, null, meta,
        new ReplicaSetSpec(replicas, hashedSelector, hashed, d.spec().minReadySeconds()), null);
  }

  /** A stable stand-in for upstream's pod-template-hash: 10 characters from the seed and the Deployment. */
  private String templateHash(Deployment d) {
    String basis = seed + "/hash/" + streamKey(d);
    UUID u = UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8));
    long bits = u.getMostSignificantBits() ^ u.getLeastSignificantBits();
    StringBuilder sb = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      sb.append(SUFFIX_ALPHABET.charAt((int) Long.remainderUnsigned(bits, SUFFIX_ALPHABET.length())));
      bits = Long.divideUnsigned(bits, SUFFIX_ALPHABET.length());
    }
    return sb.toString();
  }

  private KubeObject withUid(KubeObject o) {
    return o.withMetadata(o.metadata().withUid(uidOf(o)).withNamespace(namespaceOf(o.metadata())));
  }

  /** {@code origin} names the object the user wrote (the Deployment, for its ReplicaSet's pods). */
  private void replicated(KubeObject owner, String origin, Integer replicas,
      PodTemplateSpec template, Naming naming, List<Expanded> out) {
    controllers.add(withUid(owner));
    int count = count(replicas, 1, origin, "spec.replicas");
    String namespace = namespaceOf(owner.metadata());
    String prefix = owner.metadata().name() + "-";
    for (int i = 0; i < count; i++) {
      String name = naming.generated(prefix, namespace, streamKey(owner));
      out.add(new Expanded(
          pod(owner, template, name, prefix, Map.of(), Map.of(), template.spec()),
          origin, "spec.template.spec"));
    }
  }

  private void statefulSet(StatefulSet s, Naming naming, List<Expanded> out) {
    String origin = origin(s);
    int count = count(s.spec().replicas(), 1, origin, "spec.replicas");
    String namespace = namespaceOf(s.metadata());
    PodTemplateSpec template = s.spec().template();
    for (int i = 0; i < count; i++) {
      String name = s.metadata().name() + "-" + i;
      naming.reserve(namespace, name, origin);
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(STATEFULSET_POD_NAME_LABEL, name);
      labels.put(POD_INDEX_LABEL, Integer.toString(i));
      PodSpec spec = template.spec().withIdentity(name, s.spec().serviceName());
      out.add(new Expanded(pod(s, template, name, null, labels, Map.of(), spec),
          origin, "spec.template.spec"));
    }
  }

  private void job(Job j, Naming naming, List<Expanded> out) {
    String origin = origin(j);
    JobSpec spec = j.spec();
    int parallelism = count(spec.parallelism(), 1, origin, "spec.parallelism");
    int active = parallelism;
    if (spec.completions() != null) {
      active = Math.min(active, count(spec.completions(), 1, origin, "spec.completions"));
    }
    boolean indexed = INDEXED_COMPLETION.equals(spec.completionMode());
    if (indexed && spec.completions() == null) {
      throw new BadInputException(origin
          + ": spec.completions: Required value: when completion mode is Indexed");
    }
    if (Boolean.TRUE.equals(spec.suspend())) {
      active = 0;
    }
    String namespace = namespaceOf(j.metadata());
    String jobName = j.metadata().name();
    String uid = uidOf(j);
    PodTemplateSpec template = spec.template();
    for (int i = 0; i < active; i++) {
      // The API server stamps these selector labels into a Job's template on create.
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(CONTROLLER_UID_LABEL, uid);
      labels.put(JOB_NAME_LABEL, jobName);
      labels.put(LEGACY_CONTROLLER_UID_LABEL, uid);
      labels.put(LEGACY_JOB_NAME_LABEL, jobName);
      Map<String, String> annotations = Map.of();
      String prefix = jobName + "-";
      PodSpec podSpec = template.spec();
      if (indexed) {
        String index = Integer.toString(i);
        labels.put(JOB_COMPLETION_INDEX, index);
        annotations = Map.of(JOB_COMPLETION_INDEX, index);
        prefix = jobName + "-" + index + "-";
        podSpec = podSpec.withIdentity(jobName + "-" + index, podSpec.subdomain());
      }
      String name = naming.generated(prefix, namespace, streamKey(j));
      out.add(new Expanded(pod(j, template, name, prefix, labels, annotations, podSpec),
          origin, "spec.template.spec"));
    }
  }

  private void daemonSet(DaemonSet d, List<Node> nodes, Naming naming, List<Expanded> out) {
    String origin = origin(d);
    String namespace = namespaceOf(d.metadata());
    PodTemplateSpec template = d.spec().template();
    PodSpec withTolerations =
        template.spec().withTolerations(daemonTolerations(template.spec()));
    String prefix = d.metadata().name() + "-";
    for (Node node : nodes) {
      String nodeName = node.metadata().name();
      if (!shouldRunDaemonPod(withTolerations, namespace, node)) {
        continue;
      }
      PodSpec spec = withTolerations.withAffinity(pinnedTo(withTolerations.affinity(), nodeName));
      String name = naming.generated(prefix, namespace, streamKey(d));
      out.add(new Expanded(pod(d, template, name, prefix, Map.of(), Map.of(), spec),
          origin, "spec.template.spec"));
    }
  }

  /**
   * Upstream's {@code NodeShouldRunDaemonPod}, "should run" half: the template's nodeName (if
   * any) names the node, its node selector and required node affinity admit it, and its
   * tolerations (daemon defaults included) cover every NoSchedule and NoExecute taint.
   */
  static boolean shouldRunDaemonPod(PodSpec spec, String namespace, Node node) {
    String nodeName = node.metadata().name();
    if (!isEmpty(spec.nodeName()) && !spec.nodeName().equals(nodeName)) {
      return false;
    }
    Pod probe = Pod.of(ObjectMeta.named(namespace, "probe"), spec.withNodeName(nodeName), null);
    if (!NodeSelectors.podMatchesNode(probe, node)) {
      return false;
    }
    return Tolerations.findUntoleratedTaint(node.spec().taints(), spec.tolerations(),
        Tolerations.NO_SCHEDULE_OR_NO_EXECUTE) == null;
  }

  /**
   * The pod's tolerations with the daemon defaults added as upstream's {@code
   * AddOrUpdateTolerationInPodSpec} does: a toleration with the same key, operator, value and
   * effect is replaced in place (dropping, say, its tolerationSeconds), otherwise appended.
   */
  static List<Toleration> daemonTolerations(PodSpec spec) {
    List<Toleration> tolerations = new ArrayList<>(spec.tolerations());
    for (Toleration t : DAEMON_TOLERATIONS) {
      addOrUpdate(tolerations, t);
    }
    if (Boolean.TRUE.equals(spec.hostNetwork())) {
      addOrUpdate(tolerations, NETWORK_UNAVAILABLE_TOLERATION);
    }
    return tolerations;
  }

  private static void addOrUpdate(List<Toleration> tolerations, Toleration wanted) {
    boolean replaced = false;
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration old = tolerations.get(i);
      if (sameMatch(old, wanted)) {
        if (Objects.equals(old.tolerationSeconds(), wanted.tolerationSeconds())) {
          return;
        }
        tolerations.set(i, wanted);
        replaced = true;
      }
    }
    if (!replaced) {
      tolerations.add(wanted);
    }
  }

  private static boolean sameMatch(Toleration a, Toleration b) {
    return str(a.key()).equals(str(b.key()))
        && str(a.operator()).equals(str(b.operator()))
        && str(a.value()).equals(str(b.value()))
        && str(a.effect()).equals(str(b.effect()));
  }

  /**
   * Upstream's {@code ReplaceDaemonSetPodNodeNameNodeAffinity}: the required node affinity
   * becomes the single term {@code metadata.name In [node]}; preferred terms and pod
   * (anti-)affinity are kept.
   */
  static Affinity pinnedTo(Affinity affinity, String nodeName) {
    NodeSelector pin = new NodeSelector(List.of(new NodeSelectorTerm(null, List.of(
        new NodeSelectorRequirement("metadata.name", "In", List.of(nodeName))))));
    if (affinity == null) {
      return new Affinity(new NodeAffinity(pin, null), null, null);
    }
    NodeAffinity na = affinity.nodeAffinity();
    NodeAffinity pinned = new NodeAffinity(
        pin, na == null ? null : na.preferredDuringSchedulingIgnoredDuringExecution());
    return new Affinity(pinned, affinity.podAffinity(), affinity.podAntiAffinity());
  }

  /** A pod from a template, as upstream's {@code GetPodFromTemplate} plus a controller ref. */
  private Pod pod(KubeObject owner, PodTemplateSpec template, String name, String generateName,
      Map<String, String> extraLabels, Map<String, String> extraAnnotations, PodSpec spec) {
    ObjectMeta t = template.metadata();
    Map<String, String> labels = new LinkedHashMap<>(t.labels());
    labels.putAll(extraLabels);
    Map<String, String> annotations = new LinkedHashMap<>(t.annotations());
    annotations.putAll(extraAnnotations);
    OwnerReference ref = new OwnerReference(owner.apiVersion(), owner.kind(),
        owner.metadata().name(), uidOf(owner), true, true);
    ObjectMeta meta = new ObjectMeta(name, generateName, namespaceOf(owner.metadata()), null,
        null, null, null, null, null, labels, annotations, List.of(ref), t.finalizers());
    return Pod.of(meta, spec, null);
  }

  /** The owner's uid, or a stable one made up from the seed when the manifest has none. */
  private String uidOf(KubeObject owner) {
    String uid = owner.metadata().uid();
    if (!isEmpty(uid)) {
      return uid;
    }
    String basis = seed + "/" + streamKey(owner);
    return UUID.nameUUIDFromBytes(basis.getBytes(StandardCharsets.UTF_8)).toString();
  }


  private static int count(Integer value, int absent, String origin, String field) {
    if (value == null) {
      return absent;
    }
    if (value < 0) {
      throw new BadInputException(origin + ": " + field + ": Invalid value: " + value
          + ": must be greater than or equal to 0");
    }
    return value;
  }

  private static String origin(KubeObject o) {
    String name = o.metadata().name();
    String namespace = namespaceOf(o.metadata());
    if (isEmpty(name)) {
      throw new BadInputException(o.kind() + " in namespace " + namespace
          + ": metadata.name: Required value: name is required");
    }
    return o.kind() + " " + namespace + "/" + name;
  }

  private static String streamKey(KubeObject o) {
    return o.kind() + "/" + namespaceOf(o.metadata()) + "/" + o.metadata().name();
  }

  static String namespaceOf(ObjectMeta meta) {
    return isEmpty(meta.namespace()) ? DEFAULT_NAMESPACE : meta.namespace();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }

  /** Pod names in use, and generated suffixes drawn from per-workload random streams. */
  private final class Naming {
    private final Set<String> taken;
    private final Map<String, long[]> streams = new LinkedHashMap<>();

    Naming(Set<String> taken) {
      this.taken = taken;
    }

    void reserve(String namespace, String name, String origin) {
      if (!taken.add(namespace + "/" + name)) {
        throw new BadInputException(origin + ": its pod " + namespace + "/" + name
            + " has the name of another pod in the input");
      }
    }

    /** {@code base} (cut to 58 characters, as upstream) plus five fresh characters. */
    String generated(String base, String namespace, String streamKey) {
      String prefix = base.length() > MAX_GENERATE_NAME_BASE
          ? base.substring(0, MAX_GENERATE_NAME_BASE)
          : base;
      long[] state = streams.computeIfAbsent(streamKey, k -> new long[] {seed ^ fnv1a(k)});
      while (true) {
        StringBuilder name = new StringBuilder(prefix.length() + SUFFIX_LENGTH).append(prefix);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
          long r = splitMix(state);
          name.append(SUFFIX_ALPHABET.charAt(
              (int) Long.remainderUnsigned(r, SUFFIX_ALPHABET.length())));
        }
        if (taken.add(namespace + "/" + name)) {
          return name.toString();
        }
      }
    }
  }

  private static long splitMix(long[] state) {
    long z = (state[0] += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
