package io.schedlab.framework;

import io.schedlab.api.ContainerPort;

/** A host port in use: ip ("0.0.0.0" when unset), protocol ("TCP" when unset) and port. */
public record HostPort(String ip, String protocol, int port) {
  public static final String ANY_IP = "0.0.0.0";

  public static HostPort of(ContainerPort p) {
    String protocol = p.protocol() == null || p.protocol().isEmpty() ? "TCP" : p.protocol();
    String ip = p.hostIP() == null || p.hostIP().isEmpty() ? ANY_IP : p.hostIP();
    return new HostPort(ip, protocol, p.hostPort() == null ? 0 : p.hostPort());
  }

  /** Same protocol and port, and the ips overlap (either is 0.0.0.0 or they are equal). */
  public boolean conflictsWith(HostPort other) {
    return port == other.port
        && protocol.equals(other.protocol)
        && (ip.equals(ANY_IP) || other.ip.equals(ANY_IP) || ip.equals(other.ip));
  }
}
