package io.schedlab.api.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases from k8s.io/api core/v1 toleration_test.go (TestTolerationToleratesTaint) and
 * component-helpers scheduling/corev1 helpers_test.go (TestFindMatchingUntoleratedTaint).
 */
class TolerationsTest {
  private static final String NO_SCHEDULE = Taint.NO_SCHEDULE;
  private static final String NO_EXECUTE = Taint.NO_EXECUTE;
  private static final String SLA = "node.kubernetes.io/sla";

  private static Toleration tol(String key, String op, String value, String effect) {
    return new Toleration(key, op, value, effect, null);
  }

  private static Taint taint(String key, String value, String effect) {
    return Taint.of(key, value, effect);
  }

  /** Upstream TestTolerationToleratesTaint, plus the rules its doc comment states. */
  static Stream<Arguments> toleratesTaint() {
    return Stream.of(
        Arguments.of("same key and effect, Exists, taint has no value",
            tol("foo", "Exists", null, NO_SCHEDULE), taint("foo", null, NO_SCHEDULE), true),
        Arguments.of("same key and effect, Exists, taint has some value",
            tol("foo", "Exists", null, NO_SCHEDULE), taint("foo", "bar", NO_SCHEDULE), true),
        Arguments.of("same effect, empty key and Exists matches all taints",
            tol("", "Exists", null, NO_SCHEDULE), taint("foo", "bar", NO_SCHEDULE), true),
        Arguments.of("same key, effect and value, Equal",
            tol("foo", "Equal", "bar", NO_SCHEDULE), taint("foo", "bar", NO_SCHEDULE), true),
        Arguments.of("same key and effect, different values, Equal",
            tol("foo", "Equal", "value1", NO_SCHEDULE), taint("foo", "value2", NO_SCHEDULE),
            false),
        Arguments.of("same key and value, different effects, Equal",
            tol("foo", "Equal", "bar", NO_SCHEDULE), taint("foo", "bar", NO_EXECUTE), false),
        Arguments.of("empty operator means Equal",
            tol("foo", "", "bar", NO_SCHEDULE), taint("foo", "bar", NO_SCHEDULE), true),
        Arguments.of("empty operator compares values",
            tol("foo", null, "baz", NO_SCHEDULE), taint("foo", "bar", NO_SCHEDULE), false),
        Arguments.of("empty effect matches every effect",
            tol("foo", "Exists", null, ""), taint("foo", "bar", NO_EXECUTE), true),
        Arguments.of("empty key and empty effect with Exists tolerates everything",
            tol(null, "Exists", null, null), taint("any", "thing", "PreferNoSchedule"), true),
        Arguments.of("different key",
            tol("foo", "Exists", null, NO_SCHEDULE), taint("bar", null, NO_SCHEDULE), false),
        Arguments.of("unknown operator tolerates nothing",
            tol("foo", "Like", "bar", NO_SCHEDULE), taint("foo", "bar", NO_SCHEDULE), false),
        Arguments.of("Gt is not supported without the feature gate",
            tol(SLA, "Gt", "750", NO_SCHEDULE), taint(SLA, "950", NO_SCHEDULE), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("toleratesTaint")
  void tolerates(String name, Toleration t, Taint taint, boolean want) {
    assertThat(Tolerations.tolerates(t, taint)).isEqualTo(want);
  }

  /** Upstream TestTolerationToleratesTaint, the Gt/Lt rows (feature gate on). */
  static Stream<Arguments> comparisonOperators() {
    return Stream.of(
        Arguments.of("Gt, taint value less than toleration value",
            tol(SLA, "Gt", "950", NO_SCHEDULE), taint(SLA, "800", NO_SCHEDULE), false),
        Arguments.of("Gt, taint value greater than toleration value",
            tol(SLA, "Gt", "750", NO_SCHEDULE), taint(SLA, "950", NO_SCHEDULE), true),
        Arguments.of("Lt, taint value greater than toleration value",
            tol(SLA, "Lt", "800", NO_SCHEDULE), taint(SLA, "950", NO_SCHEDULE), false),
        Arguments.of("Lt, taint value less than toleration value",
            tol(SLA, "Lt", "950", NO_SCHEDULE), taint(SLA, "800", NO_SCHEDULE), true),
        Arguments.of("Gt and equal numeric value",
            tol(SLA, "Gt", "950", NO_SCHEDULE), taint(SLA, "950", NO_SCHEDULE), false),
        Arguments.of("Gt and non-numeric taint value",
            tol(SLA, "Gt", "950", NO_SCHEDULE), taint(SLA, "high", NO_SCHEDULE), false),
        Arguments.of("Gt and negative values, taint value less than threshold",
            tol("test-key", "Gt", "-100", NO_SCHEDULE), taint("test-key", "-200", NO_SCHEDULE),
            false),
        Arguments.of("Gt and large int64 values, taint value less than threshold",
            tol("test-key", "Gt", "9223372036854775806", NO_SCHEDULE),
            taint("test-key", "100", NO_SCHEDULE), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisonOperators")
  void comparisonOperators(String name, Toleration t, Taint taint, boolean want) {
    assertThat(Tolerations.tolerates(t, taint, true)).isEqualTo(want);
  }

  /** Upstream TestFindMatchingUntoleratedTaint. */
  static Stream<Arguments> findMatchingUntoleratedTaint() {
    Predicate<Taint> all = t -> true;
    Toleration fooNoSchedule = tol("foo", "Exists", null, NO_SCHEDULE);
    return Stream.of(
        Arguments.of("empty tolerations tolerate empty taints", List.of(), List.of(), all,
            false, true),
        Arguments.of("non-empty tolerations tolerate empty taints", List.of(fooNoSchedule),
            List.of(), all, false, true),
        Arguments.of("tolerations match all taints", List.of(fooNoSchedule),
            List.of(taint("foo", null, NO_SCHEDULE)), all, false, true),
        Arguments.of("tolerations don't match taints, but no taints apply to the filter",
            List.of(fooNoSchedule), List.of(taint("bar", null, NO_SCHEDULE)),
            (Predicate<Taint>) t -> false, false, true),
        Arguments.of("no filterFunc means all taints apply, tolerations don't match",
            List.of(fooNoSchedule), List.of(taint("bar", null, NO_SCHEDULE)), null, false,
            false),
        Arguments.of("tolerations match taints",
            List.of(tol("foo", "Exists", null, NO_EXECUTE)),
            List.of(taint("foo", null, NO_EXECUTE), taint("bar", null, NO_SCHEDULE)),
            (Predicate<Taint>) t -> NO_EXECUTE.equals(t.effect()), false, true),
        Arguments.of("numeric Gt with taint value below threshold",
            List.of(tol(SLA, "Gt", "950", NO_SCHEDULE)), List.of(taint(SLA, "800", NO_SCHEDULE)),
            all, true, false),
        Arguments.of("numeric Gt with taint value above threshold",
            List.of(tol(SLA, "Gt", "750", NO_SCHEDULE)), List.of(taint(SLA, "950", NO_SCHEDULE)),
            all, true, true),
        Arguments.of("numeric Lt with taint value above threshold",
            List.of(tol(SLA, "Lt", "800", NO_SCHEDULE)), List.of(taint(SLA, "950", NO_SCHEDULE)),
            all, true, false),
        Arguments.of("numeric Gt with non-numeric taint value",
            List.of(tol(SLA, "Gt", "950", NO_SCHEDULE)),
            List.of(taint(SLA, "high", NO_SCHEDULE)), all, true, false),
        Arguments.of("numeric Gt parse error is ignored when a later toleration matches",
            List.of(tol(SLA, "Gt", "950", NO_SCHEDULE), tol(SLA, "Exists", null, NO_SCHEDULE)),
            List.of(taint(SLA, "high", NO_SCHEDULE)), all, true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findMatchingUntoleratedTaint")
  void findUntoleratedTaint(String name, List<Toleration> tolerations, List<Taint> taints,
      Predicate<Taint> filter, boolean comparison, boolean tolerated) {
    Taint found = Tolerations.findUntoleratedTaint(taints, tolerations, filter, comparison);
    assertThat(found == null).isEqualTo(tolerated);
    if (!comparison) {
      assertThat(Tolerations.findUntoleratedTaint(taints, tolerations, filter)).isEqualTo(found);
    }
  }

  /** Upstream prefers a cleanly untolerated taint over one that only failed to parse. */
  @ParameterizedTest(name = "parse-error taint first: {0}")
  @MethodSource("orders")
  void cleanUntoleratedTaintWinsOverParseError(String name, List<Taint> taints) {
    List<Toleration> tolerations = List.of(tol(SLA, "Gt", "950", NO_SCHEDULE));
    Taint found = Tolerations.findUntoleratedTaint(taints, tolerations, null, true);
    assertThat(found).isEqualTo(taint("other", null, NO_SCHEDULE));
  }

  static Stream<Arguments> orders() {
    Taint parseError = taint(SLA, "high", NO_SCHEDULE);
    Taint clean = taint("other", null, NO_SCHEDULE);
    return Stream.of(Arguments.of("yes", List.of(parseError, clean)),
        Arguments.of("no", List.of(clean, parseError)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filterCases")
  void noScheduleOrNoExecuteFilter(String effect, boolean included) {
    assertThat(Tolerations.NO_SCHEDULE_OR_NO_EXECUTE.test(taint("k", null, effect)))
        .isEqualTo(included);
  }

  static Stream<Arguments> filterCases() {
    return Stream.of(Arguments.of(NO_SCHEDULE, true), Arguments.of(NO_EXECUTE, true),
        Arguments.of(Taint.PREFER_NO_SCHEDULE, false));
  }
}
