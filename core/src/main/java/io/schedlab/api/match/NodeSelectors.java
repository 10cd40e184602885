package io.schedlab.api.match;

import io.schedlab.api.Affinity;
import io.schedlab.api.Node;
import io.schedlab.api.NodeAffinity;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.NodeSelectorTerm;
import io.schedlab.api.Pod;
import java.util.List;
import java.util.Map;

/**
 * Node selector matching with the semantics of component-helpers' {@code nodeaffinity} package.
 *
 * <p>Terms are ORed, the requirements of a term ANDed. A term with neither expressions nor fields
 * matches no node. Expressions use In, NotIn, Exists, DoesNotExist, Gt and Lt; Gt and Lt compare
 * the node's label and the single requirement value as int64 and do not match when either does
 * not parse. Fields support {@code metadata.name} with In or NotIn and exactly one value; a field
 * selector is ignored for a node without a name, as upstream.
 *
 * <p>Like upstream's {@code LazyErrorNodeSelector}, an invalid term (unknown operator, wrong
 * number of values, malformed key) does not throw: it simply matches nothing, while valid terms
 * beside it still match. {@link CompiledTerm#error()} tells why a term is invalid.
 */
public final class NodeSelectors {
  static final String NAME_FIELD = "metadata.name";

  private NodeSelectors() {}

  /** Whether {@code node} matches any term of {@code selector}; false for a null selector. */
  public static boolean matches(NodeSelector selector, Node node) {
    if (selector == null || node == null) {
      return false;
    }
    return compile(selector).matches(node);
  }

  /** Whether a node with these labels and name matches {@code term}. */
  public static boolean matchesTerm(
      NodeSelectorTerm term, Map<String, String> labels, String nodeName) {
    return compileTerm(term).matches(labels, nodeName);
  }

  /**
   * Whether the pod's {@code nodeSelector} and required node affinity both admit the node
   * (upstream's {@code GetRequiredNodeAffinity(pod).Match(node)}, used by the NodeAffinity
   * filter and the DaemonSet controller).
   */
  public static boolean podMatchesNode(Pod pod, Node node) {
    return requiredNodeAffinity(pod).matches(node);
  }

  /**
   * The pod's {@code nodeSelector} and required node affinity, parsed once for matching against
   * many nodes (upstream's {@code GetRequiredNodeAffinity}).
   */
  public static RequiredNodeAffinity requiredNodeAffinity(Pod pod) {
    Map<String, String> nodeSelector = pod.spec().nodeSelector();
    Affinity affinity = pod.spec().affinity();
    NodeAffinity na = affinity == null ? null : affinity.nodeAffinity();
    NodeSelector required = na == null ? null : na.requiredDuringSchedulingIgnoredDuringExecution();
    return new RequiredNodeAffinity(
        nodeSelector.isEmpty() ? null : LabelSelectors.compileMap(nodeSelector),
        required == null ? null : compile(required));
  }

  /** A pod's node selector and required node affinity, ANDed; either may be absent. */
  public static final class RequiredNodeAffinity {
    private final LabelSelectors.Selector nodeSelector;
    private final Compiled required;

    private RequiredNodeAffinity(LabelSelectors.Selector nodeSelector, Compiled required) {
      this.nodeSelector = nodeSelector;
      this.required = required;
    }

    public boolean matches(Node node) {
      Map<String, String> labels = node.metadata().labels();
      if (nodeSelector != null && !nodeSelector.matches(labels)) {
        return false;
      }
      return required == null || required.matches(labels, node.metadata().name());
    }
  }

  /** Parses a selector once; invalid terms are kept and never match. */
  public static Compiled compile(NodeSelector selector) {
    List<NodeSelectorTerm> terms = selector.nodeSelectorTerms();
    CompiledTerm[] compiled = new CompiledTerm[terms.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = compileTerm(terms.get(i));
    }
    return new Compiled(compiled);
  }

