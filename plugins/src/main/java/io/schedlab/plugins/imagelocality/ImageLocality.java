package io.schedlab.plugins.imagelocality;

import io.schedlab.api.Container;
import io.schedlab.api.ContainerImage;
import io.schedlab.api.PodSpec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.StateData;
import io.schedlab.framework.Status;
import java.util.List;

/**
 * Score: favours nodes that already hold the pod's container images (init containers included),
 * by their size, each damped by the share of all nodes that hold it so that one node with a big
 * image does not attract every pod. The sum is clamped to [23 MiB, 1000 MiB x containers] and
 * scaled to 0..100. No NormalizeScore.
 *
 * <p>Implementation note: upstream keeps per-node image states with the number of nodes holding
 * each image in its snapshot. Here PreScore, once per cycle, takes that from an {@link
 * ImageTable} rebuilt only when a Node object in the snapshot changed, and resolves the pod's
 * images to ids with their spread factor; Score is then a few binary searches per node.
 * Upstream has no PreScore for this plugin; ours changes no score (it returns Skip only when no
 * node holds any of the pod's images, where every score would be 0).
 */
public final class ImageLocality implements PreScorePlugin, ScorePlugin {
  public static final String NAME = "ImageLocality";

  static final long MB = 1024L * 1024;
  /** Below this the images are worth nothing. */
  static final long MIN_THRESHOLD = 23 * MB;
  /** Per container: beyond this an image adds nothing. */
  static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

  private static final CycleState.Key<PreScoreState> KEY = CycleState.Key.of("PreScore" + NAME);

  /**
   * Per container (init containers first), the image id in {@code table} (-1 when no node has
   * it) and the image's spread, number of nodes holding it over all nodes.
   */
  record PreScoreState(ImageTable table, int[] imageIds, double[] spreads, int numContainers)
      implements StateData {
    @Override
    public StateData copy() {
      return this;
    }
  }

  private final Handle handle;
  private volatile ImageTable cached;

  public ImageLocality(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> nodes) {
    PreScoreState s = compute(pod);
    boolean any = false;
    for (int id : s.imageIds()) {
      any |= id >= 0;
    }
    if (!any) {
      return Status.SKIP;
    }
    state.write(KEY, s);
    return Status.SUCCESS;
  }

  @Override
  public long score(CycleState state, PodInfo pod, NodeInfo node) {
    PreScoreState s = state.read(KEY);
    if (s == null) {
      // PreScore not enabled: correct, but pays the snapshot check on every node.
      s = compute(pod);
    }
    ImageTable table = s.table();
    int row = table.row(node);
    long sum = 0;
    int[] ids = s.imageIds();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0) {
        continue;
      }
      long size = row >= 0 ? table.size(row, ids[i]) : sizeOnNode(node, s, i, table);
      if (size >= 0) {
        sum += (long) (size * s.spreads()[i]);
      }
    }
    return calculatePriority(sum, s.numContainers());
  }

  /** The image size a node outside the table reports (a NodeInfo the snapshot does not hold). */
  private static long sizeOnNode(NodeInfo node, PreScoreState s, int container, ImageTable table) {
    long size = -1;
    for (ContainerImage image : node.images()) {
      for (String name : image.names()) {
        if (table.id(name) == s.imageIds()[container]) {
          size = image.sizeBytes() == null ? 0 : image.sizeBytes();
        }
      }
    }
    return size;
  }

  private PreScoreState compute(PodInfo pod) {
    List<NodeInfo> all = handle.snapshot().list();
    ImageTable table = cached;
    if (table == null || !table.isCurrent(all)) {
      table = ImageTable.build(all);
      cached = table;
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
    return new PreScoreState(table, ids, spreads, n);
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
}
