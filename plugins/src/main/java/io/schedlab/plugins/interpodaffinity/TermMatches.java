package io.schedlab.plugins.interpodaffinity;

import io.schedlab.framework.PodInfo;
import java.util.Map;

/**
 * Whether the incoming pod matches existing pods' terms, decided once per distinct term in a
 * cycle: the existing pods of one template share canonical term instances, so thousands of
 * checks become a handful. Remembers the last few terms, by identity; one per cycle.
 */
final class TermMatches {
  private static final int SLOTS = 16;

  private final PodInfo pod;
  private final Map<String, String> namespaceLabels;
  private final AffinityTerm[] terms = new AffinityTerm[SLOTS];
  private final boolean[] answers = new boolean[SLOTS];
  private int next;

  TermMatches(PodInfo pod, Map<String, String> namespaceLabels) {
    this.pod = pod;
    this.namespaceLabels = namespaceLabels;
  }

  boolean matches(AffinityTerm t) {
    for (int i = 0; i < SLOTS; i++) {
      if (terms[i] == t) {
        return answers[i];
      }
    }
    boolean answer = t.matches(pod, namespaceLabels);
    terms[next] = t;
    answers[next] = answer;
    next = (next + 1) % SLOTS;
    return answer;
  }
}
