package io.schedlab.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Namespace;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Service;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticHandleTest {
  private final ResourceRegistry resources = new ResourceRegistry();
  private final LabelInterner labels = new LabelInterner();

  private StaticHandle handle() {
    NodeInfo n = new NodeInfo();
    n.setNode(NodeBuilder.node("n1").build(), resources, labels);
    return new StaticHandle(new OneNode(n), resources, labels);
  }

  private PodInfo pod(String name, int priority) {
    return new PodInfo(PodBuilder.pod(name).priority(priority).build(), resources, labels);
  }

  @Test
  void nominatedPodsComeHighestPriorityFirstThenInNominationOrder() {
    StaticHandle h = handle()
        .addNominatedPod(pod("low", 1), "n1")
        .addNominatedPod(pod("high", 9), "n1")
        .addNominatedPod(pod("low-too", 1), "n1")
        .addNominatedPod(pod("elsewhere", 5), "n2");
    assertThat(h.nominatedPodsForNode("n1")).extracting(PodInfo::name).containsExactly("high", "low", "low-too");
    assertThat(h.nominatedPodsForNode("n3")).isEmpty();
  }

  @Test
  void theClientRecordsWhatPluginsAskFor() {
    StaticHandle h = handle();
    PodInfo victim = pod("victim", 0);
    PodInfo preemptor = pod("preemptor", 10);
    assertThat(h.client().deletePod(victim.pod()).isSuccess()).isTrue();
    h.client().setNominatedNodeName(preemptor.pod(), "n1");
    h.client().setNominatedNodeName(victim.pod(), "n1");
    h.client().setNominatedNodeName(victim.pod(), "");
    h.client().bind(preemptor, "n1");
    assertThat(h.client().deletedPods()).containsExactly(victim.pod());
    assertThat(h.client().nominations()).containsExactly(
        Map.entry("default/preemptor", "n1"), new AbstractMap.SimpleEntry<>("default/victim", null));
    assertThat(h.client().bindings()).containsExactly(Map.entry("default/preemptor", "n1"));
  }

  @Test
  void objectsAreListedByTypeAndNamespaceSortedByNamespaceThenName() {
    List<KubeObject> objects = List.of(
        new Service(null, null, ObjectMeta.named("b", "s2"), null, null),
        new Service(null, null, ObjectMeta.named("a", "s9"), null, null),
        new Service(null, null, ObjectMeta.named("b", "s1"), null, null),
        new Namespace(null, null, ObjectMeta.named(null, "a"), null));
    StaticHandle h = handle().setObjects(new StaticObjectLister(objects));
    assertThat(h.objects().list(Service.class, null)).extracting(KubeObject::key)
        .containsExactly("a/s9", "b/s1", "b/s2");
    assertThat(h.objects().list(Service.class, "b")).extracting(KubeObject::key).containsExactly("b/s1", "b/s2");
    assertThat(h.objects().list(Namespace.class, "")).extracting(KubeObject::key).containsExactly("a");
    assertThat(h.objects().get(Service.class, "a", "s9")).isNotNull();
    assertThat(h.objects().get(Service.class, "b", "s9")).isNull();
    assertThat(h.objects().get(Namespace.class, null, "a")).isNotNull();
  }

  @Test
  void theSameSeedGivesTheSameRandomSequence() {
    long[] first = {handle().setSeed(4).random().nextLong(), handle().setSeed(4).random().nextLong()};
    assertThat(first[0]).isEqualTo(first[1]);
    assertThat(handle().setSeed(5).random().nextLong()).isNotEqualTo(first[0]);
  }

  @Test
  void aWorldWithoutAProfileHasNoFilterRunner() {
    assertThatThrownBy(() -> handle().filterRunner())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no profile");
  }

  @Test
  void compileUsesTheWorldsRegistryAndInterner() {
    StaticHandle h = handle();
    PodInfo p = h.compile(PodBuilder.pod("p").container("c").req("example.com/gpu", "2").build());
    assertThat(p.request(resources.find("example.com/gpu"))).isEqualTo(2);
    assertThat(h.snapshot().get("n1")).isNotNull();
    assertThat(h.waitingPod("any")).isNull();
  }

  /** A one-node lister, so this test needs nothing from the scheduler package. */
  private record OneNode(NodeInfo node) implements NodeInfoLister {
    @Override
    public List<NodeInfo> list() {
      return List.of(node);
    }

    @Override
    public List<NodeInfo> havePodsWithAffinity() {
      return List.of();
    }

    @Override
    public List<NodeInfo> havePodsWithRequiredAntiAffinity() {
      return List.of();
    }

    @Override
    public NodeInfo get(String nodeName) {
      return node.name().equals(nodeName) ? node : null;
    }

    @Override
    public int size() {
      return 1;
    }
  }
}
