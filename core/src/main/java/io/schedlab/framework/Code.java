package io.schedlab.framework;

/** The status codes of kube-scheduler's framework, in upstream's order and with its names. */
public enum Code {
  SUCCESS("Success"),
  ERROR("Error"),
  UNSCHEDULABLE("Unschedulable"),
  UNSCHEDULABLE_AND_UNRESOLVABLE("UnschedulableAndUnresolvable"),
  WAIT("Wait"),
  SKIP("Skip"),
  PENDING("Pending");

  private final String upstreamName;

  Code(String upstreamName) {
    this.upstreamName = upstreamName;
  }

  /** The name upstream prints and conformance files use, e.g. {@code UnschedulableAndUnresolvable}. */
  public String upstreamName() {
    return upstreamName;
  }

  public static Code fromUpstreamName(String name) {
    for (Code c : values()) {
      if (c.upstreamName.equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown status code \"" + name + "\"; expected one of Success, Error, Unschedulable,"
            + " UnschedulableAndUnresolvable, Wait, Skip, Pending");
  }
}
