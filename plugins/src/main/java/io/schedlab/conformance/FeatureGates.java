package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The feature gates a conformance case may name, with the one value schedlab implements (it has
 * no gate switches: it behaves as kube-scheduler with these values). A case asking for another
 * value, or naming a gate not listed, cannot be evaluated faithfully and fails.
 */
final class FeatureGates {
  private FeatureGates() {}

  static final Map<String, Boolean> IMPLEMENTED = Map.of(
      // Pod-level resources (spec.resources) count in requests (PodRequests).
      "PodLevelResources", true,
      // Restartable init containers count beside the app containers (PodRequests).
      "SidecarContainers", true,
      "MatchLabelKeysInPodTopologySpread", true,
      "NodeInclusionPolicyInPodTopologySpread", true,
      // Gt/Lt tolerations tolerate nothing (Tolerations).
      "TaintTolerationComparisonOperators", false,
      "PodDisruptionConditions", true);

  /** Why the case's gates cannot be honoured, or null when they can. */
  static String unsupported(JsonNode gates) {
    if (gates == null) {
      return null;
    }
    if (!gates.isObject()) {
      return "featureGates: expected an object of gate names to true/false";
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = gates.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Boolean implemented = IMPLEMENTED.get(e.getKey());
      if (implemented == null) {
        return "feature gate " + e.getKey() + " is unknown to schedlab";
      }
      if (!e.getValue().isBoolean()) {
        return "featureGates." + e.getKey() + ": expected true or false";
      }
      if (e.getValue().asBoolean() != implemented) {
        return "feature gate " + e.getKey() + "=" + e.getValue().asBoolean()
            + " is not supported (schedlab implements " + e.getKey() + "=" + implemented + ")";
      }
    }
    return null;
  }
}
