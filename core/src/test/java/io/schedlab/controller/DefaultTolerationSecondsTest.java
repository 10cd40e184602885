package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Toleration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultTolerationSecondsTest {
  private static final String NR = NodeLifecycleController.TAINT_NOT_READY;
  private static final String UR = NodeLifecycleController.TAINT_UNREACHABLE;
  private static final Toleration DEFAULT_NR = new Toleration(NR, "Exists", null, "NoExecute", 300L);
  private static final Toleration DEFAULT_UR = new Toleration(UR, "Exists", null, "NoExecute", 300L);

  static Stream<Arguments> cases() {
    Toleration all = new Toleration(null, "Exists", null, null, null);
    Toleration nr = new Toleration(NR, "Exists", null, "NoExecute", 10L);
    Toleration urNoSchedule = new Toleration(UR, "Exists", null, "NoSchedule", null);
    Toleration anyKeyNoExecute = new Toleration("", "Exists", null, "NoExecute", 5L);
    return Stream.of(
        Arguments.of("none: both defaults appended", List.of(), List.of(DEFAULT_NR, DEFAULT_UR)),
        Arguments.of("tolerate everything: nothing added", List.of(all), List.of(all)),
        Arguments.of("own not-ready: only unreachable added", List.of(nr),
            List.of(nr, DEFAULT_UR)),
        Arguments.of("unreachable NoSchedule does not count", List.of(urNoSchedule),
            List.of(urNoSchedule, DEFAULT_NR, DEFAULT_UR)),
        Arguments.of("empty key with NoExecute covers both", List.of(anyKeyNoExecute),
            List.of(anyKeyNoExecute)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void addsTheDefaultTolerationsOnCreate(String name, List<Toleration> given,
      List<Toleration> expected) {
    Harness h = new Harness().start(new DefaultTolerationSeconds());
    Pod created = h.store.create(Pod.of(ObjectMeta.named("default", "p"),
        PodSpec.EMPTY.withTolerations(given), null));
    assertThat(created.spec().tolerations()).containsExactlyElementsOf(expected);
  }
}
