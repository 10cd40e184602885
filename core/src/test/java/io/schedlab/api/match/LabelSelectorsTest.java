package io.schedlab.api.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases from apimachinery's labels/selector_test.go, written as {@code metav1.LabelSelector}s.
 * The string selectors of upstream's tables are spelled out as requirements: {@code x=y} is
 * matchLabels {x: y}, {@code x!=y} is NotIn [y], {@code x} is Exists, {@code !x} DoesNotExist.
 */
class LabelSelectorsTest {

  private static LabelSelectorRequirement req(String key, String op, String... values) {
    return new LabelSelectorRequirement(key, op, List.of(values));
  }

  private static LabelSelector sel(Map<String, String> matchLabels,
      LabelSelectorRequirement... exprs) {
    return new LabelSelector(matchLabels, List.of(exprs));
  }

  private static Map<String, String> labels(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Arguments match(String name, LabelSelector s, Map<String, String> l,
      boolean want) {
    return Arguments.of(name, s, l, want);
  }

  /** Upstream TestSelectorMatches and TestRequirementSelectorMatching (Gt/Lt rows omitted). */
  static Stream<Arguments> selectorMatches() {
    Map<String, String> labelset = labels("foo", "bar", "baz", "blah");
    return Stream.of(
        match("empty selector matches everything", sel(null), labels("x", "y"), true),
        match("x=y", sel(labels("x", "y")), labels("x", "y"), true),
        match("x=y,z=w", sel(labels("x", "y", "z", "w")), labels("x", "y", "z", "w"), true),
        match("x!=y,z!=w", sel(null, req("x", "NotIn", "y"), req("z", "NotIn", "w")),
            labels("x", "z", "z", "a"), true),
        match("notin=in", sel(labels("notin", "in")), labels("notin", "in"), true),
        match("x (exists)", sel(null, req("x", "Exists")), labels("x", "z"), true),
        match("!x", sel(null, req("x", "DoesNotExist")), labels("y", "z"), true),
        match("x=z on no labels", sel(labels("x", "z")), labels(), false),
        match("x=y on x=z", sel(labels("x", "y")), labels("x", "z"), false),
        match("x=y,z=w on x=w,z=w", sel(labels("x", "y", "z", "w")), labels("x", "w", "z", "w"),
            false),
        match("x!=y,z!=w on x=z,z=w", sel(null, req("x", "NotIn", "y"), req("z", "NotIn", "w")),
            labels("x", "z", "z", "w"), false),
        match("x (exists) on y=z", sel(null, req("x", "Exists")), labels("y", "z"), false),
        match("!x on x=z", sel(null, req("x", "DoesNotExist")), labels("x", "z"), false),
        match("foo=bar", sel(labels("foo", "bar")), labelset, true),
        match("baz=blah", sel(labels("baz", "blah")), labelset, true),
        match("foo=bar,baz=blah", sel(labels("foo", "bar", "baz", "blah")), labelset, true),
        match("foo=blah", sel(labels("foo", "blah")), labelset, false),
        match("baz=bar", sel(labels("baz", "bar")), labelset, false),
        match("foo=bar,foobar=bar,baz=blah", sel(labels("foo", "bar", "foobar", "bar", "baz",
            "blah")), labelset, false),
        // TestRequirementSelectorMatching
        match("x in (foo),y notin (alpha)", sel(null, req("x", "In", "foo"),
            req("y", "NotIn", "alpha")), labels("x", "foo", "y", "baz"), true),
        match("x in (foo),y in (alpha)", sel(null, req("x", "In", "foo"),
            req("y", "In", "alpha")), labels("x", "foo", "y", "baz"), false),
        match("x notin (\"\"),y exists", sel(null, req("x", "NotIn", ""), req("y", "Exists")),
            labels("y", ""), true),
        match("!x,y exists", sel(null, req("x", "DoesNotExist"), req("y", "Exists")),
            labels("y", ""), true),
        match("x notin (\"\"),!y", sel(null, req("x", "NotIn", ""), req("y", "DoesNotExist")),
            labels("y", ""), false),
        match("x in (\"\") on y=baz", sel(null, req("x", "In", "")), labels("y", "baz"), false),
        // metav1.LabelSelectorAsSelector: nil selects nothing
        match("null selector matches nothing", null, labels("x", "y"), false),
        match("null selector matches nothing, even no labels", null, labels(), false),
        match("In with several values", sel(null, req("env", "In", "a", "b", "prod")),
            labels("env", "prod"), true),
        match("In with many values", sel(null, req("n", "In", "0", "1", "2", "3", "4", "5",
            "6", "7", "8", "9")), labels("n", "9"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selectorMatches")
  void matches(String name, LabelSelector selector, Map<String, String> labels, boolean want) {
    assertThat(LabelSelectors.matches(selector, labels)).isEqualTo(want);
    assertThat(LabelSelectors.compile(selector).matches(labels)).isEqualTo(want);
  }

  /** Upstream TestSetMatches: SelectorFromSet. */
  static Stream<Arguments> setMatches() {
    Map<String, String> labelset = labels("foo", "bar", "baz", "blah");
    return Stream.of(
        Arguments.of("empty set", labels(), labelset, true),
        Arguments.of("null set", null, labelset, true),
        Arguments.of("foo=bar", labels("foo", "bar"), labelset, true),
        Arguments.of("baz=blah", labels("baz", "blah"), labelset, true),
        Arguments.of("foo=bar,baz=blah", labels("foo", "bar", "baz", "blah"), labelset, true),
        Arguments.of("foo=blah", labels("foo", "blah"), labelset, false),
        Arguments.of("missing key", labels("qux", "bar"), labelset, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setMatches")
  void matchesMap(String name, Map<String, String> set, Map<String, String> labels,
      boolean want) {
    assertThat(LabelSelectors.matchesMap(set, labels)).isEqualTo(want);
    assertThat(LabelSelectors.compileMap(set).matches(labels)).isEqualTo(want);
  }

  /**
   * Upstream TestRequirementConstructor (label operators only) and LabelSelectorAsSelector's
   * refusal of unknown operators: invalid requirements fail naming key and operator.
   */
  static Stream<Arguments> invalidRequirements() {
    return Stream.of(
        Arguments.of("In without values", req("x", "In"), "values must be non-empty"),
        Arguments.of("NotIn without values", req("x", "NotIn"), "values must be non-empty"),
        Arguments.of("Exists with values", req("x", "Exists", "a"), "values must be empty"),
        Arguments.of("DoesNotExist with values", req("x", "DoesNotExist", "a"),
            "values must be empty"),
        Arguments.of("unknown operator", req("x", "Foo", "a"),
            "\"Foo\" is not a valid label selector operator"),
        Arguments.of("Gt is not a label selector operator", req("x", "Gt", "1"),
            "\"Gt\" is not a valid label selector operator"),
        Arguments.of("key longer than 63", req("a".repeat(254), "Exists"),
            "name part must be no more than 63 characters"),
        Arguments.of("key with a space", req("invalid key", "Exists"), "name part must consist"),
        Arguments.of("key with an empty prefix", req("/x", "Exists"),
            "prefix part must be non-empty"),
        Arguments.of("key with an upper-case prefix", req("Example.com/x", "Exists"),
            "prefix part a lowercase RFC 1123 subdomain"),
        Arguments.of("key with two slashes", req("a/b/c", "Exists"), "a qualified name"),
        Arguments.of("invalid value", req("x", "In", "invalid value: ___@#$%^"),
            "a valid label must be an empty string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRequirements")
  void rejectsInvalidRequirement(String name, LabelSelectorRequirement r, String why) {
    LabelSelector s = sel(null, r);
    assertThatThrownBy(() -> LabelSelectors.matches(s, labels("x", "y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key: \"" + r.key() + "\"")
        .hasMessageContaining("operator: \"" + r.operator() + "\"")
        .hasMessageContaining(why);
  }

  /** Upstream TestRequirementConstructor and TestSetSelectorParser, valid rows. */
  static Stream<Arguments> validRequirements() {
    return Stream.of(
        Arguments.of(req("x", "In", "foo"), labels("x", "foo")),
        Arguments.of(req("x", "NotIn", "foo"), labels("x", "bar")),
        Arguments.of(req("x", "Exists"), labels("x", "")),
        Arguments.of(req("x", "DoesNotExist"), labels("y", "")),
        Arguments.of(req("1foo", "In", "bar"), labels("1foo", "bar")),
        Arguments.of(req("1234", "In", "bar"), labels("1234", "bar")),
        Arguments.of(req("this-is-a-dns.domain.com/key-with-dash", "Exists"),
            labels("this-is-a-dns.domain.com/key-with-dash", "v")),
        Arguments.of(req("0.1.2.domain/99", "NotIn", "10.10.100.1", "tick.tack.clock"),
            labels("0.1.2.domain/99", "other")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validRequirements")
  void acceptsValidRequirement(LabelSelectorRequirement r, Map<String, String> satisfying) {
    assertThat(LabelSelectors.compile(sel(null, r)).matches(satisfying)).isTrue();
  }

  @Test
  void invalidMatchLabelsValueIsRejected() {
    assertThatThrownBy(() -> LabelSelectors.compile(sel(labels("app", "a b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key: \"app\"");
  }

  @Test
  void compiledSelectorsReportEverythingAndNothing() {
    assertThat(LabelSelectors.compile(null).isNothing()).isTrue();
    assertThat(LabelSelectors.compile(sel(null)).isEverything()).isTrue();
    assertThat(LabelSelectors.compile(sel(labels("a", "b"))).isEverything()).isFalse();
    assertThat(LabelSelectors.compile(sel(labels("a", "b"), req("c", "In", "x", "y"),
        req("d", "DoesNotExist"))).toString()).isEqualTo("a=b,c in (x,y),!d");
  }
}
