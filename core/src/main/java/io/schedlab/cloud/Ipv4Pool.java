package io.schedlab.cloud;

import java.util.BitSet;

/**
 * Addresses handed out from an IPv4 CIDR, lowest free first, skipping the network and broadcast
 * addresses; released addresses are reused.
 */
public final class Ipv4Pool {
  private final String cidr;
  private final long base;
  private final int size;
  private final BitSet used = new BitSet();

  public Ipv4Pool(String cidr) {
    this.cidr = cidr;
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("cidr: expected a.b.c.d/len, got '" + cidr + "'");
    }
    int len;
    try {
      len = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cidr: expected a.b.c.d/len, got '" + cidr + "'");
    }
    if (len < 8 || len > 30) {
      throw new IllegalArgumentException("cidr: expected a prefix length of 8..30, got " + len);
    }
    long mask = (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
    this.base = parse(cidr.substring(0, slash)) & mask;
    this.size = 1 << (32 - len);
  }

  /** The next free address. */
  public String allocate() {
    int i = used.nextClearBit(1);
    if (i >= size - 1) {
      throw new IllegalStateException(cidr + ": no free address left");
    }
    used.set(i);
    return format(base + i);
  }

  /** Marks an address taken (one a user chose); an address outside the range is ignored. */
  public void claim(String ip) {
    long off = parse(ip) - base;
    if (off > 0 && off < size - 1) {
      used.set((int) off);
    }
  }

  public void release(String ip) {
    long off = parse(ip) - base;
    if (off > 0 && off < size - 1) {
      used.clear((int) off);
    }
  }

  static long parse(String ip) {
    String[] p = ip.split("\\.");
    if (p.length != 4) {
      throw new IllegalArgumentException("address: expected a.b.c.d, got '" + ip + "'");
    }
    long v = 0;
    for (String part : p) {
      int b = Integer.parseInt(part);
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("address: expected octets 0..255, got '" + ip + "'");
      }
      v = (v << 8) | b;
    }
    return v;
  }

  static String format(long v) {
    return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
  }
}
