package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.Toleration;
import io.schedlab.api.codec.KubeCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadExpanderTest {
  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: worker-1, labels: {disk: ssd}}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: worker-2}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: master-1, labels: {node-role.kubernetes.io/master: ""}}
      spec:
        taints:
        - {key: node-role.kubernetes.io/master, effect: NoSchedule}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: cordoned}
      spec:
        unschedulable: true
        taints:
        - {key: node.kubernetes.io/unschedulable, effect: NoSchedule}
      """;

  private static List<KubeObject> objects(String yaml) {
    return KubeCodec.readAllText(yaml, "test");
  }

  private static List<Node> nodes() {
    List<Node> nodes = new ArrayList<>();
    for (KubeObject o : objects(NODES)) {
      nodes.add((Node) o);
    }
    return nodes;
  }

  private static List<Pod> expand(String yaml) {
    return expand(yaml, 0);
  }

  private static List<Pod> expand(String yaml, long seed) {
    List<Pod> pods = new ArrayList<>();
    for (WorkloadExpander.Expanded e : new WorkloadExpander(seed).expand(objects(yaml), nodes())) {
      pods.add(e.pod());
    }
    return pods;
  }

  private static List<String> keys(List<Pod> pods) {
    return pods.stream().map(p -> p.metadata().namespace() + "/" + p.metadata().name()).toList();
  }

  static Stream<Arguments> podCounts() {
    return Stream.of(
        Arguments.of("Deployment without replicas", "kind: Deployment\nmetadata: {name: w}", 1),
        Arguments.of("Deployment replicas 3",
            "kind: Deployment\nmetadata: {name: w}\nspec: {replicas: 3}", 3),
        Arguments.of("Deployment replicas 0",
            "kind: Deployment\nmetadata: {name: w}\nspec: {replicas: 0}", 0),
        Arguments.of("ReplicaSet replicas 2",
            "kind: ReplicaSet\nmetadata: {name: w}\nspec: {replicas: 2}", 2),
        Arguments.of("StatefulSet without replicas", "kind: StatefulSet\nmetadata: {name: w}", 1),
        Arguments.of("Job without parallelism", "kind: Job\nmetadata: {name: w}", 1),
        Arguments.of("Job parallelism 4",
            "kind: Job\nmetadata: {name: w}\nspec: {parallelism: 4}", 4),
        Arguments.of("Job parallelism capped by completions",
            "kind: Job\nmetadata: {name: w}\nspec: {parallelism: 4, completions: 2}", 2),
        Arguments.of("suspended Job",
            "kind: Job\nmetadata: {name: w}\nspec: {parallelism: 4, suspend: true}", 0),
        // worker-1 and worker-2; master-1's taint is not tolerated; the cordon taint is, by the
        // daemon defaults.
        Arguments.of("DaemonSet", "kind: DaemonSet\nmetadata: {name: w}", 3),
        Arguments.of("DaemonSet with nodeSelector",
            "kind: DaemonSet\nmetadata: {name: w}\n"
                + "spec: {template: {spec: {nodeSelector: {disk: ssd}}}}", 1),
        Arguments.of("DaemonSet tolerating the master taint",
            "kind: DaemonSet\nmetadata: {name: w}\nspec: {template: {spec: {tolerations: "
                + "[{key: node-role.kubernetes.io/master, operator: Exists}]}}}", 4),
        Arguments.of("DaemonSet with template nodeName",
            "kind: DaemonSet\nmetadata: {name: w}\nspec: {template: {spec: {nodeName: worker-2}}}",
            1),
        Arguments.of("DaemonSet with required node affinity",
            "kind: DaemonSet\nmetadata: {name: w}\nspec: {template: {spec: {affinity: "
                + "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: "
                + "{nodeSelectorTerms: [{matchExpressions: [{key: disk, operator: DoesNotExist}]}]"
                + "}}}}}}", 2),
        Arguments.of("Pod", "kind: Pod\nmetadata: {name: p}", 1),
        Arguments.of("Service is not a pod source", "kind: Service\nmetadata: {name: s}", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("podCounts")
  void podCount(String name, String yaml, int pods) {
    assertThat(expand(yaml)).hasSize(pods);
  }

  @Test
  void statefulSetPodsHaveOrdinalNamesAndIdentity() {
    List<Pod> pods = expand("""
        kind: StatefulSet
        metadata: {name: db, namespace: data}
        spec:
          replicas: 3
          serviceName: db-headless
          template:
            metadata: {labels: {app: db}}
        """);
    assertThat(keys(pods)).containsExactly("data/db-0", "data/db-1", "data/db-2");
    Pod second = pods.get(1);
    assertThat(second.metadata().labels()).containsEntry("app", "db")
        .containsEntry("statefulset.kubernetes.io/pod-name", "db-1")
        .containsEntry("apps.kubernetes.io/pod-index", "1");
    assertThat(second.spec().hostname()).isEqualTo("db-1");
    assertThat(second.spec().subdomain()).isEqualTo("db-headless");
  }

  @Test
  void podsWithAnIdentityKeepTheirTemplatesGangGroup() {
    List<Pod> pods = expand("""
        kind: StatefulSet
        metadata: {name: db, namespace: data}
        spec:
          replicas: 2
          serviceName: db-headless
          template:
            spec:
              schedulingGroup: {podGroupName: gang-0}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: train, namespace: data}
        spec:
          completions: 2
          parallelism: 2
          completionMode: Indexed
          template:
            spec:
              schedulingGroup: {podGroupName: gang-1}
        """);
    assertThat(pods).hasSize(4);
    assertThat(pods.subList(0, 2)).allSatisfy(p -> {
      assertThat(p.spec().hostname()).startsWith("db-");
      assertThat(p.spec().schedulingGroup().podGroupName()).isEqualTo("gang-0");
    });
    assertThat(pods.subList(2, 4)).allSatisfy(p -> {
      assertThat(p.spec().hostname()).startsWith("train-");
      assertThat(p.spec().schedulingGroup().podGroupName()).isEqualTo("gang-1");
    });
  }

  @Test
  void replicatedPodsGetTemplateMetadataNamespaceAndOwner() {
    List<Pod> pods = expand("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, uid: "1234"}
        spec:
          replicas: 2
          template:
            metadata:
              labels: {app: web}
              annotations: {note: kept}
              namespace: ignored
            spec:
              containers: [{name: main, image: nginx}]
        """);
    // As upstream: the Deployment's ReplicaSet web-<pod-template-hash> owns the pods.
    assertThat(pods).hasSize(2).allSatisfy(p -> {
      String hash = p.metadata().labels().get("pod-template-hash");
      assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{10}");
      assertThat(p.metadata().namespace()).isEqualTo("shop");
      assertThat(p.metadata().name()).matches("web-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
      assertThat(p.metadata().generateName()).isEqualTo("web-" + hash + "-");
      assertThat(p.metadata().labels()).containsExactly(
          java.util.Map.entry("app", "web"), java.util.Map.entry("pod-template-hash", hash));
      assertThat(p.metadata().annotations()).containsEntry("note", "kept");
      assertThat(p.metadata().ownerReferences()).singleElement().satisfies(ref -> {
        assertThat(ref.kind()).isEqualTo("ReplicaSet");
        assertThat(ref.name()).isEqualTo("web-" + hash);
        assertThat(ref.controller()).isTrue();
      });
      assertThat(p.spec().containers()).singleElement()
          .satisfies(c -> assertThat(c.name()).isEqualTo("main"));
    });
    assertThat(pods.get(0).metadata().name()).isNotEqualTo(pods.get(1).metadata().name());
  }

  @Test
  void deploymentActsThroughAReplicaSetThatTheRunStores() {
    WorkloadExpander expander = new WorkloadExpander(0);
    List<WorkloadExpander.Expanded> pods = expander.expand(objects("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, uid: "1234"}
        spec:
          replicas: 3
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: main, image: nginx}]}
        """), nodes());
    assertThat(expander.controllers()).singleElement().isInstanceOfSatisfying(
        io.schedlab.api.ReplicaSet.class, rs -> {
          String hash = rs.metadata().labels().get("pod-template-hash");
          assertThat(rs.metadata().name()).isEqualTo("web-" + hash);
          assertThat(rs.metadata().ownerReferences()).containsExactly(
              new OwnerReference("apps/v1", "Deployment", "web", "1234", true, true));
          assertThat(rs.spec().replicas()).isEqualTo(3);
          assertThat(rs.spec().selector().matchLabels())
              .containsEntry("app", "web").containsEntry("pod-template-hash", hash);
          assertThat(pods).allSatisfy(e -> assertThat(e.pod().metadata().ownerReferences().get(0).uid())
              .isEqualTo(rs.metadata().uid()));
        });
  }

  @Test
  void workloadWithoutNamespaceGoesToDefaultAndGetsAStableUid() {
    List<Pod> a = expand("kind: ReplicaSet\nmetadata: {name: rs}", 9);
    List<Pod> b = expand("kind: ReplicaSet\nmetadata: {name: rs}", 9);
    assertThat(a.get(0).metadata().namespace()).isEqualTo("default");
    String uid = a.get(0).metadata().ownerReferences().get(0).uid();
    assertThat(uid).matches("[0-9a-f-]{36}");
    assertThat(b.get(0).metadata().ownerReferences().get(0).uid()).isEqualTo(uid);
  }

  @Test
  void namesDependOnSeedAndWorkloadOnly() {
    String one = "kind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}";
    String two = "kind: Deployment\nmetadata: {name: api}\nspec: {replicas: 2}\n---\n" + one;
    List<String> alone = keys(expand(one, 1));
    assertThat(keys(expand(one, 1))).isEqualTo(alone);
    assertThat(keys(expand(two, 1)).subList(2, 5)).isEqualTo(alone);
    assertThat(keys(expand(one, 2))).isNotEqualTo(alone);
  }

  @Test
  void bareNamesAreNeverGenerated() {
    // Whatever the suffixes, a generated name must avoid the bare pods' names.
    StringBuilder yaml = new StringBuilder("kind: ReplicaSet\nmetadata: {name: r}\n"
        + "spec: {replicas: 200}\n");
    List<String> generated = keys(expand(yaml.toString()));
    for (String key : generated.subList(0, 20)) {
      yaml.append("---\nkind: Pod\nmetadata: {name: ")
          .append(key.substring("default/".length())).append("}\n");
    }
    List<String> keys = keys(expand(yaml.toString()));
    assertThat(keys).hasSize(220).doesNotHaveDuplicates();
  }

  @Test
  void barePodsKeepTheirNameAndGetTheDefaultNamespace() {
    List<Pod> pods = expand("""
        kind: Pod
        metadata: {name: solo}
        ---
        kind: Pod
        metadata: {generateName: batch-, namespace: jobs}
        """);
    assertThat(pods.get(0).metadata().namespace()).isEqualTo("default");
    assertThat(pods.get(0).metadata().name()).isEqualTo("solo");
    assertThat(pods.get(1).metadata().name()).matches("batch-[a-z2-9]{5}");
    assertThat(pods.get(1).metadata().namespace()).isEqualTo("jobs");
  }

  @Test
  void jobPodsCarryTheJobLabels() {
    Pod pod = expand("kind: Job\nmetadata: {name: pi, uid: u-1}\n"
        + "spec: {template: {metadata: {labels: {app: pi}}}}").get(0);
    assertThat(pod.metadata().name()).matches("pi-[a-z2-9]{5}");
    assertThat(pod.metadata().labels()).containsEntry("app", "pi")
        .containsEntry("batch.kubernetes.io/job-name", "pi")
        .containsEntry("job-name", "pi")
        .containsEntry("batch.kubernetes.io/controller-uid", "u-1")
        .containsEntry("controller-uid", "u-1");
  }

  @Test
  void indexedJobPodsCarryTheirIndex() {
    List<Pod> pods = expand("kind: Job\nmetadata: {name: ix}\n"
        + "spec: {completionMode: Indexed, completions: 5, parallelism: 2}");
    assertThat(pods).hasSize(2);
    assertThat(pods.get(1).metadata().name()).matches("ix-1-[a-z2-9]{5}");
    assertThat(pods.get(1).metadata().labels())
        .containsEntry("batch.kubernetes.io/job-completion-index", "1");
    assertThat(pods.get(1).metadata().annotations())
        .containsEntry("batch.kubernetes.io/job-completion-index", "1");
    assertThat(pods.get(1).spec().hostname()).isEqualTo("ix-1");
  }

  @Test
  void daemonPodsArePinnedByNodeAffinityInNodeOrder() {
    List<Pod> pods = expand("""
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          template:
            spec:
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions: [{key: gone, operator: DoesNotExist}]
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 5
                    preference: {matchExpressions: [{key: disk, operator: Exists}]}
        """);
    List<String> pinned = new ArrayList<>();
    for (Pod p : pods) {
      var na = p.spec().affinity().nodeAffinity();
      var terms = na.requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms();
      assertThat(terms).singleElement().satisfies(t -> {
        assertThat(t.matchExpressions()).isEmpty();
        assertThat(t.matchFields()).singleElement().satisfies(r -> {
          assertThat(r.key()).isEqualTo("metadata.name");
          assertThat(r.operator()).isEqualTo("In");
        });
      });
      NodeSelectorRequirement field = terms.get(0).matchFields().get(0);
      pinned.add(field.values().get(0));
      assertThat(na.preferredDuringSchedulingIgnoredDuringExecution()).hasSize(1);
      assertThat(p.spec().nodeName()).isNull();
      assertThat(p.metadata().name()).matches("agent-[a-z2-9]{5}");
    }
    assertThat(pinned).containsExactly("worker-1", "worker-2", "cordoned");
  }

  @Test
  void daemonPodsGetTheDefaultTolerations() {
    Pod pod = expand("kind: DaemonSet\nmetadata: {name: d}").get(0);
    assertThat(pod.spec().tolerations()).extracting(Toleration::key).containsExactly(
        "node.kubernetes.io/not-ready",
        "node.kubernetes.io/unreachable",
        "node.kubernetes.io/disk-pressure",
        "node.kubernetes.io/memory-pressure",
        "node.kubernetes.io/pid-pressure",
        "node.kubernetes.io/unschedulable");
    assertThat(pod.spec().tolerations()).allSatisfy(t -> {
      assertThat(t.operator()).isEqualTo("Exists");
      assertThat(t.tolerationSeconds()).isNull();
    });
    assertThat(pod.spec().tolerations().subList(0, 2))
        .allSatisfy(t -> assertThat(t.effect()).isEqualTo("NoExecute"));
  }

  @Test
  void hostNetworkDaemonPodsAlsoTolerateNetworkUnavailable() {
    Pod pod = expand("kind: DaemonSet\nmetadata: {name: d}\n"
        + "spec: {template: {spec: {hostNetwork: true}}}").get(0);
    assertThat(pod.spec().tolerations()).hasSize(7).last().isEqualTo(
        new Toleration("node.kubernetes.io/network-unavailable", "Exists", null, "NoSchedule",
            null));
  }

  @Test
  void aMatchingTolerationIsReplacedInPlaceNotRepeated() {
    Pod pod = expand("""
        kind: DaemonSet
        metadata: {name: d}
        spec:
          template:
            spec:
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute,
                 tolerationSeconds: 30}
              - {key: dedicated, operator: Equal, value: infra, effect: NoSchedule}
        """).get(0);
    List<Toleration> t = pod.spec().tolerations();
    assertThat(t).hasSize(7);
    assertThat(t.get(0)).isEqualTo(new Toleration(
        "node.kubernetes.io/unreachable", "Exists", null, "NoExecute", null));
    assertThat(t.get(1).key()).isEqualTo("dedicated");
    assertThat(t.get(2).key()).isEqualTo("node.kubernetes.io/not-ready");
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("negative replicas", "kind: Deployment\nmetadata: {name: w, namespace: n}\n"
            + "spec: {replicas: -2}",
            "Deployment n/w: spec.replicas: Invalid value: -2: must be greater than or equal to 0"),
        Arguments.of("negative parallelism", "kind: Job\nmetadata: {name: j}\n"
            + "spec: {parallelism: -1}", "Job default/j: spec.parallelism: Invalid value: -1"),
        Arguments.of("indexed Job without completions", "kind: Job\nmetadata: {name: j}\n"
            + "spec: {completionMode: Indexed}",
            "Job default/j: spec.completions: Required value: when completion mode is Indexed"),
        Arguments.of("workload without name", "kind: StatefulSet\nmetadata: {namespace: n}",
            "StatefulSet in namespace n: metadata.name: Required value"),
        Arguments.of("pod without name", "kind: Pod\nmetadata: {namespace: n}",
            "Pod in namespace n: metadata.name: Required value: name or generateName is required"),
        Arguments.of("duplicate pods", "kind: Pod\nmetadata: {name: p}\n---\n"
            + "kind: Pod\nmetadata: {name: p, namespace: default}",
            "Pod default/p: metadata.name: Duplicate value"),
        Arguments.of("StatefulSet pod clashing with a pod",
            "kind: Pod\nmetadata: {name: db-0}\n---\nkind: StatefulSet\nmetadata: {name: db}",
            "StatefulSet default/db: its pod default/db-0 has the name of another pod"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInput(String name, String yaml, String message) {
    assertThatThrownBy(() -> expand(yaml))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void expandedPodsNameTheirOrigin() {
    List<WorkloadExpander.Expanded> e = new WorkloadExpander(0).expand(objects("""
        kind: Pod
        metadata: {name: p, namespace: a}
        ---
        kind: StatefulSet
        metadata: {name: s, namespace: b}
        """), nodes());
    assertThat(e).extracting(WorkloadExpander.Expanded::origin)
        .containsExactly("Pod a/p", "StatefulSet b/s");
    assertThat(e).extracting(WorkloadExpander.Expanded::specField)
        .containsExactly("spec", "spec.template.spec");
  }
}
