package io.schedlab.plugins.podtopologyspread;

import io.schedlab.framework.InternedSelector;
import io.schedlab.framework.LabelSet;

/**
 * One topology spread constraint as the plugin evaluates it (upstream's internal {@code
 * topologySpreadConstraint}): the selector parsed (with matchLabelKeys merged in), the
 * topology key interned, and minDomains and the node inclusion policies defaulted.
 */
final class SpreadConstraint {
  static final String HOSTNAME = "kubernetes.io/hostname";

  final int maxSkew;
  final String topologyKey;
  final int keyId;
  final InternedSelector selector;
  /** What the selector was compiled from: equal sources give equal selectors (see {@link MatchCounts}). */
  final Object selectorSource;
  final int minDomains;
  final boolean honorNodeAffinity;
  final boolean honorNodeTaints;
  final boolean hostname;

  SpreadConstraint(
      int maxSkew,
      String topologyKey,
      int keyId,
      InternedSelector selector,
      Object selectorSource,
      int minDomains,
      boolean honorNodeAffinity,
      boolean honorNodeTaints) {
    this.maxSkew = maxSkew;
    this.topologyKey = topologyKey;
    this.keyId = keyId;
    this.selector = selector;
    this.selectorSource = selectorSource;
    this.minDomains = minDomains;
    this.honorNodeAffinity = honorNodeAffinity;
    this.honorNodeTaints = honorNodeTaints;
    this.hostname = HOSTNAME.equals(topologyKey);
  }

  SpreadConstraint withSelector(InternedSelector s, Object source) {
    return new SpreadConstraint(
        maxSkew, topologyKey, keyId, s, source, minDomains, honorNodeAffinity, honorNodeTaints);
  }

  /** Upstream's nodeLabelsMatchSpreadConstraints: the node carries every constraint's key. */
  static boolean nodeHasAllKeys(LabelSet nodeLabels, SpreadConstraint[] constraints) {
    for (SpreadConstraint c : constraints) {
      if (!nodeLabels.has(c.keyId)) {
        return false;
      }
    }
    return true;
  }
}
