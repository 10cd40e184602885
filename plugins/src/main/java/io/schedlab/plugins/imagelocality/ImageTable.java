package io.schedlab.plugins.imagelocality;

import io.schedlab.api.ContainerImage;
import io.schedlab.api.Node;
import io.schedlab.framework.NodeInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The image states of a snapshot, as upstream's per-node ImageStates with NumNodes: every image
 * name gets a dense id and the number of nodes reporting it; every node gets its image ids,
 * sorted, with the size the node reports for each.
 *
 * <p>Implementation note: node images change only when a Node object is replaced, so a table
 * stays valid while the snapshot's {@link io.schedlab.framework.NodeInfoLister#nodesVersion()}
 * is the one it was built at: one comparison per cycle. Built once per such change, read by
 * Score with a binary search.
 */
final class ImageTable {
  private static final int[] NO_IDS = new int[0];
  private static final long[] NO_SIZES = new long[0];

  private final long version;
  private final Node[] nodes;
  private final Map<String, Integer> ids;
  private final int[] numNodes;
  private final int[][] nodeIds;
  private final long[][] nodeSizes;

  private ImageTable(long version, Node[] nodes, Map<String, Integer> ids, int[] numNodes,
      int[][] nodeIds, long[][] nodeSizes) {
    this.version = version;
    this.nodes = nodes;
    this.ids = ids;
    this.numNodes = numNodes;
    this.nodeIds = nodeIds;
    this.nodeSizes = nodeSizes;
  }

  static ImageTable build(io.schedlab.framework.NodeInfoLister lister) {
    List<NodeInfo> snapshot = lister.list();
    long version = lister.nodesVersion();
    int n = snapshot.size();
    Node[] nodes = new Node[n];
    Map<String, Integer> ids = new HashMap<>();
    int[] counts = new int[16];
    int[][] nodeIds = new int[n][];
    long[][] nodeSizes = new long[n][];
    Map<Integer, Long> sizes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Node node = snapshot.get(i).node();
      nodes[i] = node;
      sizes.clear();
      List<ContainerImage> images = node == null ? List.of() : node.status().images();
      for (ContainerImage image : images) {
        long size = image.sizeBytes() == null ? 0 : image.sizeBytes();
        for (String name : image.names()) {
          Integer id = ids.get(name);
          if (id == null) {
            id = ids.size();
            ids.put(name, id);
          }
          // A name listed twice on one node counts once; the last size listed wins.
          sizes.put(id, size);
        }
      }
      if (sizes.isEmpty()) {
        nodeIds[i] = NO_IDS;
        nodeSizes[i] = NO_SIZES;
        continue;
      }
      int[] row = new int[sizes.size()];
      int k = 0;
      for (Integer id : sizes.keySet()) {
        row[k++] = id;
      }
      Arrays.sort(row);
      long[] rowSizes = new long[row.length];
      for (int j = 0; j < row.length; j++) {
        rowSizes[j] = sizes.get(row[j]);
        if (row[j] >= counts.length) {
          counts = Arrays.copyOf(counts, Math.max(counts.length * 2, row[j] + 1));
        }
        counts[row[j]]++;
      }
      nodeIds[i] = row;
      nodeSizes[i] = rowSizes;
    }
    return new ImageTable(version, nodes, ids, Arrays.copyOf(counts, ids.size()), nodeIds, nodeSizes);
  }

  /** Whether the snapshot still holds exactly the Node objects this table was built from. */
  boolean isCurrent(io.schedlab.framework.NodeInfoLister lister) {
    return lister.nodesVersion() == version;
  }

  int totalNodes() {
    return nodes.length;
  }

  /** The id of an image name, or -1 when no node reports it. */
  int id(String imageName) {
    Integer id = ids.get(imageName);
    return id == null ? -1 : id;
  }

  /** How many nodes report the image. */
  int numNodes(int id) {
    return numNodes[id];
  }

  /** The row of a node, or -1 when the node is not the one this table saw at its index. */
  int row(NodeInfo node) {
    int i = node.index();
    return i >= 0 && i < nodes.length && nodes[i] == node.node() ? i : -1;
  }

  /** The size the node at {@code row} reports for image {@code id}, or -1 when it lacks it. */
  long size(int row, int id) {
    int at = Arrays.binarySearch(nodeIds[row], id);
    return at < 0 ? -1 : nodeSizes[row][at];
  }
}
