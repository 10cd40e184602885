package io.schedlab.plugins.interpodaffinity;

import io.schedlab.api.Affinity;
import io.schedlab.api.Namespace;
import io.schedlab.api.PodAffinityTerm;
import io.schedlab.api.WeightedPodAffinityTerm;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The compiled (anti-)affinity terms of one pod, as upstream's PodInfo holds them: required and
 * preferred, affinity and anti-affinity. A group whose selector does not parse is left empty and
 * the error is kept, aggregated as upstream's {@code NewPodInfo} reports it.
 */
final class PodAffinityTerms {
  private static final AffinityTerm[] NO_TERMS = new AffinityTerm[0];
  static final PodAffinityTerms NONE = new PodAffinityTerms(NO_TERMS, NO_TERMS, NO_TERMS, NO_TERMS, null);

  final AffinityTerm[] requiredAffinity;
  final AffinityTerm[] requiredAntiAffinity;
  final AffinityTerm[] preferredAffinity;
  final AffinityTerm[] preferredAntiAffinity;
  /** Upstream's parse error message, or null. */
  final String parseError;

  private PodAffinityTerms(AffinityTerm[] requiredAffinity, AffinityTerm[] requiredAntiAffinity,
      AffinityTerm[] preferredAffinity, AffinityTerm[] preferredAntiAffinity, String parseError) {
    this.requiredAffinity = requiredAffinity;
    this.requiredAntiAffinity = requiredAntiAffinity;
    this.preferredAffinity = preferredAffinity;
    this.preferredAntiAffinity = preferredAntiAffinity;
    this.parseError = parseError;
  }

  static PodAffinityTerms compile(PodInfo pod, LabelInterner interner) {
    Affinity a = pod.pod().spec().affinity();
    if (a == null || (a.podAffinity() == null && a.podAntiAffinity() == null)) {
      return NONE;
    }
    List<String> errors = new ArrayList<>(0);
    AffinityTerm[] reqAff = NO_TERMS;
    AffinityTerm[] reqAnti = NO_TERMS;
    AffinityTerm[] prefAff = NO_TERMS;
    AffinityTerm[] prefAnti = NO_TERMS;
    if (a.podAffinity() != null) {
      reqAff = required(pod, a.podAffinity().requiredDuringSchedulingIgnoredDuringExecution(),
          interner, "requiredAffinityTerms", errors);
    }
    if (a.podAntiAffinity() != null) {
      reqAnti = required(pod, a.podAntiAffinity().requiredDuringSchedulingIgnoredDuringExecution(),
          interner, "requiredAntiAffinityTerms", errors);
    }
    if (a.podAffinity() != null) {
      prefAff = preferred(pod, a.podAffinity().preferredDuringSchedulingIgnoredDuringExecution(),
          interner, "preferredAffinityTerms", errors);
    }
    if (a.podAntiAffinity() != null) {
      prefAnti = preferred(pod,
          a.podAntiAffinity().preferredDuringSchedulingIgnoredDuringExecution(), interner,
          "preferredAntiAffinityTerms", errors);
    }
    return new PodAffinityTerms(reqAff, reqAnti, prefAff, prefAnti,
        SelectorErrors.aggregate(errors));
  }

  private static AffinityTerm[] required(PodInfo pod, List<PodAffinityTerm> terms,
      LabelInterner interner, String group, List<String> errors) {
    if (terms.isEmpty()) {
      return NO_TERMS;
    }
    AffinityTerm[] out = new AffinityTerm[terms.size()];
    String[] error = new String[1];
    for (int i = 0; i < out.length; i++) {
      out[i] = AffinityTerm.compile(pod, terms.get(i), 0, interner, error);
      if (out[i] == null) {
        errors.add(group + ": " + error[0]);
        return NO_TERMS;
      }
    }
    return out;
  }

  private static AffinityTerm[] preferred(PodInfo pod, List<WeightedPodAffinityTerm> terms,
      LabelInterner interner, String group, List<String> errors) {
    if (terms.isEmpty()) {
      return NO_TERMS;
    }
    AffinityTerm[] out = new AffinityTerm[terms.size()];
    String[] error = new String[1];
    for (int i = 0; i < out.length; i++) {
      WeightedPodAffinityTerm w = terms.get(i);
      out[i] = AffinityTerm.compile(pod, w.podAffinityTerm(), w.weight(), interner, error);
      if (out[i] == null) {
        errors.add(group + ": " + error[0]);
        return NO_TERMS;
      }
    }
    return out;
  }

  /** The terms with their namespace selectors unrolled against {@code namespaces} (the incoming pod's view). */
  static AffinityTerm[] withSelectedNamespaces(AffinityTerm[] terms, List<Namespace> namespaces) {
    AffinityTerm[] out = terms;
    for (int i = 0; i < terms.length; i++) {
      AffinityTerm merged = terms[i].withSelectedNamespaces(namespaces);
      if (merged != terms[i]) {
        if (out == terms) {
          out = terms.clone();
        }
        out[i] = merged;
      }
    }
    return out;
  }

  static boolean anySelectsSomeNamespaces(AffinityTerm[] terms) {
    for (AffinityTerm t : terms) {
      if (t.selectsSomeNamespaces()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compiled terms per pod, kept as long as the PodInfo lives. A PodInfo is immutable and shared
   * by the cache and every snapshot, so an existing pod's terms are compiled once, not once per
   * cycle. Synchronized because preemption may run AddPod/RemovePod from several threads.
   */
  static final class Cache {
    /** Beyond this many distinct terms the canonical table starts over, so it cannot grow without bound. */
    private static final int MAX_CANONICAL_TERMS = 8192;

    private final LabelInterner interner;
    private final Map<PodInfo, PodAffinityTerms> byPod = new WeakHashMap<>();
    private final Map<Object, AffinityTerm> canonical = new HashMap<>();

    Cache(LabelInterner interner) {
      this.interner = interner;
    }

    PodAffinityTerms of(PodInfo pod) {
      if (!pod.hasAffinity()) {
        return NONE;
      }
      synchronized (byPod) {
        PodAffinityTerms t = byPod.get(pod);
        if (t == null) {
          t = canonical(compile(pod, interner));
          byPod.put(pod, t);
        }
        return t;
      }
    }

    /** The terms with each replaced by the first equal one seen (caller holds the monitor of byPod). */
    private PodAffinityTerms canonical(PodAffinityTerms t) {
      if (t == NONE) {
        return t;
      }
      if (canonical.size() > MAX_CANONICAL_TERMS) {
        canonical.clear();
      }
      canonicalize(t.requiredAffinity);
      canonicalize(t.requiredAntiAffinity);
      canonicalize(t.preferredAffinity);
      canonicalize(t.preferredAntiAffinity);
      return t;
    }

    private void canonicalize(AffinityTerm[] terms) {
      for (int i = 0; i < terms.length; i++) {
        AffinityTerm seen = canonical.putIfAbsent(terms[i].source, terms[i]);
        if (seen != null) {
          terms[i] = seen;
        }
      }
    }
  }
}
