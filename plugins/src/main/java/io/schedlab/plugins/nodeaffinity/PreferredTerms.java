package io.schedlab.plugins.nodeaffinity;

import io.schedlab.api.Node;
import io.schedlab.api.PreferredSchedulingTerm;
import io.schedlab.api.match.NodeSelectors;
import java.util.List;
import java.util.Map;

/**
 * Preferred scheduling terms parsed once, as upstream's PreferredSchedulingTerms: terms with
 * weight 0 or without requirements are dropped, any other term that does not parse makes the
 * whole list invalid.
 */
final class PreferredTerms {
  private final NodeSelectors.CompiledTerm[] terms;
  private final long[] weights;

  private PreferredTerms(NodeSelectors.CompiledTerm[] terms, long[] weights) {
    this.terms = terms;
    this.weights = weights;
  }

  /**
   * Parses {@code list}; {@code path} prefixes error locations (upstream's field path, empty for
   * a pod's own terms).
   *
   * @throws InvalidTermException naming the first term that does not parse
   */
  static PreferredTerms parse(List<PreferredSchedulingTerm> list, String path) {
    NodeSelectors.CompiledTerm[] compiled = new NodeSelectors.CompiledTerm[list.size()];
    long[] w = new long[list.size()];
    int n = 0;
    for (int i = 0; i < list.size(); i++) {
      PreferredSchedulingTerm t = list.get(i);
      if (t.weight() == 0
          || (t.preference().matchExpressions().isEmpty() && t.preference().matchFields().isEmpty())) {
        continue;
      }
      SelectorErrors.Error error = SelectorErrors.firstError(t.preference(), path + "[" + i + "].");
      if (error != null) {
        throw new InvalidTermException(error);
      }
      compiled[n] = NodeSelectors.compileTerm(t.preference());
      w[n] = t.weight();
      n++;
    }
    return new PreferredTerms(java.util.Arrays.copyOf(compiled, n), java.util.Arrays.copyOf(w, n));
  }

  /** A preferred term that does not parse. */
  static final class InvalidTermException extends RuntimeException {
    private final SelectorErrors.Error error;

    InvalidTermException(SelectorErrors.Error error) {
      super(error.toString());
      this.error = error;
    }

    SelectorErrors.Error error() {
      return error;
    }
  }

  /** The sum of the weights of the terms the node matches. */
  long score(Node node) {
    Map<String, String> labels = node.metadata().labels();
    String name = node.metadata().name();
    long sum = 0;
    for (int i = 0; i < terms.length; i++) {
      if (terms[i].matches(labels, name)) {
        sum += weights[i];
      }
    }
    return sum;
  }
}
