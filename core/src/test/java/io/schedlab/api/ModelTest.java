package io.schedlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelTest {

  /** Each top-level kind made with nothing but nulls, and the apiVersion/kind it must fill. */
  static Stream<Arguments> emptyKinds() {
    return Stream.of(
        kind(() -> new Pod(null, null, null, null, null), "v1", "Pod"),
        kind(() -> new Node(null, null, null, null, null), "v1", "Node"),
        kind(() -> new Namespace(null, null, null, null), "v1", "Namespace"),
        kind(() -> new PriorityClass(null, null, null, 0, null, null, null),
            "scheduling.k8s.io/v1", "PriorityClass"),
        kind(() -> new PodDisruptionBudget(null, null, null, null, null), "policy/v1",
            "PodDisruptionBudget"),
        kind(() -> new Service(null, null, null, null, null), "v1", "Service"),
        kind(() -> new ReplicaSet(null, null, null, null, null), "apps/v1", "ReplicaSet"),
        kind(() -> new Deployment(null, null, null, null, null), "apps/v1", "Deployment"),
        kind(() -> new StatefulSet(null, null, null, null, null), "apps/v1", "StatefulSet"),
        kind(() -> new DaemonSet(null, null, null, null, null), "apps/v1", "DaemonSet"),
        kind(() -> new Job(null, null, null, null, null), "batch/v1", "Job"),
        kind(() -> new Lease(null, "", null, null), "coordination.k8s.io/v1", "Lease"));
  }

  private static Arguments kind(Supplier<KubeObject> make, String apiVersion, String kind) {
    return Arguments.of(kind, make, apiVersion);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyKinds")
  void absentApiVersionKindAndMetadataAreFilled(String kind, Supplier<KubeObject> make,
      String apiVersion) throws Exception {
    KubeObject o = make.get();
    assertThat(o.kind()).isEqualTo(kind);
    assertThat(o.apiVersion()).isEqualTo(apiVersion);
    assertThat(o.metadata()).isEqualTo(ObjectMeta.EMPTY);
    for (var c : o.getClass().getRecordComponents()) {
      if (c.getName().equals("spec") || c.getName().equals("status")) {
        assertThat(c.getAccessor().invoke(o)).as(c.getName()).isNotNull();
      }
    }
    KubeObject renamed = o.withMetadata(ObjectMeta.named("ns", "x"));
    assertThat(renamed.key()).isEqualTo("ns/x");
    assertThat(renamed.kind()).isEqualTo(kind);
  }

  @Test
  void givenApiVersionIsKept() {
    Deployment d = new Deployment("extensions/v1beta1", null, null, null, null);
    assertThat(d.apiVersion()).isEqualTo("extensions/v1beta1");
    assertThat(d.kind()).isEqualTo("Deployment");
  }

  @Test
  void nestedObjectsThatGoNeverNullAreDefaulted() {
    Pod pod = new Pod(null, null, null, null, null);
    assertThat(pod.spec().containers()).isEmpty();
    assertThat(pod.spec().affinity()).isNull();
    assertThat(pod.spec().resources()).isNull();
    assertThat(pod.status().conditions()).isEmpty();
    Container c = new Container("c", null, null, null, null, null, null);
    assertThat(c.resources().requests()).isEmpty();
    assertThat(c.resources().limits()).isEmpty();
    Node node = new Node(null, null, null, null, null);
    assertThat(node.spec().taints()).isEmpty();
    assertThat(node.status().allocatable()).isEmpty();
    assertThat(node.status().nodeInfo()).isEqualTo(NodeSystemInfo.EMPTY);
    assertThat(new Deployment(null, null, null, null, null).spec().template().spec())
        .isEqualTo(PodSpec.EMPTY);
    assertThat(new PreferredSchedulingTerm(1, null).preference().matchExpressions()).isEmpty();
    assertThat(new WeightedPodAffinityTerm(1, null).podAffinityTerm().namespaces()).isEmpty();
    assertThat(new ServiceStatus(null).loadBalancer().ingress()).isEmpty();
  }

  @Test
  void collectionsAreImmutableCopies() {
    Map<String, String> labels = new HashMap<>(Map.of("a", "1"));
    List<Toleration> tolerations = new ArrayList<>();
    ObjectMeta meta = ObjectMeta.named("ns", "p").withLabels(labels);
    PodSpec spec = PodSpec.EMPTY.withTolerations(tolerations);
    labels.put("b", "2");
    tolerations.add(new Toleration("k", "Exists", null, null, null));
    assertThat(meta.labels()).containsOnlyKeys("a");
    assertThat(spec.tolerations()).isEmpty();
    assertThatThrownBy(() -> meta.labels().put("c", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> spec.tolerations().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapsKeepInputOrderAndNullValuesBecomeEmpty() {
    Map<String, String> in = new LinkedHashMap<>();
    for (String k : List.of("z", "a", "m", "b", "y", "c", "x", "d")) {
      in.put(k, k);
    }
    in.put("n", null);
    Map<String, String> out = ApiCollections.strings(in);
    assertThat(out.keySet()).containsExactly("z", "a", "m", "b", "y", "c", "x", "d", "n");
    assertThat(out.get("n")).isEmpty();
    assertThat(out).isEqualTo(new HashMap<>(out));
    Map<String, Quantity> resources = new LinkedHashMap<>();
    resources.put("memory", Quantity.parse("1Gi"));
    resources.put("cpu", null);
    assertThat(ApiCollections.quantities(resources)).containsExactly(
        Map.entry("memory", Quantity.parse("1Gi")), Map.entry("cpu", Quantity.ZERO));
  }

  @Test
  void copiesOfFrozenCollectionsAreShared() {
    Map<String, String> frozen = ApiCollections.strings(Map.of("a", "1"));
    assertThat(ApiCollections.strings(frozen)).isSameAs(frozen);
    PodSpec spec = PodSpec.EMPTY.withNodeSelector(Map.of("a", "b"));
    assertThat(spec.withNodeName("n").nodeSelector()).isSameAs(spec.nodeSelector());
  }

  @Test
  void listsDropNullElements() {
    List<Toleration> in = new ArrayList<>();
    in.add(null);
    in.add(new Toleration("k", null, null, null, null));
    assertThat(ApiCollections.list(in)).hasSize(1);
  }

  @Test
  void podWithers() {
    Pod pod = Pod.of(ObjectMeta.named("default", "p"), null, null);
    Pod bound = pod.withNodeName("n1");
    assertThat(bound.spec().nodeName()).isEqualTo("n1");
    assertThat(pod.spec().nodeName()).isNull();
    Pod running = bound.withStatus(bound.status().withPhase("Running").withHostIP("10.0.0.1"));
    assertThat(running.status().phase()).isEqualTo("Running");
    assertThat(running.status().hostIP()).isEqualTo("10.0.0.1");
    assertThat(running.spec().nodeName()).isEqualTo("n1");
    Pod nominated = pod.withStatus(pod.status().withNominatedNodeName("n2"));
    assertThat(nominated.status().nominatedNodeName()).isEqualTo("n2");
  }

  @Test
  void podStatusConditionIsReplacedByType() {
    PodStatus s = PodStatus.EMPTY
        .withCondition(new PodCondition("PodScheduled", "False", "Unschedulable", "m", null))
        .withCondition(new PodCondition("Ready", "False", null, null, null))
        .withCondition(new PodCondition("PodScheduled", "True", null, null, null));
    assertThat(s.conditions()).extracting(PodCondition::type)
        .containsExactly("PodScheduled", "Ready");
    assertThat(s.condition("PodScheduled").status()).isEqualTo("True");
    assertThat(s.condition("Initialized")).isNull();
  }

  @Test
  void nodeWithers() {
    Node node = Node.of(ObjectMeta.named(null, "n"), null, null);
    Node cordoned = node.withSpec(node.spec().withUnschedulable(true)
        .withTaints(List.of(Taint.of("k", "v", Taint.NO_SCHEDULE))));
    assertThat(cordoned.spec().unschedulable()).isTrue();
    assertThat(cordoned.spec().taints()).hasSize(1);
    Node sized = node.withStatus(node.status()
        .withCapacity(Map.of("cpu", Quantity.parse("4")))
        .withAllocatable(Map.of("cpu", Quantity.parse("3500m"))));
    assertThat(sized.status().allocatable().get("cpu").milliValue()).isEqualTo(3500);
    assertThat(sized.key()).isEqualTo("n");
  }

  @Test
  void taintPrintsLikeUpstream() {
    assertThat(Taint.of("k", "v", "NoSchedule")).hasToString("k=v:NoSchedule");
    assertThat(Taint.of("k", null, "NoSchedule")).hasToString("k:NoSchedule");
    assertThat(Taint.of("k", "v", null)).hasToString("k=v:");
    assertThat(Taint.of("k", "", "")).hasToString("k");
  }

  @Test
  void controllerRefIsTheControllingOwner() {
    OwnerReference other = new OwnerReference("v1", "ConfigMap", "c", "u0", null, null);
    OwnerReference ctrl = new OwnerReference("apps/v1", "ReplicaSet", "rs", "u1", true, true);
    ObjectMeta m = ObjectMeta.named("ns", "p").withOwnerReferences(List.of(other, ctrl));
    assertThat(m.controllerRef()).isEqualTo(ctrl);
    assertThat(ObjectMeta.EMPTY.controllerRef()).isNull();
  }
}
