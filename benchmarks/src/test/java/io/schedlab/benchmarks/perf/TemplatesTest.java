package io.schedlab.benchmarks.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplatesTest {
  /** Every pod template the catalog uses, with the fields its workload depends on. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pod-default.yaml,                           pod-,                         100, 0,     ",
    "pod-with-pod-anti-affinity.yaml,            anti-affinity-pod-,           100, 0,     green",
    "pod-with-pod-affinity.yaml,                 affinity-pod-,                100, 0,     blue",
    "pod-with-preferred-pod-affinity.yaml,       preferred-affinity-pod-,      100, 0,     red",
    "pod-with-preferred-pod-anti-affinity.yaml,  preferred-anti-affinity-pod-, 100, 0,     yellow",
    "pod-with-node-affinity.yaml,                node-affinity-,               100, 0,     ",
    "pod-with-topology-spreading.yaml,           spreading-pod-,               100, 0,     blue",
    "pod-with-preferred-topology-spreading.yaml, spreading-pod-,               100, 0,     blue",
    "pod-low-priority.yaml,                      pod-,                         900, 0,     ",
    "pod-high-priority-large-cpu.yaml,           pod-h-,                      9000, 10,    ",
    "default_preemption/pod-high-priority.yaml,  pod-high-priority-,          3970, 10000, ",
    "daemonset-pod.yaml,                         daemonset-,                     0, 0,     ",
  })
  void podTemplateParses(String file, String generateName, long cpuMilli, int priority, String color) {
    Pod p = Templates.pod(file);
    assertThat(p.metadata().generateName()).isEqualTo(generateName);
    assertThat(p.metadata().name()).isNull();
    Container c = p.spec().containers().get(0);
    long cpu = c.resources().requests().containsKey("cpu") ? c.resources().requests().get("cpu").milliValue() : 0;
    assertThat(cpu).isEqualTo(cpuMilli);
    int prio = p.spec().priority() == null ? 0 : p.spec().priority();
    assertThat(prio).isEqualTo(priority);
    assertThat(p.metadata().labels().get("color")).isEqualTo(color);
  }

  @Test
  void affinityTemplatesCarryTheirTerms() {
    assertThat(Templates.pod("pod-with-pod-anti-affinity.yaml").spec().affinity().podAntiAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution().get(0).topologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(Templates.pod("pod-with-pod-affinity.yaml").spec().affinity().podAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution().get(0).namespaces()).containsExactly("sched-1", "sched-0");
    assertThat(Templates.pod("pod-with-topology-spreading.yaml").spec().topologySpreadConstraints().get(0).whenUnsatisfiable())
        .isEqualTo("DoNotSchedule");
    assertThat(Templates.pod("daemonset-pod.yaml").spec().affinity().nodeAffinity()
        .requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms().get(0).matchFields().get(0).values())
        .containsExactly("scheduler-perf-node");
  }

  @Test
  void nodeTemplatesAndBuiltInsParse() {
    Node named = Templates.node("node-with-name.yaml");
    assertThat(named.metadata().name()).isEqualTo("scheduler-perf-node");
    assertThat(named.status().capacity().get("pods").value()).isEqualTo(90000);
    Node def = Templates.node("node-default.yaml");
    assertThat(def.metadata().generateName()).isEqualTo("scheduler-perf-");
    assertThat(def.status().capacity().get("cpu").value()).isEqualTo(4);
    assertThat(def.status().allocatable()).isEmpty();
    Node base = Templates.baseNode();
    assertThat(base.status().allocatable()).isEqualTo(base.status().capacity());
    assertThat(base.status().allocatable().get("memory").value()).isEqualTo(32L << 30);
    assertThat(base.status().isReady()).isTrue();
    Pod pod = Templates.basePod();
    assertThat(pod.spec().containers().get(0).resources().limits().get("memory").value()).isEqualTo(500L << 20);
  }

  @Test
  void wrongKindOrMissingFileIsAOneLineError() {
    assertThatThrownBy(() -> Templates.node("pod-default.yaml"))
        .hasMessage("scheduler_perf template pod-default.yaml: expected kind Node, found Pod");
    assertThatThrownBy(() -> Templates.pod("nope.yaml"))
        .hasMessage("scheduler_perf template nope.yaml: expected a file under scheduler_perf/templates/ on the classpath, found none");
  }

  @Test
  void gangTemplatesAreRenderedPerIndex() {
    Pod p = Templates.rendered("podgroup/gangscheduling/gang-pod.yaml", Pod.class, 7, 3);
    io.schedlab.api.PodGroup g = Templates.rendered("podgroup/gangscheduling/podgroup.yaml", io.schedlab.api.PodGroup.class, 2, 3);

    assertThat(p.metadata().name()).isEqualTo("test-gang-scheduling-7");
    assertThat(p.spec().schedulingGroup().podGroupName()).isEqualTo("gang-2");
    assertThat(g.metadata().name()).isEqualTo("gang-2");
    assertThat(g.apiVersion()).isEqualTo("scheduling.k8s.io/v1beta1");
    assertThat(g.minMember()).isEqualTo(3);
  }

  @Test
  void anUnknownTemplateExpressionIsAOneLineError() {
    assertThatThrownBy(() -> Templates.render("t.yaml", "a: {{.priority}}", 0, 3))
        .hasMessage("scheduler_perf template t.yaml: expected only {{.Index}}, {{.podsPerGroup}} and"
            + " {{DivideInt .Index .podsPerGroup}}, found {{.priority}}");
    assertThatThrownBy(() -> Templates.render("t.yaml", "a: {{DivideInt .Index .podsPerGroup}}", 0, 0))
        .hasMessage("scheduler_perf template t.yaml: DivideInt needs podsPerGroup > 0, got 0");
  }
}
