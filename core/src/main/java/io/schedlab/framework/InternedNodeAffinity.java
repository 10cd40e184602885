package io.schedlab.framework;

import io.schedlab.api.Affinity;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.Pod;
import io.schedlab.api.match.NodeSelectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod's nodeSelector and required node affinity compiled against the scheduler's interned
 * labels, matched on a {@link NodeInfo}'s {@link LabelSet} and name: what NodeAffinity's Filter
 * asks of every node, with integer compares instead of reading each Node's label map.
 *
 * <p>Semantics are {@link NodeSelectors.RequiredNodeAffinity}'s, which parses and validates:
 * an invalid or empty term matches nothing. A term with Gt or Lt, which compare label values as
 * numbers, is matched on the Node object's labels by that class; the others never touch it.
 */
public final class InternedNodeAffinity {
  private final InternedSelector nodeSelector;
  private final Term[] terms;

  /** One term: its label expressions interned, its field requirements, or the string fallback. */
  private record Term(InternedSelector labels, NodeSelectors.CompiledTerm fields,
      NodeSelectors.CompiledTerm numeric, boolean never) {
    boolean matches(NodeInfo node) {
      if (never) {
        return false;
      }
      if (numeric != null) {
        return numeric.matches(node.node());
      }
      return (labels == null || labels.matches(node.labels()))
          && (fields == null || fields.matches(Map.of(), node.name()));
    }
  }

  private InternedNodeAffinity(InternedSelector nodeSelector, Term[] terms) {
    this.nodeSelector = nodeSelector;
    this.terms = terms;
  }

  public static InternedNodeAffinity of(Pod pod, LabelInterner interner) {
    Map<String, String> selector = pod.spec().nodeSelector();
    Affinity affinity = pod.spec().affinity();
    NodeAffinity na = affinity == null ? null : affinity.nodeAffinity();
    NodeSelector required = na == null ? null : na.requiredDuringSchedulingIgnoredDuringExecution();
    Term[] terms = null;
    if (required != null) {
      List<NodeSelectorTerm> list = required.nodeSelectorTerms();
      terms = new Term[list.size()];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = term(list.get(i), interner);
      }
    }
    return new InternedNodeAffinity(
        selector.isEmpty() ? null : InternedSelector.fromSet(selector, interner), terms);
  }

  private static Term term(NodeSelectorTerm term, LabelInterner interner) {
    NodeSelectors.CompiledTerm compiled = NodeSelectors.compileTerm(term);
    if (compiled.error() != null || compiled.isEmpty()) {
      return new Term(null, null, null, true);
    }
    List<LabelSelectorRequirement> exprs = new ArrayList<>();
    for (NodeSelectorRequirement r : term.matchExpressions()) {
      if ("Gt".equals(r.operator()) || "Lt".equals(r.operator())) {
        return new Term(null, null, compiled, false);
      }
      exprs.add(new LabelSelectorRequirement(r.key(), r.operator(), r.values()));
    }
    InternedSelector labels = null;
    if (!exprs.isEmpty()) {
      try {
        labels = InternedSelector.of(new LabelSelector(Map.of(), exprs), interner);
      } catch (IllegalArgumentException e) {
        // Validated as a node selector already; should label-selector rules differ, match on
        // the strings rather than guess.
        return new Term(null, null, compiled, false);
      }
    }
    NodeSelectors.CompiledTerm fields = term.matchFields().isEmpty() ? null
        : NodeSelectors.compileTerm(new NodeSelectorTerm(List.of(), term.matchFields()));
    return new Term(labels, fields, null, false);
  }

  /** Whether the pod's nodeSelector and required node affinity both admit the node. */
  public boolean matches(NodeInfo node) {
    if (nodeSelector != null && !nodeSelector.matches(node.labels())) {
      return false;
    }
    if (terms == null) {
      return true;
    }
    for (Term t : terms) {
      if (t.matches(node)) {
        return true;
      }
    }
    return false;
  }
}
