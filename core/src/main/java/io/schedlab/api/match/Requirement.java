package io.schedlab.api.match;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One parsed {@code labels.Requirement}: a key, an operator and its values, validated once so
 * that matching is a map lookup and a short scan.
 */
final class Requirement {
  enum Op {
    IN("In"),
    NOT_IN("NotIn"),
    EXISTS("Exists"),
    DOES_NOT_EXIST("DoesNotExist"),
    GT("Gt"),
    LT("Lt");

    final String apiName;

    Op(String apiName) {
      this.apiName = apiName;
    }

    /** The operator spelled {@code name} in the API, or null. */
    static Op fromApiName(String name) {
      for (Op op : values()) {
        if (op.apiName.equals(name)) {
          return op;
        }
      }
      return null;
    }
  }

  // Beyond this many values a hash set beats a linear scan.
  private static final int SCAN_LIMIT = 8;

  final String key;
  final Op op;
  private final String[] values;
  private final Set<String> valueSet;
  private final long bound;

  private Requirement(String key, Op op, String[] values, long bound) {
    this.key = key;
    this.op = op;
    this.values = values;
    this.valueSet = values.length > SCAN_LIMIT ? new HashSet<>(List.of(values)) : null;
    this.bound = bound;
  }

  /**
   * {@code labels.NewRequirement}: validates the key, the values and their number for the
   * operator.
   *
   * @return the requirement, or throws with a message naming key and operator
   */
  static Requirement of(String key, Op op, List<String> values) {
    String keyError = LabelSyntax.keyError(key);
    if (keyError != null) {
      throw invalid(key, op.apiName, "key: " + keyError);
    }
    int n = values == null ? 0 : values.size();
    long bound = 0;
    switch (op) {
      case IN, NOT_IN -> {
        if (n == 0) {
          throw invalid(key, op.apiName, "values must be non-empty for In and NotIn");
        }
      }
      case EXISTS, DOES_NOT_EXIST -> {
        if (n != 0) {
          throw invalid(key, op.apiName, "values must be empty for Exists and DoesNotExist");
        }
      }
      case GT, LT -> {
        if (n != 1) {
          throw invalid(key, op.apiName, "exactly one value is required for Gt and Lt");
        }
        long[] parsed = new long[1];
        if (!LabelSyntax.parseInt64(values.get(0), parsed)) {
          throw invalid(key, op.apiName,
              "the value must be an integer for Gt and Lt, got \"" + values.get(0) + "\"");
        }
        bound = parsed[0];
      }
      default -> throw new AssertionError(op);
    }
    String[] vals = new String[n];
    for (int i = 0; i < n; i++) {
      String v = values.get(i) == null ? "" : values.get(i);
      String valueError = LabelSyntax.valueError(v);
      if (valueError != null) {
        throw invalid(key, op.apiName, "values[" + i + "] \"" + v + "\": " + valueError);
      }
      vals[i] = v;
    }
    return new Requirement(key, op, vals, bound);
  }

  /** An equality requirement from a label map ({@code SelectorFromSet}), not validated. */
  static Requirement equalsUnchecked(String key, String value) {
    return new Requirement(key, Op.IN, new String[] {value == null ? "" : value}, 0);
  }

  static IllegalArgumentException invalid(String key, String operator, String why) {
    return new IllegalArgumentException("invalid selector requirement {key: \"" + key
        + "\", operator: \"" + operator + "\"}: " + why);
  }

  /** {@code labels.Requirement.Matches}. */
  boolean matches(Map<String, String> labels) {
    String v = labels.get(key);
    switch (op) {
      case IN:
        return v != null && contains(v);
      case NOT_IN:
        return v == null || !contains(v);
      case EXISTS:
        return v != null;
      case DOES_NOT_EXIST:
        return v == null;
      case GT:
      case LT:
        if (v == null) {
          return false;
        }
        long[] parsed = new long[1];
        if (!LabelSyntax.parseInt64(v, parsed)) {
          return false;
        }
        return op == Op.GT ? parsed[0] > bound : parsed[0] < bound;
      default:
        return false;
    }
  }

  private boolean contains(String v) {
    if (valueSet != null) {
      return valueSet.contains(v);
    }
    for (String s : values) {
      if (s.equals(v)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return switch (op) {
      case IN -> values.length == 1
          ? key + "=" + values[0]
          : key + " in (" + String.join(",", values) + ")";
      case NOT_IN -> key + " notin (" + String.join(",", values) + ")";
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case GT -> key + ">" + bound;
      case LT -> key + "<" + bound;
    };
  }
}
