package io.schedlab.controller;

import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.store.NotFoundException;
import io.schedlab.store.WatchEvent;
import java.util.BitSet;
import java.util.List;

/**
 * The node IPAM controller with the RangeAllocator (node-ipam-controller): gives every node
 * without one a podCIDR of --node-cidr-mask-size carved from --cluster-cidr, marks CIDRs that
 * nodes already carry as used, and releases a node's CIDR when the node is deleted. IPv4 only.
 *
 * <p>As upstream's cidrset, allocation continues round-robin from the CIDR after the last one
 * handed out, so a released CIDR is reused only after the others.
 */
public final class NodeIpamController implements ClusterComponent {
  public static final String NAME = "node-ipam-controller";
  // cidrset's limit: at most 2^16 node CIDRs in a cluster CIDR.
  private static final int MAX_PREFIX_DIFFERENCE = 16;

  private ClusterContext ctx;
  private CidrSet cidrs;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void start(ClusterContext context) {
    this.ctx = context;
    this.cidrs = new CidrSet(context.settings().clusterCidr(),
        context.settings().nodeCidrMaskSize());
    List<Node> nodes = context.store().listAndWatch(Node.class, this::onNode);
    // Occupy first, so a new allocation never takes a CIDR an existing node already has.
    for (Node node : nodes) {
      occupy(node);
    }
    for (Node node : nodes) {
      allocate(node);
    }
  }

  /** How many node CIDRs are in use. */
  public int allocatedCount() {
    return cidrs.used.cardinality();
  }

  private void onNode(WatchEvent<Node> event) {
    Node node = event.object();
    if (event.type() == WatchEvent.Type.DELETED) {
      String cidr = node.spec().podCIDR();
      if (cidr != null && cidrs.release(cidr)) {
        ControllerSupport.action(ctx, NAME, "release_cidr", "nodes/" + node.metadata().name(),
            node.metadata().name(), null);
      }
      return;
    }
    if (event.type() == WatchEvent.Type.ADDED) {
      occupy(node);
      allocate(node);
    }
  }

  private void occupy(Node node) {
    String cidr = node.spec().podCIDR();
    if (cidr != null && !cidr.isEmpty()) {
      cidrs.occupy(cidr);
    }
  }

  private void allocate(Node node) {
    String name = node.metadata().name();
    if (node.spec().podCIDR() != null && !node.spec().podCIDR().isEmpty()) {
      return;
    }
    String cidr = cidrs.allocateNext();
    if (cidr == null) {
      // Upstream records the node event CIDRNotAvailable and retries.
      ctx.record(ControllerSupport.actionEvent(ctx, NAME, "cidr_not_available", "nodes/" + name,
          name, null));
      return;
    }
    try {
      ctx.store().update(Node.class, null, name, n -> {
        NodeSpec s = n.spec();
        return n.withSpec(new NodeSpec(s.unschedulable(), s.taints(), cidr, List.of(cidr),
            s.providerID()));
      });
    } catch (NotFoundException e) {
      cidrs.release(cidr);
      return;
    }
    ctx.record(ControllerSupport.actionEvent(ctx, NAME, "allocate_cidr", "nodes/" + name, name,
        null).with("podCIDR", cidr));
  }

  /** A cluster CIDR cut into node CIDRs, with a round-robin cursor (upstream's cidrset). */
  static final class CidrSet {
    final long base;
    final int clusterPrefix;
    final int nodeMask;
    final int count;
    final BitSet used;
    int next;

    CidrSet(String clusterCidr, int nodeMask) {
      int slash = clusterCidr == null ? -1 : clusterCidr.indexOf('/');
      if (slash < 0) {
        throw invalid(clusterCidr);
      }
      long addr = parseIpv4(clusterCidr.substring(0, slash));
      int prefix;
      try {
        prefix = Integer.parseInt(clusterCidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw invalid(clusterCidr);
      }
      if (addr < 0 || prefix < 0 || prefix > 32) {
        throw invalid(clusterCidr);
      }
      if (nodeMask < prefix || nodeMask > 32) {
        throw new IllegalArgumentException("nodeCidrMaskSize: expected a prefix length between "
            + prefix + " and 32 for cluster CIDR " + clusterCidr + ", got " + nodeMask);
      }
      if (nodeMask - prefix > MAX_PREFIX_DIFFERENCE) {
        throw new IllegalArgumentException("nodeCidrMaskSize: " + nodeMask
            + " is more than 16 bits longer than the cluster CIDR " + clusterCidr);
      }
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      this.base = addr & mask;
      this.clusterPrefix = prefix;
      this.nodeMask = nodeMask;
      this.count = 1 << (nodeMask - prefix);
      this.used = new BitSet(count);
    }

    String allocateNext() {
      for (int i = 0; i < count; i++) {
        int candidate = (next + i) % count;
        if (!used.get(candidate)) {
          used.set(candidate);
          next = (candidate + 1) % count;
          return format(candidate);
        }
      }
      return null;
    }

    /** Marks a CIDR used; false if it is not one of this set's node CIDRs. */
    boolean occupy(String cidr) {
      int index = indexOf(cidr);
      if (index < 0) {
        return false;
      }
      used.set(index);
      return true;
    }

    boolean release(String cidr) {
      int index = indexOf(cidr);
      if (index < 0 || !used.get(index)) {
        return false;
      }
      used.clear(index);
      return true;
    }

    private int indexOf(String cidr) {
      int slash = cidr.indexOf('/');
      if (slash < 0) {
        return -1;
      }
      long addr = parseIpv4(cidr.substring(0, slash));
      if (addr < 0 || !cidr.substring(slash + 1).equals(Integer.toString(nodeMask))) {
        return -1;
      }
      long offset = addr - base;
      long size = 1L << (32 - nodeMask);
      if (offset < 0 || offset % size != 0 || offset / size >= count) {
        return -1;
      }
      return (int) (offset / size);
    }

    private String format(int index) {
      long addr = base + ((long) index << (32 - nodeMask));
      return ((addr >> 24) & 0xFF) + "." + ((addr >> 16) & 0xFF) + "." + ((addr >> 8) & 0xFF)
          + "." + (addr & 0xFF) + "/" + nodeMask;
    }

    /** The address as an unsigned 32-bit value, or -1 if it is not dotted-quad IPv4. */
    static long parseIpv4(String text) {
      String[] parts = text.split("\\.", -1);
      if (parts.length != 4) {
        return -1;
      }
      long v = 0;
      for (String p : parts) {
        if (p.isEmpty() || p.length() > 3) {
          return -1;
        }
        int octet;
        try {
          octet = Integer.parseInt(p);
        } catch (NumberFormatException e) {
          return -1;
        }
        if (octet < 0 || octet > 255) {
          return -1;
        }
        v = (v << 8) | octet;
      }
      return v;
    }

    private static IllegalArgumentException invalid(String cidr) {
      return new IllegalArgumentException(
          "clusterCidr: expected an IPv4 CIDR like 10.244.0.0/16, got \"" + cidr + "\"");
    }
  }
}
