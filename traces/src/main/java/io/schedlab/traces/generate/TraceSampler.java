package io.schedlab.traces.generate;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Makes a recorded trace smaller or larger.
 *
 * <p>{@link #subsample} keeps each pod with probability {@code fraction}, decided by a seeded hash
 * of its {@code namespace/name}: the decision needs no memory, its PodDeleted and any {@code
 * dependsOn} reference to it follow the same decision, and one seed gives one subsample. It
 * streams in one pass.
 *
 * <p>{@link #inflate} is the FGD artifact's workload tuning (kubernetes-scheduler-simulator's
 * {@code workloadTuningConfig}: ratio, seed): with R the pods' total request of one resource
 * and C the cluster's total allocatable of it, below {@code ratio × C} copies of pods drawn
 * uniformly at random (with replacement) are added until the next draw would push R above
 * {@code ratio × C}; above it, pods drawn at random are removed until R is at most {@code ratio
 * × C}. A copy is submitted with its original (same time, duration, spec) as {@code
 * <name>-tuned-<i>}, i counting the draws, and is deleted with it. It needs two passes over the
 * input, so it takes a way to reopen it. Memory: pass one keeps one long per pod (its request)
 * and one int per draw; pass two keeps the names of removed or copied pods that are still
 * running. Cluster capacity counts every NodeAdded (allocatable, else capacity); updates and
 * removals are ignored, as the artifact sizes against its static node list.
 */
public final class TraceSampler {
  private TraceSampler() {}

  /** A streamed subsample; closing it closes {@code source}. */
  public static TraceSource subsample(TraceSource source, double fraction, long seed) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
    }
    return new Subsample(source, fraction, seed);
  }

  /**
   * Plans an inflation (pass one reads {@code reopen.get()} once) and returns it; {@link
   * Inflation#open()} streams the result.
   *
   * @param ratio the target share of cluster capacity, positive (1.3 = 130%)
   * @param resource the resource measured, e.g. {@code nvidia.com/gpu} or {@code cpu}
   */
  public static Inflation inflate(Supplier<TraceSource> reopen, double ratio, String resource, long seed) {
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("the inflation ratio must be a positive number, got " + ratio);
    }
    return Inflation.plan(reopen, ratio, resource, seed);
  }

  static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  private static TraceHeader withAttributes(TraceHeader h, Map<String, String> extra) {
    Map<String, String> attrs = new LinkedHashMap<>(h.attributes());
    attrs.putAll(extra);
    return new TraceHeader(h.version(), h.format(), h.source(), attrs);
  }

  // ------------------------------------------------------------------ subsample

  private static final class Subsample implements TraceSource {
    private final TraceSource source;
    private final double fraction;
    private final long seed;
    private final TraceHeader header;

    Subsample(TraceSource source, double fraction, long seed) {
      this.source = source;
      this.fraction = fraction;
      this.seed = seed;
      this.header = withAttributes(source.header(),
          Map.of("sample.fraction", Double.toString(fraction), "sample.seed", Long.toString(seed)));
    }

    private boolean keep(String namespace, String name) {
      return Seeds.uniform(seed, key(namespace, name)) < fraction;
    }

    @Override
    public TraceHeader header() {
      return header;
    }

    @Override
    public TraceEvent next() {
      TraceEvent e;
      while ((e = source.next()) != null) {
        if (e instanceof TraceEvent.PodSubmitted p) {
          ObjectMeta m = p.pod().metadata();
          if (!keep(m.namespace(), m.name())) {
            continue;
          }
          if (!p.dependsOn().isEmpty()) {
            List<String> deps = new ArrayList<>(p.dependsOn().size());
            for (String d : p.dependsOn()) {
              int slash = d.indexOf('/');
              if (slash < 0 ? keep(null, d) : keep(d.substring(0, slash), d.substring(slash + 1))) {
                deps.add(d);
              }
            }
            if (deps.size() != p.dependsOn().size()) {
              p = new TraceEvent.PodSubmitted(p.timeNanos(), p.pod(), p.durationNanos(), p.usage(), deps);
            }
          }
          return p;
        }
        if (e instanceof TraceEvent.PodDeleted d && !keep(d.namespace(), d.name())) {
          continue;
        }
        return e;
      }
      return null;
    }

    @Override
    public long badRows() {
      return source.badRows();
    }

    @Override
    public void close() {
      source.close();
    }
  }

  // ------------------------------------------------------------------ inflation

  /** A planned inflation: the figures of pass one, and {@link #open()} for pass two. */
  public static final class Inflation {
    private final Supplier<TraceSource> reopen;
    private final double ratio;
    private final String resource;
    private final long seed;
    private final long capacity;
    private final long requestedBefore;
    private final long requestedAfter;
    private final int pods;
    // Copies: for original k, draws[offsets[k] .. offsets[k+1]) are the draw ordinals copying it.
    private final int[] offsets;
    private final int[] draws;
    private final boolean[] removed;
    private final int removedCount;

    private Inflation(Supplier<TraceSource> reopen, double ratio, String resource, long seed, long capacity,
        long requestedBefore, long requestedAfter, int pods, int[] offsets, int[] draws, boolean[] removed,
        int removedCount) {
      this.reopen = reopen;
      this.ratio = ratio;
      this.resource = resource;
      this.seed = seed;
      this.capacity = capacity;
      this.requestedBefore = requestedBefore;
      this.requestedAfter = requestedAfter;
      this.pods = pods;
      this.offsets = offsets;
      this.draws = draws;
      this.removed = removed;
      this.removedCount = removedCount;
    }

    static Inflation plan(Supplier<TraceSource> reopen, double ratio, String resource, long seed) {
      ResourceRegistry registry = new ResourceRegistry();
      long capacity = 0;
      long total = 0;
      long[] requests = new long[1024];
      int n = 0;
      try (TraceSource s = reopen.get()) {
        TraceEvent e;
        while ((e = s.next()) != null) {
          if (e instanceof TraceEvent.NodeAdded a) {
            capacity += Requests.nodeAmount(a.node(), resource);
          } else if (e instanceof TraceEvent.PodSubmitted p) {
            if (n == requests.length) {
              requests = Arrays.copyOf(requests, n * 2);
            }
            long r = Requests.podAmount(p.pod(), resource, registry);
            requests[n++] = r;
            total += r;
          }
        }
      }
      if (capacity <= 0) {
        throw new IllegalArgumentException("the trace's nodes have no " + resource + " to inflate against");
      }
      if (total <= 0) {
        throw new IllegalArgumentException("no pod in the trace requests " + resource);
      }
      double target = ratio * capacity;
      RandomGenerator random = Seeds.generator(seed);
      int[] drawn = new int[0];
      int drawCount = 0;
      boolean[] removed = new boolean[n];
      int removedCount = 0;
      long before = total;
      if (total < target) {
        drawn = new int[16];
        while (true) {
          int idx = random.nextInt(n);
          if (total + requests[idx] > target) {
            break;
          }
          total += requests[idx];
          if (drawCount == drawn.length) {
            drawn = Arrays.copyOf(drawn, drawCount * 2);
          }
          drawn[drawCount++] = idx;
        }
      } else if (total > target) {
        int[] remaining = new int[n];
        for (int i = 0; i < n; i++) {
          remaining[i] = i;
        }
        int left = n;
        while (total > target && left > 0) {
          int pick = random.nextInt(left);
          int idx = remaining[pick];
          remaining[pick] = remaining[--left];
          removed[idx] = true;
          removedCount++;
          total -= requests[idx];
        }
      }
      // Group draw ordinals by original (counting sort), in draw order within each original.
      int[] offsets = new int[n + 1];
      for (int i = 0; i < drawCount; i++) {
        offsets[drawn[i] + 1]++;
      }
      for (int k = 0; k < n; k++) {
        offsets[k + 1] += offsets[k];
      }
      int[] fill = Arrays.copyOf(offsets, n);
      int[] draws = new int[drawCount];
      for (int i = 0; i < drawCount; i++) {
        draws[fill[drawn[i]]++] = i;
      }
      return new Inflation(reopen, ratio, resource, seed, capacity, before, total, n, offsets, draws,
          removed, removedCount);
    }

    /** The cluster's total allocatable of the resource. */
    public long capacity() {
      return capacity;
    }

    /** ratio × capacity. */
    public double target() {
      return ratio * capacity;
    }

    /** The pods' total request of the resource before and after. */
    public long requestedBefore() {
      return requestedBefore;
    }

    public long requestedAfter() {
      return requestedAfter;
    }

    public int podsBefore() {
      return pods;
    }

    public int podsAdded() {
      return draws.length;
    }

    public int podsRemoved() {
      return removedCount;
    }

    public int podsAfter() {
      return pods + draws.length - removedCount;
    }

    public String resource() {
      return resource;
    }

    /** Pass two: the inflated (or tuned-down) stream; each call reads the input again. */
    public TraceSource open() {
      return new Inflated(reopen.get());
    }

    private final class Inflated implements TraceSource {
      private final TraceSource source;
      private final TraceHeader header;
      private final ArrayDeque<TraceEvent> pending = new ArrayDeque<>();
      private final Set<String> droppedAlive = new HashSet<>();
      private final Map<String, List<String>> copiesAlive = new HashMap<>();
      private int ordinal;

      Inflated(TraceSource source) {
        this.source = source;
        this.header = withAttributes(source.header(), Map.of(
            "inflate.ratio", Double.toString(ratio),
            "inflate.resource", resource,
            "inflate.seed", Long.toString(seed)));
      }

      @Override
      public TraceHeader header() {
        return header;
      }

      @Override
      public TraceEvent next() {
        if (!pending.isEmpty()) {
          return pending.poll();
        }
        TraceEvent e;
        while ((e = source.next()) != null) {
          if (e instanceof TraceEvent.PodSubmitted p) {
            int k = ordinal++;
            ObjectMeta m = p.pod().metadata();
            String key = key(m.namespace(), m.name());
            if (k < pods && removed[k]) {
              droppedAlive.add(key);
              continue;
            }
            if (k < pods && offsets[k + 1] > offsets[k]) {
              List<String> names = new ArrayList<>();
              for (int j = offsets[k]; j < offsets[k + 1]; j++) {
                String name = m.name() + "-tuned-" + draws[j];
                names.add(name);
                Pod copy = p.pod().withMetadata(m.withName(name).withUid(null));
                pending.add(new TraceEvent.PodSubmitted(p.timeNanos(), copy, p.durationNanos(), p.usage(),
                    p.dependsOn()));
              }
              copiesAlive.put(key, names);
            }
            return p;
          }
          if (e instanceof TraceEvent.PodDeleted d) {
            String key = key(d.namespace(), d.name());
            if (droppedAlive.remove(key)) {
              continue;
            }
            List<String> names = copiesAlive.remove(key);
            if (names != null) {
              for (String name : names) {
                pending.add(new TraceEvent.PodDeleted(d.timeNanos(), d.namespace(), name, d.reason()));
              }
            }
          }
          return e;
        }
        return null;
      }

      @Override
      public long badRows() {
        return source.badRows();
      }

      @Override
      public void close() {
        source.close();
      }
    }
  }
}
