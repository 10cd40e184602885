package io.schedlab.framework;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filter outcome per node for a pod that did not fit, as upstream's NodeToStatus: nodes not
 * listed (never evaluated) take the {@link #absentStatus()}.
 */
public final class NodeToStatus {
  private final Map<String, Status> statuses = new LinkedHashMap<>();
  private Status absentStatus = Status.unresolvable();

  public void set(String nodeName, Status s) {
    statuses.put(nodeName, s);
  }

  public Status get(String nodeName) {
    Status s = statuses.get(nodeName);
    return s == null ? absentStatus : s;
  }

  public Map<String, Status> statuses() {
    return statuses;
  }

  public int size() {
    return statuses.size();
  }

  public Status absentStatus() {
    return absentStatus;
  }

  public void setAbsentStatus(Status s) {
    absentStatus = s;
  }
}
