package io.schedlab.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Container;
import io.schedlab.api.Deployment;
import io.schedlab.api.GenericObject;
import io.schedlab.api.IntOrString;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Namespace;
import io.schedlab.api.Node;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.PriorityClass;
import io.schedlab.api.Quantity;
import io.schedlab.api.Service;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KubeCodecTest {

  static Path manifest(String name) {
    try {
      return Path.of(KubeCodecTest.class.getResource("/manifests/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T only(Class<T> type, String file) {
    List<KubeObject> objects = KubeCodec.readAll(manifest(file));
    assertThat(objects).hasSize(1);
    return type.cast(objects.get(0));
  }

  @Test
  void readsAPodWithItsSchedulingFields() {
    Pod pod = only(Pod.class, "pod.yaml");
    assertThat(pod.key()).isEqualTo("shop/web-0");
    assertThat(pod.metadata().labels()).containsExactly(Map.entry("app", "web"),
        Map.entry("tier", "frontend"));
    assertThat(pod.metadata().controllerRef().kind()).isEqualTo("StatefulSet");
    assertThat(pod.spec().priority()).isEqualTo(1000);
    assertThat(pod.spec().overhead().get("cpu")).isEqualTo(Quantity.parse("250m"));
    assertThat(pod.spec().initContainers()).extracting(Container::restartPolicy)
        .containsExactly(null, "Always");
    Container app = pod.spec().containers().get(0);
    assertThat(app.resources().requests().get("cpu").milliValue()).isEqualTo(500);
    assertThat(app.resources().requests().get("memory").value()).isEqualTo(1L << 30);
    assertThat(app.resources().requests().get("nvidia.com/gpu").value()).isEqualTo(1);
    assertThat(app.resources().limits().get("cpu").toString()).isEqualTo("2");
    assertThat(app.ports().get(0).hostPort()).isEqualTo(80);
    assertThat(pod.spec().tolerations().get(1).tolerationSeconds()).isEqualTo(300L);
    var na = pod.spec().affinity().nodeAffinity();
    assertThat(na.requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms().get(0)
        .matchFields().get(0).values()).containsExactly("node-9");
    assertThat(na.preferredDuringSchedulingIgnoredDuringExecution().get(0).weight())
        .isEqualTo(10);
    var anti = pod.spec().affinity().podAntiAffinity();
    assertThat(anti.requiredDuringSchedulingIgnoredDuringExecution().get(0).topologyKey())
        .isEqualTo("kubernetes.io/hostname");
    assertThat(anti.preferredDuringSchedulingIgnoredDuringExecution().get(0).podAffinityTerm()
        .matchLabelKeys()).containsExactly("pod-template-hash");
    assertThat(pod.spec().affinity().podAffinity()).isNull();
    var spread = pod.spec().topologySpreadConstraints().get(0);
    assertThat(spread.maxSkew()).isEqualTo(1);
    assertThat(spread.minDomains()).isEqualTo(2);
    assertThat(spread.nodeTaintsPolicy()).isEqualTo("Ignore");
    assertThat(pod.spec().schedulingGates().get(0).name()).isEqualTo("example.com/quota");
    assertThat(pod.spec().resources()).isNull();
    assertThat(pod.status().phase()).isEqualTo("Pending");
    assertThat(pod.status().condition("PodScheduled").reason()).isEqualTo("SchedulingGated");
  }

  @Test
  void readsANode() {
    Node node = only(Node.class, "node.yaml");
    assertThat(node.spec().taints()).extracting(Object::toString)
        .containsExactly("node-role.kubernetes.io/master:NoSchedule",
            "dedicated=gpu:PreferNoSchedule");
    assertThat(node.status().capacity().get("cpu").value()).isEqualTo(64);
    assertThat(node.status().allocatable().get("cpu").milliValue()).isEqualTo(63500);
    assertThat(node.status().allocatable().get("memory").toString()).isEqualTo("250Gi");
    assertThat(node.status().allocatable().get("pods").value()).isEqualTo(110);
    assertThat(node.status().capacity().keySet()).containsExactly("cpu", "memory",
        "ephemeral-storage", "pods", "nvidia.com/gpu");
    assertThat(node.status().images().get(0).sizeBytes()).isEqualTo(744000L);
    assertThat(node.status().nodeInfo().kubeletVersion()).isEqualTo("v1.31.0");
    assertThat(node.metadata().labels().get("node-role.kubernetes.io/master")).isEmpty();
  }

  @Test
  void readsMultiDocumentYamlSkippingEmptyDocuments() {
    List<KubeObject> objects = KubeCodec.readAll(manifest("multi.yaml"));
    assertThat(objects).extracting(KubeObject::kind)
        .containsExactly("Namespace", "Pod", "Deployment");
    Deployment d = (Deployment) objects.get(2);
    assertThat(d.spec().replicas()).isEqualTo(3);
    assertThat(d.spec().strategy().rollingUpdate().maxUnavailable())
        .isEqualTo(IntOrString.ofString("25%"));
    assertThat(d.spec().strategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.ofInt(1));
    assertThat(d.spec().template().spec().containers().get(0).image()).isEqualTo("nginx");
  }

  @Test
  void expandsListsRecursively() {
    List<KubeObject> objects = KubeCodec.readAll(manifest("list.yaml"));
    assertThat(objects).extracting(KubeObject::key).containsExactly("n1", "high", "nested");
    assertThat(((PriorityClass) objects.get(1)).value()).isEqualTo(1000);
    assertThat(objects.get(2)).isInstanceOf(Pod.class);
  }

  @Test
  void typedListItemsTakeTheirKindFromTheList() {
    List<KubeObject> objects = KubeCodec.readAll(manifest("podlist.json"));
    assertThat(objects).extracting(KubeObject::key)
        .containsExactly("default/p1", "default/p2");
    Pod p1 = (Pod) objects.get(0);
    assertThat(p1.apiVersion()).isEqualTo("v1");
    assertThat(p1.spec().containers().get(0).resources().requests().get("cpu").toString())
        .isEqualTo("250m");
    assertThat(((Pod) objects.get(1)).spec().nodeName()).isEqualTo("n1");
  }

  @Test
  void ignoresUnknownFieldsAtEveryLevel() {
    Pod pod = only(Pod.class, "unknown-fields.yaml");
    assertThat(pod.metadata().name()).isEqualTo("extra");
    assertThat(pod.spec().containers().get(0).resources().requests().get("cpu").value())
        .isEqualTo(1);
  }

  @Test
  void unknownKindsStayWhole() {
    GenericObject sc = only(GenericObject.class, "storageclass.yaml");
    assertThat(sc.kind()).isEqualTo("StorageClass");
    assertThat(sc.apiVersion()).isEqualTo("storage.k8s.io/v1");
    assertThat(sc.metadata().name()).isEqualTo("fast");
    assertThat(sc.body().get("volumeBindingMode").asText()).isEqualTo("WaitForFirstConsumer");
    String yaml = KubeCodec.toYaml(sc.withMetadata(sc.metadata().withName("slow")));
    GenericObject back = (GenericObject) KubeCodec.readAllText(yaml, "sc").get(0);
    assertThat(back.metadata().name()).isEqualTo("slow");
    assertThat(back.body().get("parameters").get("type").asText()).isEqualTo("ssd");
    // metadata fields the model does not know survive
    assertThat(back.body().get("metadata").get("managedFields").get(0).get("manager").asText())
        .isEqualTo("kubectl");
  }

  @Test
  void readsAFolderInPathOrderSkippingNonManifests() {
    ReadResult r = KubeCodec.readAllWithWarnings(manifest("folder"));
    assertThat(r.objects()).extracting(KubeObject::key)
        .containsExactly("p1", "p2", "n1", "n2", "default/svc");
    assertThat(r.objects().get(2)).isInstanceOf(Node.class);
    assertThat(r.warnings()).singleElement().asString()
        .endsWith("tool-data.json: skipped, holds no Kubernetes object (no \"kind\" field)");
    Service svc = (Service) r.objects().get(4);
    assertThat(svc.spec().ports().get(0).targetPort()).isEqualTo(IntOrString.ofString("http"));
    assertThat(svc.spec().ports().get(1).targetPort()).isEqualTo(IntOrString.ofInt(8443));
    assertThat(KubeCodec.readAll(manifest("folder"))).hasSize(5);
  }

  @Test
  void singleFileWithoutKindIsAnError() {
    assertThatThrownBy(() -> KubeCodec.readAll(manifest("no-kind.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessageEndingWith("no-kind.yaml: document 1: missing \"kind\"");
  }

  @Test
  void badQuantityNamesFileDocumentAndPath() {
    assertThatThrownBy(() -> KubeCodec.readAll(manifest("bad-quantity.yaml")))
        .isInstanceOfSatisfying(ManifestException.class, e -> {
          assertThat(e.file()).endsWith("bad-quantity.yaml");
          assertThat(e.location())
              .isEqualTo("document 2, spec.containers[0].resources.requests.cpu");
          assertThat(e.getMessage()).isEqualTo(e.file()
              + ": document 2, spec.containers[0].resources.requests.cpu: quantities must match"
              + " the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$',"
              + " got \"12x\"");
        });
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("wrong-type.yaml", "document 1, spec.priority",
            "expected an integer, got a string \"high\""),
        Arguments.of("wrong-type-list.yaml", "document 1, spec.taints",
            "expected a list, got an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypeNamesPathAndExpectation(String file, String location, String detail) {
    assertThatThrownBy(() -> KubeCodec.readAll(manifest(file)))
        .isInstanceOfSatisfying(ManifestException.class, e -> {
          assertThat(e.location()).isEqualTo(location);
          assertThat(e.getMessage()).endsWith(file + ": " + location + ": " + detail);
        });
  }

  static Stream<Arguments> typeErrorsInText() {
    return Stream.of(
        Arguments.of("{kind: Pod, metadata: {name: 5}}", "metadata.name",
            "expected a string, got the number 5"),
        Arguments.of("{kind: Pod, metadata: {labels: {a: true}}}", "metadata.labels.a",
            "expected a string, got true"),
        Arguments.of("{kind: Pod, spec: {priority: 1.5}}", "spec.priority",
            "expected an integer, got the number 1.5"),
        Arguments.of("{kind: Pod, spec: {priority: 99999999999}}", "spec.priority",
            "expected a 32-bit integer, got 99999999999"),
        Arguments.of("{kind: Pod, spec: {hostNetwork: \"true\"}}", "spec.hostNetwork",
            "expected a boolean, got a string \"true\""),
        Arguments.of(
            "{kind: Pod, spec: {containers: [{resources: {requests: {nvidia.com/gpu: [1]}}}]}}",
            "spec.containers[0].resources.requests[\"nvidia.com/gpu\"]",
            "expected a quantity (string or number), got a list"),
        Arguments.of("{kind: PodDisruptionBudget, spec: {minAvailable: {a: 1}}}",
            "spec.minAvailable", "expected an integer or a string, got an object"),
        Arguments.of("{kind: Node, spec: {taints: [{key: a}, 5]}}", "spec.taints[1]",
            "expected an object, got the number 5"),
        Arguments.of("{kind: 5}", "kind", "expected a string, got the number 5"),
        Arguments.of("[1, 2]", null, "expected a Kubernetes object, got a list"),
        Arguments.of("- 1\n- 2\n", null, "expected a Kubernetes object, got a list"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("typeErrorsInText")
  void typeErrorsInText(String text, String path, String detail) {
    assertThatThrownBy(() -> KubeCodec.readAllText(text, "in.yaml"))
        .isInstanceOfSatisfying(ManifestException.class, e -> {
          String location = path == null ? "document 1" : "document 1, " + path;
          assertThat(e.location()).isEqualTo(location);
          assertThat(e.getMessage()).isEqualTo("in.yaml: " + location + ": " + detail);
        });
  }

  @Test
  void malformedYamlGivesLineAndColumn() {
    assertThatThrownBy(() -> KubeCodec.readAll(manifest("malformed.yaml")))
        .isInstanceOfSatisfying(ManifestException.class, e -> {
          assertThat(e.location()).isEqualTo("7:4");
          assertThat(e.getMessage()).startsWith(e.file() + ":7:4: malformed YAML: ");
          assertThat(e.getMessage()).doesNotContain("\n");
        });
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    assertThatThrownBy(() -> KubeCodec.readAll(manifest("malformed.json")))
        .isInstanceOfSatisfying(ManifestException.class, e -> {
          assertThat(e.location()).startsWith("4:");
          assertThat(e.getMessage()).contains(": malformed JSON: ").doesNotContain("\n");
        });
  }

  @Test
  void duplicateKeyIsASyntaxError() {
    assertThatThrownBy(() -> KubeCodec.readAllText("kind: Pod\nkind: Node\n", "dup.yaml"))
        .hasMessage("dup.yaml:2:7: malformed YAML: duplicate key \"kind\"");
  }

  @Test
  void missingFileSaysSo(@TempDir Path dir) {
    Path missing = dir.resolve("pods.yaml");
    assertThatThrownBy(() -> KubeCodec.readAll(missing))
        .isInstanceOf(ManifestException.class)
        .hasMessage(missing + ": no such file or directory");
  }

  @Test
  void folderFileWithSomeDocumentsWithoutKindIsAnError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mixed.yaml"), "kind: Pod\n---\nfoo: bar\n");
    assertThatThrownBy(() -> KubeCodec.readAll(dir))
        .hasMessageEndingWith("mixed.yaml: document 2: missing \"kind\"");
  }

  @Test
  void readsOneTypedDocumentFromText() {
    Pod pod = KubeCodec.read("{\"metadata\": {\"name\": \"p\"}}", Pod.class);
    assertThat(pod.kind()).isEqualTo("Pod");
    assertThat(pod.apiVersion()).isEqualTo("v1");
    KubeObject any = KubeCodec.read("kind: Node\nmetadata: {name: n}\n", KubeObject.class);
    assertThat(any).isInstanceOf(Node.class);
    assertThatThrownBy(() -> KubeCodec.read("kind: Pod\n---\nkind: Pod\n", Pod.class))
        .hasMessage("expected exactly one document, found 2");
    assertThatThrownBy(() -> KubeCodec.read("spec: {priority: x}", Pod.class))
        .hasMessage("spec.priority: expected an integer, got a string \"x\"");
  }

  /** Every fixture object, which together cover every known kind and a generic one. */
  static Stream<Arguments> everyKind() {
    List<KubeObject> all = new ArrayList<>();
    for (String f : List.of("pod.yaml", "node.yaml", "multi.yaml", "list.yaml", "podlist.json",
        "storageclass.yaml", "kinds.yaml", "unknown-fields.yaml")) {
      all.addAll(KubeCodec.readAll(manifest(f)));
    }
    return all.stream().map(o -> Arguments.of(o.kind() + " " + o.key(), o));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void roundTripsThroughYaml(String name, KubeObject object) {
    String yaml = KubeCodec.toYaml(object);
    assertThat(KubeCodec.readAllText(yaml, name)).containsExactly(object);
    assertThat(KubeCodec.read(yaml, object.getClass())).isEqualTo(object);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKind")
  void roundTripsThroughJson(String name, KubeObject object) {
    String json = KubeCodec.toJson(object);
    assertThat(KubeCodec.readAllText(json, name)).containsExactly(object);
    assertThat(KubeCodec.read(KubeCodec.toPrettyJson(object), KubeObject.class))
        .isEqualTo(object);
  }

  @Test
  void everyKnownKindIsCoveredByTheRoundTrips() {
    List<String> kinds = everyKind().map(a -> ((KubeObject) a.get()[1]).kind()).toList();
    assertThat(kinds).containsAll(KubeKinds.kinds()).contains("StorageClass");
  }

  @Test
  void yamlListRoundTrips() {
    List<KubeObject> objects = KubeCodec.readAll(manifest("kinds.yaml"));
    String yaml = KubeCodec.toYamlList(objects);
    assertThat(yaml).startsWith("---\n");
    assertThat(KubeCodec.readAllText(yaml, "list")).containsExactlyElementsOf(objects);
  }

  @Test
  void writesKubectlStyleYaml() {
    Pod pod = Pod.of(ObjectMeta.named("default", "p").withLabels(Map.of("on", "true")), null,
        null);
    assertThat(KubeCodec.toYaml(pod)).isEqualTo("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: default
          labels:
            "on": "true"
        spec: {}
        status: {}
        """);
    assertThat(KubeCodec.toJson(Namespace.of(ObjectMeta.named(null, "ns"), null)))
        .isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ns\"},"
            + "\"status\":{}}");
  }

  /** An empty selector (everything) must not collapse into an absent one (nothing). */
  @Test
  void emptyObjectsAndZeroValuesSurviveARoundTrip() {
    String yaml = """
        kind: Pod
        spec:
          priority: 0
          hostNetwork: false
          affinity:
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {}
                namespaceSelector: {}
                topologyKey: zone
        """;
    Pod pod = KubeCodec.read(yaml, Pod.class);
    Pod back = KubeCodec.read(KubeCodec.toYaml(pod), Pod.class);
    assertThat(back).isEqualTo(pod);
    assertThat(back.spec().priority()).isZero();
    assertThat(back.spec().hostNetwork()).isFalse();
    var term = back.spec().affinity().podAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution().get(0);
    assertThat(term.labelSelector()).isNotNull();
    assertThat(term.namespaceSelector()).isNotNull();
  }

  /**
   * Numbers pass through a JSON tree; their canonical form is that of their literal, except that
   * a literal with both a fraction and a negative exponent (1.5e-3) cannot be told from a plain
   * one once it is a BigDecimal and prints in decimal SI (upstream: 1500e-6): same value.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({"0.0000001, 100n, 100n", "0.5, 500m, 500m",
      "1e3, 1e3, 1e3", "1.5e-3, 1500u, 1500u", "64, 64, 64", "2.50, 2500m, 2500m"})
  void numericQuantitiesKeepTheirLiteralForm(String literal, String fromJson, String fromYaml) {
    String json = "{\"kind\": \"Node\", \"status\": {\"capacity\": {\"cpu\": " + literal
        + "}}}";
    Node node = (Node) KubeCodec.readAllText(json, "n.json").get(0);
    assertThat(node.status().capacity().get("cpu").toString()).isEqualTo(fromJson);
    Node yamlNode = (Node) KubeCodec.readAllText(
        "kind: Node\nstatus:\n  capacity:\n    cpu: " + literal + "\n", "n.yaml").get(0);
    assertThat(yamlNode.status().capacity().get("cpu").toString()).isEqualTo(fromYaml);
    assertThat(yamlNode.status().capacity().get("cpu"))
        .isEqualTo(node.status().capacity().get("cpu"));
  }

  @Test
  void intOrStringKeepsItsForm() {
    PodDisruptionBudget pdb = (PodDisruptionBudget) KubeCodec.readAll(manifest("kinds.yaml"))
        .get(2);
    assertThat(pdb.spec().minAvailable().isInt()).isFalse();
    assertThat(KubeCodec.toJson(pdb.spec())).contains("\"minAvailable\":\"50%\"");
    assertThat(KubeCodec.toJson(IntOrString.ofInt(3))).isEqualTo("3");
  }
}
