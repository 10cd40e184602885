package io.schedlab.plugins.interpodaffinity;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import io.schedlab.api.Namespace;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.api.match.LabelSelectors;
import io.schedlab.api.match.LabelSelectors.Selector;
import io.schedlab.framework.InternedSelector;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pod (anti-)affinity term, compiled: upstream's {@code framework.AffinityTerm} (plus the
 * weight of a preferred term). The topology key is interned with the scheduler's label interner,
 * so a node's value for it is one lookup in the node's {@code LabelSet}.
 */
final class AffinityTerm {
  /** The label selector over interned ids: matching an existing pod touches no strings. */
  final InternedSelector selector;
  final Set<String> namespaces;
  final Selector namespaceSelector;
  final String topologyKey;
  final int topologyKeyId;
  final int weight;
  /**
   * What the term was compiled from; terms with equal sources match the same pods, which lets
   * identical terms of many pods share one instance and one answer per cycle.
   */
  final Object source;

  /** The inputs of {@link #compile}, after defaulting. */
  private record Source(LabelSelector selector, Set<String> namespaces,
      LabelSelector namespaceSelector, String topologyKey, int weight) {}

  /** A term whose namespace selector was unrolled into {@code namespaces}. */
  private record Unrolled(Object original, Set<String> namespaces) {}

  private AffinityTerm(InternedSelector selector, Set<String> namespaces, Selector namespaceSelector,
      String topologyKey, int topologyKeyId, int weight, Object source) {
    this.source = source;
    this.selector = selector;
    this.namespaces = namespaces;
    this.namespaceSelector = namespaceSelector;
    this.topologyKey = topologyKey;
    this.topologyKeyId = topologyKeyId;
    this.weight = weight;
  }

  /**
   * Compiles a term of {@code owner}'s spec. Returns null and puts upstream's message in {@code
   * error[0]} when a selector is invalid.
   */
  static AffinityTerm compile(PodInfo owner, PodAffinityTerm term, int weight,
      LabelInterner interner, String[] error) {
    LabelSelector labelSelector = withLabelKeys(term, owner.pod().metadata().labels());
    if (compileSelector(labelSelector, error) == null) {
      return null;
    }
    InternedSelector selector = InternedSelector.of(labelSelector, interner);
    Selector nsSelector = compileSelector(term.namespaceSelector(), error);
    if (nsSelector == null) {
      return null;
    }
    Set<String> namespaces = term.namespaces().isEmpty() && term.namespaceSelector() == null
        ? Set.of(owner.namespace())
        : Set.copyOf(term.namespaces());
    String key = term.topologyKey() == null ? "" : term.topologyKey();
    return new AffinityTerm(selector, namespaces, nsSelector, key, interner.id(key), weight,
        new Source(labelSelector, namespaces, term.namespaceSelector(), key, weight));
  }

  private static Selector compileSelector(LabelSelector s, String[] error) {
    String upstreamError = SelectorErrors.of(s);
    if (upstreamError != null) {
      error[0] = upstreamError;
      return null;
    }
    try {
      return LabelSelectors.compile(s);
    } catch (IllegalArgumentException e) {
      error[0] = e.getMessage();
      return null;
    }
  }

  /**
   * {@code matchLabelKeys} and {@code mismatchLabelKeys} become {@code key in (value)} and {@code
   * key notin (value)} requirements on the owner's label values. Upstream's API server does this
   * when the pod is created (MatchLabelKeysInPodAffinity, on by default); the simulated cluster
   * has no such admission step, so it happens here. For a pod that already went through it the
   * added requirements repeat existing ones and change nothing.
   */
  static LabelSelector withLabelKeys(PodAffinityTerm term, Map<String, String> ownerLabels) {
    LabelSelector s = term.labelSelector();
    if (s == null || (term.matchLabelKeys().isEmpty() && term.mismatchLabelKeys().isEmpty())) {
      return s;
    }
    List<LabelSelectorRequirement> exprs = new ArrayList<>(s.matchExpressions());
    for (String key : term.matchLabelKeys()) {
      String value = ownerLabels.get(key);
      if (value != null) {
        exprs.add(new LabelSelectorRequirement(key, "In", List.of(value)));
      }
    }
    for (String key : term.mismatchLabelKeys()) {
      String value = ownerLabels.get(key);
      if (value != null) {
        exprs.add(new LabelSelectorRequirement(key, "NotIn", List.of(value)));
      }
    }
    return new LabelSelector(s.matchLabels(), exprs);
  }

  /**
   * Upstream's {@code AffinityTerm.Matches}: the pod's namespace is listed or its namespace's
   * labels satisfy the namespace selector, and the pod's labels satisfy the label selector.
   */
  boolean matches(PodInfo pod, Map<String, String> namespaceLabels) {
    if (namespaces.contains(pod.namespace()) || namespaceSelector.matches(namespaceLabels)) {
      return selector.matches(pod.labels());
    }
    return false;
  }

  /** Whether the namespace selector must be unrolled into names (not everything, not nothing). */
  boolean selectsSomeNamespaces() {
    return !namespaceSelector.isEverything() && !namespaceSelector.isNothing();
  }

  /**
   * Upstream's {@code mergeAffinityTermNamespacesIfNotEmpty} for a term of the incoming pod: the
   * namespaces the selector picks join the listed ones and the selector becomes "nothing", so
   * matching existing pods never needs their namespace's labels.
   */
  AffinityTerm withSelectedNamespaces(List<Namespace> all) {
    if (!selectsSomeNamespaces()) {
      return this;
    }
    Set<String> merged = new HashSet<>(namespaces);
    for (Namespace ns : all) {
      if (namespaceSelector.matches(ns.metadata().labels())) {
        merged.add(ns.metadata().name());
      }
    }
    Set<String> unrolled = Set.copyOf(merged);
    return new AffinityTerm(selector, unrolled, LabelSelectors.NOTHING, topologyKey,
        topologyKeyId, weight, new Unrolled(source, unrolled));
  }
}
