package io.schedlab.plugins.defaultpreemption;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.schedlab.framework.PluginArgsException;

/**
 * Upstream's DefaultPreemptionArgs with its v1 defaults: how many nodes the dry run must turn into
 * candidates, as a percentage of the nodes where preemption might help and as an absolute floor.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record DefaultPreemptionArgs(int minCandidateNodesPercentage, int minCandidateNodesAbsolute) {
  public static final int DEFAULT_MIN_CANDIDATE_NODES_PERCENTAGE = 10;
  public static final int DEFAULT_MIN_CANDIDATE_NODES_ABSOLUTE = 100;

  public static DefaultPreemptionArgs defaults() {
    return new DefaultPreemptionArgs(
        DEFAULT_MIN_CANDIDATE_NODES_PERCENTAGE, DEFAULT_MIN_CANDIDATE_NODES_ABSOLUTE);
  }

  /**
   * Upstream's ValidateDefaultPreemptionArgs. Upstream reports every violation at once; this
   * throws on the first, with the same field path and wording.
   */
  public void validate() {
    if (minCandidateNodesPercentage < 0 || minCandidateNodesPercentage > 100) {
      throw new PluginArgsException(
          "minCandidateNodesPercentage",
          "Invalid value: " + minCandidateNodesPercentage + ": not in valid range [0, 100]");
    }
    if (minCandidateNodesAbsolute < 0) {
      throw new PluginArgsException(
          "minCandidateNodesAbsolute",
          "Invalid value: " + minCandidateNodesAbsolute + ": not in valid range [0, inf)");
    }
    if (minCandidateNodesPercentage == 0 && minCandidateNodesAbsolute == 0) {
      throw new PluginArgsException(
          "minCandidateNodesPercentage",
          "Invalid value: 0: cannot be zero at the same time as minCandidateNodesAbsolute");
    }
  }
}
