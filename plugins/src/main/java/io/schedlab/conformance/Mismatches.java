package io.schedlab.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The failure lines of one case, each {@code <file>: case "<name>": <what>: expected A, got B}
 * where {@code <what>} is a stage ({@code preFilter}) or a node and stage ({@code node n1:
 * filter}). A case passes when it collects none.
 */
public final class Mismatches {
  private final String prefix;
  private final List<String> lines = new ArrayList<>();

  public Mismatches(String file, String caseName) {
    this.prefix = file + ": case \"" + caseName + "\": ";
  }

  /** Adds a line unless {@code expected} equals {@code actual}. */
  public void check(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      mismatch(what, show(expected), show(actual));
    }
  }

  public void checkNode(String node, String stage, Object expected, Object actual) {
    check(nodeWhat(node, stage), expected, actual);
  }

  /** A mismatch whose values the caller has already rendered. */
  public void mismatch(String what, String expected, String actual) {
    lines.add(prefix + what + ": expected " + expected + ", got " + actual);
  }

  public void nodeMismatch(String node, String stage, String expected, String actual) {
    mismatch(nodeWhat(node, stage), expected, actual);
  }

  /** The case could not be (fully) evaluated; it fails with this reason. */
  public void notEvaluated(String reason) {
    lines.add(prefix + "not evaluated: " + reason);
  }

  /** A free-form failure, for what is neither a mismatch nor a refusal to evaluate. */
  public void fail(String what) {
    lines.add(prefix + what);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  private static String nodeWhat(String node, String stage) {
    return "node " + node + ": " + stage;
  }

  /** Strings quoted inside lists, bare on their own; lists as [a, b]. */
  static String show(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        Object v = list.get(i);
        sb.append(v instanceof String s ? "\"" + s + "\"" : show(v));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }
}