  /** Parses one term; never throws. */
  public static CompiledTerm compileTerm(NodeSelectorTerm term) {
    if (term == null || (term.matchExpressions().isEmpty() && term.matchFields().isEmpty())) {
      return CompiledTerm.EMPTY;
    }
    Requirement[] labelReqs = null;
    FieldRequirement[] fieldReqs = null;
    try {
      if (!term.matchExpressions().isEmpty()) {
        List<NodeSelectorRequirement> exprs = term.matchExpressions();
        labelReqs = new Requirement[exprs.size()];
        for (int i = 0; i < labelReqs.length; i++) {
          NodeSelectorRequirement r = exprs.get(i);
          labelReqs[i] = Requirement.of(r.key(), operator(r), r.values());
        }
      }
      if (!term.matchFields().isEmpty()) {
        List<NodeSelectorRequirement> fields = term.matchFields();
        fieldReqs = new FieldRequirement[fields.size()];
        for (int i = 0; i < fieldReqs.length; i++) {
          fieldReqs[i] = FieldRequirement.of(fields.get(i));
        }
      }
    } catch (IllegalArgumentException e) {
      return new CompiledTerm(null, null, e.getMessage());
    }
    return new CompiledTerm(labelReqs, fieldReqs, null);
  }

  private static Requirement.Op operator(NodeSelectorRequirement r) {
    String op = r.operator();
    Requirement.Op parsed = Requirement.Op.fromApiName(op);
    if (parsed != null) {
      return parsed;
    }
    throw Requirement.invalid(r.key(), op,
        "unsupported node selector operator, expected In, NotIn, Exists, DoesNotExist, Gt or Lt");
  }

  /** A parsed node selector. */
  public static final class Compiled {
    private final CompiledTerm[] terms;

    private Compiled(CompiledTerm[] terms) {
      this.terms = terms;
    }

    public boolean matches(Node node) {
      return node != null && matches(node.metadata().labels(), node.metadata().name());
    }

    public boolean matches(Map<String, String> labels, String nodeName) {
      for (CompiledTerm t : terms) {
        if (t.matches(labels, nodeName)) {
          return true;
        }
      }
      return false;
    }

    /** The parsed terms, in order. */
    public List<CompiledTerm> terms() {
      return List.of(terms);
    }
  }

  /** A parsed node selector term. */
  public static final class CompiledTerm {
    static final CompiledTerm EMPTY = new CompiledTerm(null, null, null);

    private final Requirement[] labelReqs;
    private final FieldRequirement[] fieldReqs;
    private final String error;

    private CompiledTerm(Requirement[] labelReqs, FieldRequirement[] fieldReqs, String error) {
      this.labelReqs = labelReqs;
      this.fieldReqs = fieldReqs;
      this.error = error;
    }

    /** Why the term is invalid, or null when it is valid. */
    public String error() {
      return error;
    }

    /** Whether the term has neither expressions nor fields (and so matches nothing). */
    public boolean isEmpty() {
      return error == null && labelReqs == null && fieldReqs == null;
    }

    public boolean matches(Node node) {
      return node != null && matches(node.metadata().labels(), node.metadata().name());
    }

    public boolean matches(Map<String, String> labels, String nodeName) {
      if (error != null || (labelReqs == null && fieldReqs == null)) {
        return false;
      }
      if (labelReqs != null) {
        for (Requirement r : labelReqs) {
          if (!r.matches(labels)) {
            return false;
          }
        }
      }
      // Upstream only consults fields when the node has some, i.e. a name.
      if (fieldReqs != null && nodeName != null && !nodeName.isEmpty()) {
        for (FieldRequirement r : fieldReqs) {
          if (!r.matches(nodeName)) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** One {@code matchFields} entry: equality or inequality on a node field. */
  private record FieldRequirement(String key, boolean equal, String value) {
    static FieldRequirement of(NodeSelectorRequirement r) {
      String op = r.operator();
      boolean in = "In".equals(op);
      if (!in && !"NotIn".equals(op)) {
        throw Requirement.invalid(r.key(), op,
            "unsupported field selector operator, expected In or NotIn");
      }
      if (r.values().size() != 1) {
        throw Requirement.invalid(r.key(), op, "values must have one element");
      }
      return new FieldRequirement(r.key(), in, r.values().get(0));
    }

    boolean matches(String nodeName) {
      // A node has one field, metadata.name; any other key reads as the empty string.
      String actual = NAME_FIELD.equals(key) ? nodeName : "";
      return actual.equals(value) == equal;
    }
  }
}
