package io.schedlab.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import io.schedlab.api.match.LabelSelectors;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The interned selector must agree with the reference matcher on every label set. */
class InternedSelectorTest {
  private static final List<Map<String, String>> LABEL_SETS = List.of(
      Map.of(),
      Map.of("app", "web"),
      Map.of("app", "db"),
      Map.of("app", "web", "tier", "front"),
      Map.of("tier", "back", "rev", "2"),
      Map.of("app", "", "rev", "10"),
      Map.of("never-seen", "value"));

  private static LabelSelectorRequirement req(String key, String op, String... values) {
    return new LabelSelectorRequirement(key, op, values.length == 0 ? null : List.of(values));
  }

  static Stream<Arguments> selectors() {
    return Stream.of(
        Arguments.of("null selects nothing", null),
        Arguments.of("empty selects everything", new LabelSelector(null, null)),
        Arguments.of("matchLabels", LabelSelector.of(Map.of("app", "web"))),
        Arguments.of("matchLabels on an empty value", LabelSelector.of(Map.of("app", ""))),
        Arguments.of("In", new LabelSelector(null, List.of(req("app", "In", "web", "db")))),
        Arguments.of("NotIn", new LabelSelector(null, List.of(req("app", "NotIn", "web")))),
        Arguments.of("Exists", new LabelSelector(null, List.of(req("tier", "Exists")))),
        Arguments.of("DoesNotExist", new LabelSelector(null, List.of(req("tier", "DoesNotExist")))),
        Arguments.of("values never seen", new LabelSelector(null, List.of(req("app", "NotIn", "zzz")))),
        Arguments.of("labels and expressions ANDed", new LabelSelector(Map.of("app", "web"),
            List.of(req("tier", "In", "front", "back"), req("rev", "DoesNotExist")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectors")
  void agreesWithTheReferenceMatcher(String name, LabelSelector selector) {
    LabelInterner interner = new LabelInterner();
    InternedSelector compiled = InternedSelector.of(selector, interner);
    LabelSelectors.Selector reference = LabelSelectors.compile(selector);
    for (Map<String, String> labels : LABEL_SETS) {
      assertThat(compiled.matches(LabelSet.of(labels, interner)))
          .as("%s on %s", name, labels)
          .isEqualTo(reference.matches(labels));
    }
    assertThat(compiled.isEmpty()).isEqualTo(reference.isEverything());
    assertThat(compiled.isNothing()).isEqualTo(reference.isNothing());
  }

  @Test
  void aValueInternedAfterCompilationStillMatches() {
    LabelInterner interner = new LabelInterner();
    InternedSelector s = InternedSelector.of(LabelSelector.of(Map.of("app", "late")), interner);
    assertThat(s.matches(LabelSet.of(Map.of("app", "late"), interner))).isTrue();
  }

  @Test
  void mergingKeepsNothingAndAndsTheRest() {
    LabelInterner interner = new LabelInterner();
    InternedSelector rev = InternedSelector.fromSet(Map.of("rev", "2"), interner);
    InternedSelector web = InternedSelector.of(LabelSelector.of(Map.of("app", "web")), interner);
    InternedSelector both = rev.and(web);
    assertThat(both.matches(LabelSet.of(Map.of("app", "web", "rev", "2"), interner))).isTrue();
    assertThat(both.matches(LabelSet.of(Map.of("app", "web", "rev", "1"), interner))).isFalse();
    assertThat(rev.and(InternedSelector.NOTHING)).isSameAs(rev);
    assertThat(InternedSelector.NOTHING.and(web)).isSameAs(InternedSelector.NOTHING);
    assertThat(InternedSelector.fromSet(Map.of(), interner).isEmpty()).isTrue();
  }
}
