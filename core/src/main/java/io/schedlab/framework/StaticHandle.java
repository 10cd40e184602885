package io.schedlab.framework;

import io.schedlab.api.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A {@link Handle} over a world that does not move: a fixed snapshot and object set, a frozen
 * clock, no waiting pods, a client that only records. For plugin tests and the conformance
 * runner, where one plugin is called stage by stage outside a scheduler.
 *
 * <p>The filter runner is set after construction because the usual runner (a profile's
 * framework) needs this handle to be built first.
 */
public final class StaticHandle implements Handle {
  private final NodeInfoLister snapshot;
  private final ResourceRegistry resources;
  private final LabelInterner labels;
  private final RecordingClusterClient client = new RecordingClusterClient();
  private final Map<String, List<PodInfo>> nominated = new HashMap<>();
  private ObjectLister objects = StaticObjectLister.empty();
  private RandomGenerator random = new SplittableRandom(0);
  private long nowNanos;
  private int parallelism = 1;
  private FilterRunner filterRunner;

  public StaticHandle(NodeInfoLister snapshot, ResourceRegistry resources, LabelInterner labels) {
    this.snapshot = snapshot;
    this.resources = resources;
    this.labels = labels;
  }

  public StaticHandle setObjects(ObjectLister objects) {
    this.objects = objects;
    return this;
  }

  /** Reseeds {@link #random()}; the same seed gives the same sequence. */
  public StaticHandle setSeed(long seed) {
    this.random = new SplittableRandom(seed);
    return this;
  }

  /** Replaces {@link #random()}, for a test that needs particular draws. */
  public StaticHandle setRandom(RandomGenerator random) {
    this.random = random;
    return this;
  }

  public StaticHandle setNowNanos(long nowNanos) {
    this.nowNanos = nowNanos;
    return this;
  }

  public StaticHandle setParallelism(int parallelism) {
    this.parallelism = Math.max(1, parallelism);
    return this;
  }

  public StaticHandle setFilterRunner(FilterRunner filterRunner) {
    this.filterRunner = filterRunner;
    return this;
  }

  /** Records {@code pod} as nominated to {@code nodeName}, as a preemption in an earlier cycle would have. */
  public StaticHandle addNominatedPod(PodInfo pod, String nodeName) {
    List<PodInfo> list = nominated.computeIfAbsent(nodeName, n -> new ArrayList<>());
    int at = list.size();
    // Highest priority first; among equals, nomination order.
    while (at > 0 && list.get(at - 1).priority() < pod.priority()) {
      at--;
    }
    list.add(at, pod);
    return this;
  }

  /** The client, with what plugins asked of it. */
  @Override
  public RecordingClusterClient client() {
    return client;
  }

  @Override
  public NodeInfoLister snapshot() {
    return snapshot;
  }

  @Override
  public long nowNanos() {
    return nowNanos;
  }

  @Override
  public WaitingPod waitingPod(String uid) {
    return null;
  }

  @Override
  public void iterateWaitingPods(Consumer<WaitingPod> action) {
    // A static world has no pods parked in Permit.
  }

  @Override
  public boolean anyNominatedPods() {
    return !nominated.isEmpty();
  }

  @Override
  public List<PodInfo> nominatedPodsForNode(String nodeName) {
    if (nominated.isEmpty()) {
      return List.of(); // asked for every node: skip hashing the name
    }
    List<PodInfo> list = nominated.get(nodeName);
    return list == null ? List.of() : List.copyOf(list);
  }

  @Override
  public ResourceRegistry resources() {
    return resources;
  }

  @Override
  public LabelInterner labels() {
    return labels;
  }

  @Override
  public PodInfo compile(Pod pod) {
    return new PodInfo(pod, resources, labels);
  }

  @Override
  public int parallelism() {
    return parallelism;
  }

  @Override
  public ObjectLister objects() {
    return objects;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  /** The runner set with {@link #setFilterRunner}; a world without a profile has none. */
  @Override
  public FilterRunner filterRunner() {
    if (filterRunner == null) {
      throw new IllegalStateException(
          "filterRunner: this static world has no profile to run Filter plugins with");
    }
    return filterRunner;
  }
}
