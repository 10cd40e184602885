package io.schedlab.scheduler;

import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Why a pod fits no node, with upstream's aggregated message:
 * {@code 0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.}
 * Reasons are counted per node, printed as "count reason" and sorted as strings, as upstream's
 * FitError.Error does; PreFilter and PostFilter messages are appended in its format.
 */
public final class FitError {
  private final int numAllNodes;
  private final NodeToStatus nodeToStatus;
  private final Set<String> unschedulablePlugins = new HashSet<>();
  private String preFilterMsg = "";
  private String postFilterMsg = "";

  public FitError(int numAllNodes, NodeToStatus nodeToStatus) {
    this.numAllNodes = numAllNodes;
    this.nodeToStatus = nodeToStatus;
  }

  public NodeToStatus nodeToStatus() {
    return nodeToStatus;
  }

  public Set<String> unschedulablePlugins() {
    return unschedulablePlugins;
  }

  public void setPreFilterMsg(String msg) {
    preFilterMsg = msg == null ? "" : msg;
  }

  public void setPostFilterMsg(String msg) {
    postFilterMsg = msg == null ? "" : msg;
  }

  public int numAllNodes() {
    return numAllNodes;
  }

  public String message() {
    StringBuilder sb = new StringBuilder();
    sb.append("0/").append(numAllNodes).append(" nodes are available:");
    if (!preFilterMsg.isEmpty()) {
      sb.append(' ').append(preFilterMsg).append('.');
    } else {
      Map<String, Integer> reasons = new TreeMap<>();
      for (Status s : nodeToStatus.statuses().values()) {
        for (String r : s.reasons()) {
          reasons.merge(r, 1, Integer::sum);
        }
      }
      int absent = numAllNodes - nodeToStatus.size();
      if (absent > 0) {
        for (String r : nodeToStatus.absentStatus().reasons()) {
          reasons.merge(r, absent, Integer::sum);
        }
      }
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Integer> e : reasons.entrySet()) {
        parts.add(e.getValue() + " " + e.getKey());
      }
      parts.sort(null);
      if (!parts.isEmpty()) {
        sb.append(' ').append(String.join(", ", parts)).append('.');
      }
    }
    if (!postFilterMsg.isEmpty()) {
      // Upstream appends the PostFilter message as it is (its own sentence ends with a period).
      sb.append(' ').append(postFilterMsg);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
