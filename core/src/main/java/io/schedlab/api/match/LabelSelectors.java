package io.schedlab.api.match;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Label selector matching with the semantics of apimachinery's {@code
 * metav1.LabelSelectorAsSelector} and {@code labels.SelectorFromSet}.
 *
 * <p>A null {@link LabelSelector} selects nothing, an empty one everything. Requirements are
 * ANDed; {@code matchLabels} entries are equality requirements. Operators are In, NotIn, Exists
 * and DoesNotExist; an unknown operator, In/NotIn without values, Exists/DoesNotExist with values,
 * or a key or value that is not valid label syntax is an {@link IllegalArgumentException} naming
 * the key and operator, as upstream refuses to build such a selector.
 *
 * <p>Plugins that match one selector against many label sets should {@link #compile} it once.
 */
public final class LabelSelectors {

  /** Matches every label set. */
  public static final Selector EVERYTHING = new Selector(new Requirement[0], false);

  /** Matches no label set. */
  public static final Selector NOTHING = new Selector(new Requirement[0], true);

  private LabelSelectors() {}

  /**
   * Why {@code key} is not a valid label key (apimachinery's {@code IsQualifiedName}, as
   * {@code ValidateLabelName} uses it), or null when it is; for validating config fields.
   */
  public static String labelKeyError(String key) {
    return LabelSyntax.keyError(key);
  }

  /** Whether {@code labels} satisfy {@code selector}. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    return compile(selector).matches(labels);
  }

  /**
   * Whether {@code labels} contain every entry of {@code selector} ({@code SelectorFromSet}); a
   * null or empty selector matches everything.
   */
  public static boolean matchesMap(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, String> e : selector.entrySet()) {
      String v = labels.get(e.getKey());
      String want = e.getValue() == null ? "" : e.getValue();
      if (v == null || !v.equals(want)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses and validates a selector once.
   *
   * @throws IllegalArgumentException for an invalid requirement
   */
  public static Selector compile(LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    if (selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> reqs =
        new ArrayList<>(selector.matchLabels().size() + selector.matchExpressions().size());
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      reqs.add(Requirement.of(e.getKey(), Requirement.Op.IN, List.of(e.getValue())));
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      reqs.add(Requirement.of(r.key(), operator(r.key(), r.operator()), r.values()));
    }
    return new Selector(reqs.toArray(new Requirement[0]), false);
  }

  /** {@code SelectorFromSet}: equality on every entry, not validated; empty matches all. */
  public static Selector compileMap(Map<String, String> set) {
    if (set == null || set.isEmpty()) {
      return EVERYTHING;
    }
    Requirement[] reqs = new Requirement[set.size()];
    int i = 0;
    for (Map.Entry<String, String> e : set.entrySet()) {
      reqs[i++] = Requirement.equalsUnchecked(e.getKey(), e.getValue());
    }
    return new Selector(reqs, false);
  }

  private static Requirement.Op operator(String key, String op) {
    Requirement.Op parsed = Requirement.Op.fromApiName(op);
    if (parsed != null && parsed != Requirement.Op.GT && parsed != Requirement.Op.LT) {
      return parsed;
    }
    throw Requirement.invalid(key, op,
        "\"" + op + "\" is not a valid label selector operator");
  }

  /** A parsed selector: immutable, safe to share, cheap to match. */
  public static final class Selector {
    private final Requirement[] requirements;
    private final boolean nothing;

    private Selector(Requirement[] requirements, boolean nothing) {
      this.requirements = requirements;
      this.nothing = nothing;
    }

    public boolean matches(Map<String, String> labels) {
      if (nothing) {
        return false;
      }
      for (Requirement r : requirements) {
        if (!r.matches(labels)) {
          return false;
        }
      }
      return true;
    }

    /** Whether this selects every label set (upstream's {@code Empty()}). */
    public boolean isEverything() {
      return !nothing && requirements.length == 0;
    }

    /** Whether this selects no label set (a null selector). */
    public boolean isNothing() {
      return nothing;
    }

    /** Upstream's selector syntax, e.g. {@code app=web,tier in (a,b),!canary}. */
    @Override
    public String toString() {
      if (nothing) {
        return "<nothing>";
      }
      StringBuilder sb = new StringBuilder();
      for (Requirement r : requirements) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(r);
      }
      return sb.toString();
    }
  }
}
