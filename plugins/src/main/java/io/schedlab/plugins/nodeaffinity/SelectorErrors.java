package io.schedlab.plugins.nodeaffinity;

import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.match.NodeSelectors;
import java.util.List;

/**
 * The parse errors upstream's component-helpers nodeaffinity package reports for a node selector
 * term, with the field path of the offending requirement. Used where upstream turns such errors
 * into failures (plugin args, a pod's preferred terms); the matchers themselves never throw.
 */
final class SelectorErrors {
  private static final List<String> LABEL_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");
  private static final List<String> FIELD_OPERATORS = List.of("In", "NotIn");

  /** One parse error: the field path and what is wrong there. */
  record Error(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private SelectorErrors() {}

  /** The first error of {@code term}, its field path prefixed with {@code path}, or null. */
  static Error firstError(NodeSelectorTerm term, String path) {
    List<NodeSelectorRequirement> exprs = term.matchExpressions();
    for (int j = 0; j < exprs.size(); j++) {
      String at = path + "matchExpressions[" + j + "]";
      NodeSelectorRequirement r = exprs.get(j);
      if (!LABEL_OPERATORS.contains(r.operator())) {
        return new Error(at + ".operator", unsupported(r.operator(), LABEL_OPERATORS));
      }
      String error = NodeSelectors.compileTerm(new NodeSelectorTerm(List.of(r), null)).error();
      if (error != null) {
        return new Error(at, error);
      }
    }
    List<NodeSelectorRequirement> fields = term.matchFields();
    for (int j = 0; j < fields.size(); j++) {
      String at = path + "matchFields[" + j + "]";
      NodeSelectorRequirement r = fields.get(j);
      if (!FIELD_OPERATORS.contains(r.operator())) {
        return new Error(at + ".operator", unsupported(r.operator(), FIELD_OPERATORS));
      }
      if (r.values().size() != 1) {
        return new Error(at + ".values", "Invalid value: " + goStrings(r.values()) + ": must have one element");
      }
    }
    return null;
  }

  private static String unsupported(String value, List<String> supported) {
    StringBuilder sb = new StringBuilder("Unsupported value: \"").append(value == null ? "" : value)
        .append("\": supported values: ");
    for (int i = 0; i < supported.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(supported.get(i)).append('"');
    }
    return sb.toString();
  }

  private static String goStrings(List<String> values) {
    StringBuilder sb = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(values.get(i)).append('"');
    }
    return sb.append('}').toString();
  }
}
