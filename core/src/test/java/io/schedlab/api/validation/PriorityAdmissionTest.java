package io.schedlab.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PriorityClass;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PriorityAdmissionTest {

  private static PriorityClass pc(String name, int value, Boolean globalDefault, String policy) {
    return PriorityClass.of(ObjectMeta.named(null, name), value, globalDefault, null, policy);
  }

  private static Pod pod(String className, Integer priority, String policy) {
    PodSpec spec = PodSpec.EMPTY.withPriorityClassName(className).withPriority(priority)
        .withPreemptionPolicy(policy);
    return Pod.of(ObjectMeta.named("ns", "p"), spec, null);
  }

  private static PriorityAdmission admission(PriorityClass... classes) {
    PriorityAdmission a = new PriorityAdmission();
    for (PriorityClass c : classes) {
      a.declare(c, "in.yaml");
    }
    return a;
  }

  static Stream<Arguments> resolved() {
    PriorityClass high = pc("high", 1000, false, null);
    PriorityClass never = pc("never", 50, null, "Never");
    PriorityClass low = pc("low", -5, true, null);
    PriorityClass lower = pc("lower", -10, true, null);
    return Stream.of(
        Arguments.of("no class, no default", admission(), pod(null, null, null),
            null, 0, "PreemptLowerPriority"),
        Arguments.of("no class, global default", admission(high, low), pod(null, null, null),
            "low", -5, "PreemptLowerPriority"),
        Arguments.of("named class", admission(high, low), pod("high", null, null),
            "high", 1000, "PreemptLowerPriority"),
        Arguments.of("class with preemptionPolicy Never", admission(never), pod("never", null, null),
            "never", 50, "Never"),
        Arguments.of("built-in system-cluster-critical", admission(),
            pod("system-cluster-critical", null, null),
            "system-cluster-critical", 2_000_000_000, "PreemptLowerPriority"),
        Arguments.of("built-in system-node-critical", admission(),
            pod("system-node-critical", null, null),
            "system-node-critical", 2_000_001_000, "PreemptLowerPriority"),
        Arguments.of("priority already equal to the class's", admission(high),
            pod("high", 1000, "PreemptLowerPriority"), "high", 1000, "PreemptLowerPriority"),
        Arguments.of("export of a built-in class is accepted",
            admission(pc("system-node-critical", 2_000_001_000, false, null)),
            pod("system-node-critical", null, null),
            "system-node-critical", 2_000_001_000, "PreemptLowerPriority"),
        Arguments.of("same class declared twice", admission(high, high), pod("high", null, null),
            "high", 1000, "PreemptLowerPriority"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resolved")
  void resolves(String name, PriorityAdmission a, Pod pod, String className, int priority,
      String policy) {
    Pod admitted = a.admit(pod, "Pod ns/p", "spec");
    assertThat(admitted.spec().priorityClassName()).isEqualTo(className);
    assertThat(admitted.spec().priority()).isEqualTo(priority);
    assertThat(admitted.spec().preemptionPolicy()).isEqualTo(policy);
  }

  @Test
  void twoDefaultsAreRefused() {
    // Upstream picks the lowest value if two defaults slip through a race; on create the
    // second one is refused, and that is what a file with two defaults gets.
    PriorityAdmission a = admission(pc("low", -5, true, null));
    assertThatThrownBy(() -> a.declare(pc("lower", -10, true, null), "in.yaml"))
        .isInstanceOf(AdmissionException.class)
        .hasMessage("in.yaml: PriorityClass lower: PriorityClass low is already marked as "
            + "default. Only one default can exist");
  }

  static Stream<Arguments> refusedPods() {
    return Stream.of(
        Arguments.of("unknown class", pod("gold", null, null),
            "Pod ns/p: spec.priorityClassName: no PriorityClass with name gold was found"),
        Arguments.of("priority that disagrees", pod("high", 7, null),
            "Pod ns/p: spec.priority: the integer value of priority (7) must not be provided in "
                + "pod spec; priority admission controller computed 1000 from the given "
                + "PriorityClass name"),
        Arguments.of("priority without a class", pod(null, 7, null),
            "Pod ns/p: spec.priority: the integer value of priority (7) must not be provided in "
                + "pod spec; priority admission controller computed 0"),
        Arguments.of("preemptionPolicy that disagrees", pod("high", null, "Never"),
            "Pod ns/p: spec.preemptionPolicy: the string value of PreemptionPolicy (Never) must "
                + "not be provided in pod spec; priority admission controller computed "
                + "PreemptLowerPriority from the given PriorityClass name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPods")
  void refusesPod(String name, Pod pod, String message) {
    PriorityAdmission a = admission(pc("high", 1000, false, null));
    assertThatThrownBy(() -> a.admit(pod, "Pod ns/p", "spec"))
        .isInstanceOf(AdmissionException.class)
        .hasMessageStartingWith(message);
  }

  static Stream<Arguments> refusedClasses() {
    return Stream.of(
        Arguments.of("unknown system- name", pc("system-mine", 10, false, null),
            "in.yaml: PriorityClass system-mine: metadata.name: Forbidden: priority class names "
                + "with 'system-' prefix are reserved for system use only. error: system-mine is "
                + "not a known system priority class"),
        Arguments.of("built-in name with another value", pc("system-node-critical", 1, false, null),
            "in.yaml: PriorityClass system-node-critical: metadata.name: Forbidden: priority "
                + "class names with 'system-' prefix are reserved for system use only. error: "
                + "value of system-node-critical PriorityClass must be 2000001000"),
        Arguments.of("value above the user maximum", pc("huge", 1_000_000_001, false, null),
            "in.yaml: PriorityClass huge: value: Forbidden: maximum allowed value of a user "
                + "defined priority is 1000000000"),
        Arguments.of("unknown preemptionPolicy", pc("odd", 1, false, "Sometimes"),
            "in.yaml: PriorityClass odd: preemptionPolicy: Unsupported value: \"Sometimes\""),
        Arguments.of("same name, other value", pc("high", 999, false, null),
            "in.yaml: PriorityClass high: metadata.name: Duplicate value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedClasses")
  void refusesClass(String name, PriorityClass pc, String message) {
    PriorityAdmission a = admission(pc("high", 1000, false, null));
    assertThatThrownBy(() -> a.declare(pc, "in.yaml"))
        .isInstanceOf(AdmissionException.class)
        .hasMessageStartingWith(message);
  }
}
