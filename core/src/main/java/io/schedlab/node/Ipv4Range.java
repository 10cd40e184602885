package io.schedlab.node;

/**
 * A block of IPv4 addresses from a CIDR, handed out in order: the deterministic allocator behind
 * node InternalIPs/ExternalIPs and pod IPs. The block's first address (the network) and, in
 * blocks larger than two, its last (broadcast) are skipped. Released addresses are reused round
 * robin, as the host-local IPAM plugin does: allocation continues after the last address handed
 * out and wraps around. {@link #lowestFree()} instead hands out the lowest free address, as the
 * API server's ClusterIP allocator and the simulated cloud's load-balancer pool do.
 */
public final class Ipv4Range {
  private static final int MAX_PREFIX_BITS = 31;

  private final String cidr;
  private final long base;
  private final long size;
  private final java.util.BitSet used = new java.util.BitSet();
  private long next = 1;

  public Ipv4Range(String cidr) {
    this.cidr = cidr;
    int slash = cidr == null ? -1 : cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("CIDR: expected a.b.c.d/n, got \"" + cidr + "\"");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      prefix = -1;
    }
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException("CIDR \"" + cidr + "\": expected a prefix length 0..32");
    }
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    this.base = parse(cidr.substring(0, slash), cidr) & mask;
    this.size = 1L << Math.min(32 - prefix, MAX_PREFIX_BITS);
  }

  /**
   * The {@code index}-th subnet of {@code cidr} with prefix length {@code maskSize}, as a range
   * allocator carves per-node pod CIDRs.
   */
  public static String subnet(String cidr, int maskSize, long index) {
    Ipv4Range parent = new Ipv4Range(cidr);
    long block = 1L << (32 - maskSize);
    if (index < 0 || (index + 1) * block > parent.size) {
      throw new IllegalArgumentException("CIDR \"" + cidr + "\": no subnet /" + maskSize
          + " number " + index);
    }
    return format(parent.base + index * block) + "/" + maskSize;
  }

  /** The next free address. */
  public String next() {
    long limit = size > 2 ? size - 1 : size;
    for (long tries = 1; tries < limit; tries++) {
      if (next >= limit) {
        next = 1;
      }
      long offset = next++;
      if (!used.get((int) offset)) {
        used.set((int) offset);
        return format(base + offset);
      }
    }
    throw new IllegalStateException("CIDR " + cidr + ": no addresses left");
  }

  /** The lowest free address (released ones come back first). */
  public String lowestFree() {
    long limit = size > 2 ? size - 1 : size;
    int offset = used.nextClearBit(1);
    if (offset >= limit) {
      throw new IllegalStateException("CIDR " + cidr + ": no addresses left");
    }
    used.set(offset);
    return format(base + offset);
  }

  /** Marks an address taken (one a user chose); addresses outside the block are ignored. */
  public void claim(String ip) {
    long offset = parse(ip, ip) - base;
    if (offset > 0 && offset < size) {
      used.set((int) offset);
    }
  }

  /** Returns an address to the pool; addresses outside the block are ignored. */
  public void release(String ip) {
    long offset = parse(ip, ip) - base;
    if (offset > 0 && offset < size) {
      used.clear((int) offset);
    }
  }

  static long parse(String ip, String context) {
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("\"" + context + "\": expected an IPv4 address a.b.c.d");
    }
    long v = 0;
    for (String p : parts) {
      int octet;
      try {
        octet = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        octet = -1;
      }
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("\"" + context + "\": octet \"" + p
            + "\" is not 0..255");
      }
      v = (v << 8) | octet;
    }
    return v;
  }

  static String format(long v) {
    return ((v >>> 24) & 255) + "." + ((v >>> 16) & 255) + "." + ((v >>> 8) & 255) + "."
        + (v & 255);
  }

  @Override
  public String toString() {
    return "Ipv4Range[" + cidr + ", next=" + format(base + next) + "]";
  }
}
