package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Pod;
import io.schedlab.api.StatefulSet;
import io.schedlab.api.StatefulSetSpec;
import io.schedlab.api.StatefulSetStatus;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatefulSetControllerTest {
  private static final Map<String, String> APP = Map.of("app", "db");

  private static StatefulSet set(int replicas, String policy, Integer minReadySeconds) {
    return StatefulSet.of(Harness.meta("db", 1), new StatefulSetSpec(replicas,
        Harness.selector(APP), Harness.template(APP), "db-svc", policy, minReadySeconds), null);
  }

  private static List<String> names(Harness h) {
    List<String> out = new ArrayList<>();
    for (Pod p : h.pods()) {
      out.add(p.metadata().name());
    }
    return out;
  }

  private static Pod pod(Harness h, String name) {
    return h.store.get(Pod.class, "default", name);
  }

  @Test
  void orderedReadyCreatesEachOrdinalOnlyAfterThePreviousIsRunningAndReady() {
    Harness h = new Harness(new StatefulSetController());
    h.store.create(set(3, null, null));
    h.settle();
    assertThat(names(h)).containsExactly("db-0");
    Pod p0 = pod(h, "db-0");
    assertThat(p0.spec().hostname()).isEqualTo("db-0");
    assertThat(p0.spec().subdomain()).isEqualTo("db-svc");
    assertThat(p0.metadata().labels()).containsEntry("statefulset.kubernetes.io/pod-name", "db-0")
        .containsEntry("apps.kubernetes.io/pod-index", "0");
    // Running but not ready is not enough.
    h.store.update(Pod.class, "default", "db-0",
        p -> p.withStatus(p.status().withPhase("Running")));
    h.settle();
    assertThat(names(h)).containsExactly("db-0");
    h.runFor(3 * S);
    h.runReady(pod(h, "db-0"), "n1");
    h.settle();
    assertThat(names(h)).containsExactly("db-0", "db-1");
    assertThat(h.actions("create_pod").get(1).seconds()).isEqualTo(3.0);
    h.runReady(pod(h, "db-1"), "n1");
    h.settle();
    h.runReady(pod(h, "db-2"), "n1");
    h.settle();
    assertThat(h.store.get(StatefulSet.class, "default", "db").status())
        .isEqualTo(new StatefulSetStatus(1L, 3, 3, 3, 3, 3));
  }

  @Test
  void orderedReadyScalesDownFromTheHighestOrdinalOneAtATime() {
    Harness h = new Harness(new StatefulSetController());
    h.store.create(set(3, "Parallel", null));
    h.settle();
    for (String n : List.of("db-0", "db-1", "db-2")) {
      h.runReady(pod(h, n), "n1");
    }
    h.settle();
    h.store.update(StatefulSet.class, "default", "db",
        s -> s.withSpec(new StatefulSetSpec(1, s.spec().selector(), s.spec().template(),
            "db-svc", "OrderedReady", null)));
    h.settle();
    List<String> deleted = new ArrayList<>();
    for (SimEvent e : h.actions("delete_pod")) {
      deleted.add(e.pod());
    }
    assertThat(deleted).containsExactly("default/db-2", "default/db-1");
    assertThat(names(h)).containsExactly("db-0");
  }

  @Test
  void parallelCreatesAllAtOnce() {
    Harness h = new Harness(new StatefulSetController());
    h.store.create(set(4, "Parallel", null));
    h.settle();
    assertThat(names(h)).containsExactly("db-0", "db-1", "db-2", "db-3");
  }

  @Test
  void failedPodIsReplacedUnderTheSameName() {
    Harness h = new Harness(new StatefulSetController());
    h.store.create(set(2, "Parallel", null));
    h.settle();
    String oldUid = pod(h, "db-1").metadata().uid();
    h.runFor(7 * S);
    h.setPhase(pod(h, "db-1"), "Failed");
    h.settle();
    assertThat(names(h)).containsExactly("db-0", "db-1");
    assertThat(pod(h, "db-1").metadata().uid()).isNotEqualTo(oldUid);
    assertThat(h.actions("delete_pod")).singleElement()
        .satisfies(e -> assertThat(e.seconds()).isEqualTo(7.0));
  }

  @Test
  void orderedReadyWaitsForMinReadySeconds() {
    Harness h = new Harness(new StatefulSetController());
    h.store.create(set(2, null, 5));
    h.settle();
    h.runReady(pod(h, "db-0"), "n1");
    h.settle();
    h.loop.runUntil(5 * S);
    assertThat(names(h)).containsExactly("db-0");
    h.loop.runUntil(5 * S + 1);
    assertThat(names(h)).containsExactly("db-0", "db-1");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"db-0, 0", "db-12, 12", "db-, -1", "db-01, -1", "db-x, -1", "other-1, -1"})
  void ordinalParsing(String name, int want) {
    assertThat(StatefulSetController.ordinal(name, "db-")).isEqualTo(want);
  }
}
