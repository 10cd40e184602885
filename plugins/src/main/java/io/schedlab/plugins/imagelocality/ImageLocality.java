package io.schedlab.plugins.imagelocality;

import io.schedlab.api.Container;
import io.schedlab.api.ContainerImage;
import io.schedlab.api.PodSpec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ScorePlugin;
import java.util.List;

/**
 * Score: favours nodes that already hold the pod's container images (init containers included),
 * by their size, each damped by the share of all nodes that hold it so that one node with a big
 * image does not attract every pod. The sum is clamped to [23 MiB, 1000 MiB x containers] and
 * scaled to 0..100. No NormalizeScore.
 *
 * <p>Implementation note: upstream keeps per-node image states with the number of nodes holding
 * each image in its snapshot. Here the first Score call of a cycle takes that from an {@link
 * ImageTable}, rebuilt only when a Node object in the snapshot changed, and resolves the pod's
 * images to ids with their spread factor; that per-cycle result is kept for the cycle's other
 * Score calls (keyed by the CycleState, since Score may not write to it). Score is then a few
 * binary searches per node. Like upstream, the plugin has no PreScore.
 */
public final class ImageLocality implements ScorePlugin {
  public static final String NAME = "ImageLocality";

  static final long MB = 1024L * 1024;
  /** Below this the images are worth nothing. */
  static final long MIN_THRESHOLD = 23 * MB;
  /** Per container: beyond this an image adds nothing. */
  static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

  /**
   * What one cycle needs: per container (init containers first), the image id in {@code table}
   * (-1 when no node has it) and the image's spread, number of nodes holding it over all nodes.
   */
  /** @param anyKnown whether some node reports one of the pod's images; else every node scores 0 */
  record CycleData(CycleState cycle, PodInfo pod, ImageTable table, int[] imageIds, double[] spreads,
      int numContainers, boolean anyKnown) {}

  private final Handle handle;
  private volatile ImageTable cachedTable;
  private volatile CycleData current;

  public ImageLocality(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    CycleData s = cycleData(state, pod);
    if (!s.anyKnown()) {
      return calculatePriority(0, s.numContainers());
    }
    ImageTable table = s.table();
    int row = table.row(node);
    long sum = 0;
    int[] ids = s.imageIds();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0) {
        continue;
      }
      long size = row >= 0 ? table.size(row, ids[i]) : sizeOnNode(node, ids[i], table);
      if (size >= 0) {
        sum += (long) (size * s.spreads()[i]);
      }
    }
    return calculatePriority(sum, s.numContainers());
  }

  private CycleData cycleData(CycleState state, PodInfo pod) {
    CycleData c = current;
    if (c != null && c.cycle() == state && c.pod() == pod) {
      return c;
    }
    synchronized (this) {
      c = current;
      if (c == null || c.cycle() != state || c.pod() != pod) {
        c = compute(state, pod);
        current = c;
      }
      return c;
    }
  }

  /** The image size a node outside the table reports (a NodeInfo the snapshot does not hold). */
  private static long sizeOnNode(NodeInfo node, int id, ImageTable table) {
    long size = -1;
    for (ContainerImage image : node.images()) {
      for (String name : image.names()) {
        if (table.id(name) == id) {
          size = image.sizeBytes() == null ? 0 : image.sizeBytes();
        }
      }
    }
    return size;
  }

  private CycleData compute(CycleState state, PodInfo pod) {
    ImageTable table = cachedTable;
    if (table == null || !table.isCurrent(handle.snapshot())) {
      table = ImageTable.build(handle.snapshot());
      cachedTable = table;
    }
    PodSpec spec = pod.pod().spec();
    int n = spec.initContainers().size() + spec.containers().size();
    int[] ids = new int[n];
    double[] spreads = new double[n];
    int i = 0;
    for (List<Container> list : List.of(spec.initContainers(), spec.containers())) {
      for (Container c : list) {
        int id = c.image() == null ? -1 : table.id(normalizedImageName(c.image()));
        ids[i] = id;
        spreads[i] = id < 0 ? 0 : (double) table.numNodes(id) / (double) table.totalNodes();
        i++;
      }
    }
    boolean anyKnown = false;
    for (int id : ids) {
      anyKnown |= id >= 0;
    }
    return new CycleData(state, pod, table, ids, spreads, n, anyKnown);
  }

  /** Upstream's calculatePriority: the clamped sum scaled to 0..100. */
  static long calculatePriority(long sumScores, int numContainers) {
    long maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
    if (sumScores < MIN_THRESHOLD) {
      sumScores = MIN_THRESHOLD;
    } else if (sumScores > maxThreshold) {
      sumScores = maxThreshold;
    }
    return MAX_NODE_SCORE * (sumScores - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
  }

  /** An image reference without a tag gets ":latest", as the container runtime names it. */
  static String normalizedImageName(String name) {
    if (name.lastIndexOf(':') <= name.lastIndexOf('/')) {
      return name + ":latest";
    }
    return name;
  }

  // Written here, not shared, so the call to score has one receiver class and inlines. When no
  // node reports any of the pod's images every node gets the same score, without reading one.
  @Override
  public RangeScorer rangeScorer() {
    return (state, pod, run, out) -> {
      CycleData s = cycleData(state, pod);
      if (!s.anyKnown()) {
        java.util.Arrays.fill(out, run.from(), run.to(), calculatePriority(0, s.numContainers()));
        return;
      }
      for (int i = run.from(), to = run.to(); i < to; i++) {
        out[i] = score(state, pod, run.node(i));
      }
    };
  }
}
