package io.schedlab.traces.alibaba2018;

import io.schedlab.traces.TraceEvent.PodDeleted.Reason;

/**
 * The batch task/instance statuses of the Alibaba 2017 and 2018 traces. A finished status ends the
 * pod with a deletion reason; the others leave it alive at the end of the trace.
 */
public enum BatchStatus {
  TERMINATED("Terminated", Reason.FINISHED),
  FAILED("Failed", Reason.FAILED),
  CANCELLED("Cancelled", Reason.KILLED),
  INTERRUPTED("Interrupted", Reason.EVICTED),
  RUNNING("Running", null),
  WAITING("Waiting", null),
  READY("Ready", null);

  private final String text;
  private final Reason reason;

  BatchStatus(String text, Reason reason) {
    this.text = text;
    this.reason = reason;
  }

  /** The deletion reason, or null when the pod was still alive at the end of the trace. */
  public Reason reason() {
    return reason;
  }

  public String text() {
    return text;
  }

  /** The status written as in the trace (case-insensitive), or null if unknown. */
  public static BatchStatus parse(String text) {
    for (BatchStatus s : values()) {
      if (s.text.equalsIgnoreCase(text)) {
        return s;
      }
    }
    return null;
  }

  /** What an error message says is expected. */
  public static String expected() {
    return "one of Terminated, Failed, Cancelled, Interrupted, Running, Waiting, Ready";
  }
}
