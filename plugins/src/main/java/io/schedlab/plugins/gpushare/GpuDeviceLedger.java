package io.schedlab.plugins.gpushare;

import io.schedlab.api.Node;
import io.schedlab.api.Quantity;
import io.schedlab.framework.Handle;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which GPU devices each pod holds, shared by the GPU-sharing plugins of every profile of one
 * scheduler, since their pods share the nodes' devices: Open-Gpu-Share records here the devices it
 * reserves, and every GPU plugin reads a node through {@link #view}.
 *
 * <p>A node's devices in use come from the pods on its NodeInfo. A pod holds the devices this
 * ledger reserved for it on that node; else those its {@code alibabacloud.com/gpu-index}
 * annotation lists ({@code "2-3"}: devices 2 and 3); else (a pod bound outside this scheduler, or
 * a nominated pod the framework assumes onto a copy of the node) it is placed as the best-fit
 * selection would place it, in the NodeInfo's pod order. A device never drops below 0 free: an
 * over-committed device reads as full rather than failing every cycle; a malformed annotation, by
 * contrast, is an Error naming the pod. Free CPU and memory are allocatable minus requested, from
 * the NodeInfo.
 *
 * <p>Implementation note: Filter and Score ask for every node from several threads, so a node's
 * view is cached by node name, stamped with the NodeInfo's generation and this ledger's version for
 * the node (bumped by every record and release there); a stale stamp recomputes it. A published
 * view's node state is never modified. Reservations are written only from Reserve and Unreserve. A
 * Reserve first drops the node's reservations of pods that the live snapshot, changed since they
 * were made, no longer shows on the node (deleted or forgotten pods), so the ledger stays as small
 * as the cluster. Ledgers are kept in a synchronized {@link WeakHashMap} keyed by the handle's
 * snapshot, the one object all profiles of a scheduler share, so a ledger goes away with its
 * scheduler; it therefore holds no reference to the snapshot.
 */
public final class GpuDeviceLedger {
  /** The pod annotation naming the devices a pod holds, ids joined by '-'. */
  public static final String GPU_INDEX_ANNOTATION = "alibabacloud.com/gpu-index";

  /** The node capacity that gives the number of GPU devices. */
  public static final String GPU_COUNT_RESOURCE = GpuDemand.GPU_COUNT_ANNOTATION;

  private static final Map<NodeInfoLister, GpuDeviceLedger> LEDGERS = new WeakHashMap<>();

  /** Devices reserved for one pod, and a generation taken when they were. */
  private record Reservation(int[] devices, long generation) {}

  /** One node's reservations by pod uid. */
  private static final class NodeBook {
    final Map<String, Reservation> byUid = new ConcurrentHashMap<>();
    volatile long version;
  }

  private final Map<String, NodeBook> books = new ConcurrentHashMap<>();
  private final Map<String, GpuNodeView> views = new ConcurrentHashMap<>();

  GpuDeviceLedger() {}

  /** The ledger of the scheduler {@code handle} belongs to. */
  public static GpuDeviceLedger of(Handle handle) {
    synchronized (LEDGERS) {
      return LEDGERS.computeIfAbsent(handle.snapshot(), s -> new GpuDeviceLedger());
    }
  }

  // ---- views ----

  /** The node as the GPU plugins see it; cached while the node and its reservations stay put. */
  public GpuNodeView view(NodeInfo node) {
    NodeBook book = books.get(node.name());
    long version = book == null ? 0 : book.version;
    GpuNodeView cached = views.get(node.name());
    if (cached != null && cached.isCurrent(node.generation(), version)) {
      return cached;
    }
    GpuNodeView v = compute(node, book, version, null);
    views.put(node.name(), v);
    return v;
  }

  /** The node without one of its pods (uncached): what Reserve chooses devices on. */
  GpuNodeView viewWithout(NodeInfo node, String uid) {
    for (PodInfo p : node.pods()) {
      if (p.uid().equals(uid)) {
        NodeBook book = books.get(node.name());
        return compute(node, book, book == null ? 0 : book.version, uid);
      }
    }
    return view(node);
  }

  private static GpuNodeView compute(NodeInfo node, NodeBook book, long version, String skipUid) {
    Node n = node.node();
    int gpus = gpuCountOf(n);
    String model = n.metadata().labels().get(GpuDemand.GPU_MODEL_KEY);
    long cpuCapacity = node.allocatable(ResourceRegistry.CPU);
    long cpuFree = cpuCapacity - node.requested(ResourceRegistry.CPU);
    long memoryFree = node.allocatable(ResourceRegistry.MEMORY)
        - node.requested(ResourceRegistry.MEMORY);
    int[] free = new int[gpus];
    Arrays.fill(free, GpuDemand.MILLI);
    GpuKindCounts kinds = new GpuKindCounts();
    for (PodInfo p : node.pods()) {
      if (p.uid().equals(skipUid)) {
        cpuFree += p.request(ResourceRegistry.CPU);
        memoryFree += p.request(ResourceRegistry.MEMORY);
        continue;
      }
      GpuDemand d = PodGpuDemand.compute(p);
      kinds.add(d);
      if (d.gpuMilli() <= 0 || d.gpuCount() == 0 || gpus == 0) {
        continue;
      }
      Reservation r = book == null ? null : book.byUid.get(p.uid());
      int[] devices = r != null ? r.devices() : annotatedDevices(p, gpus, d.gpuCount());
      if (devices == null) {
        placeBestFit(free, d);
      } else {
        for (int dev : devices) {
          free[dev] = Math.max(0, free[dev] - d.gpuMilli());
        }
      }
    }
    return new GpuNodeView(node.generation(), version,
        new GpuNodeState(cpuFree, memoryFree, model, free), kinds, cpuCapacity);
  }

  /** The node's {@code alibabacloud.com/gpu-count} capacity, else allocatable; 0: a CPU node. */
  static int gpuCountOf(Node node) {
    Quantity q = node.status().capacity().get(GPU_COUNT_RESOURCE);
    if (q == null) {
      q = node.status().allocatable().get(GPU_COUNT_RESOURCE);
    }
    return q == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, q.value()));
  }

  /**
   * Places a pod whose devices nobody recorded: each of its GPUs on the tightest device with room
   * (lowest index among equals), or, when none has room, on the freest one, which it fills.
   */
  private static void placeBestFit(int[] free, GpuDemand d) {
    for (int k = 0; k < d.gpuCount(); k++) {
      int pick = -1;
      int freest = 0;
      for (int i = 0; i < free.length; i++) {
        if (free[i] >= d.gpuMilli() && (pick < 0 || free[i] < free[pick])) {
          pick = i;
        }
        if (free[i] > free[freest]) {
          freest = i;
        }
      }
      int at = pick >= 0 ? pick : freest;
      free[at] = Math.max(0, free[at] - d.gpuMilli());
    }
  }

  /**
   * The devices a pod's {@code alibabacloud.com/gpu-index} annotation lists, or null without one.
   *
   * @throws StatusException (Error) when the annotation is not {@code count} device ids in
   *     {@code 0..gpus-1} joined by '-'
   */
  static int[] annotatedDevices(PodInfo pod, int gpus, int count) {
    String text = pod.pod().metadata().annotations().get(GPU_INDEX_ANNOTATION);
    if (text == null || text.isEmpty()) {
      return null;
    }
    String[] parts = text.split("-", -1);
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int id;
      try {
        id = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        id = -1;
      }
      if (id < 0 || id >= gpus) {
        throw badAnnotation(pod, text, gpus, count);
      }
      out[i] = id;
    }
    if (out.length != count) {
      throw badAnnotation(pod, text, gpus, count);
    }
    return out;
  }

  private static StatusException badAnnotation(PodInfo pod, String text, int gpus, int count) {
    return new StatusException(Status.error("pod " + pod.key() + ": annotation "
        + GPU_INDEX_ANNOTATION + ": expected " + count + " device id(s) in 0.." + (gpus - 1)
        + " joined by '-', got '" + text + "'"));
  }

  // ---- reservations ----

  /** Records the devices Open-Gpu-Share chose for a pod on a node. */
  public void record(String nodeName, String uid, int[] devices) {
    NodeBook book = books.computeIfAbsent(nodeName, n -> new NodeBook());
    book.byUid.put(uid, new Reservation(devices.clone(), NodeInfo.nextGeneration()));
    book.version++;
  }

  /** Forgets a pod's devices on a node; false when none were recorded. Idempotent. */
  public boolean release(String nodeName, String uid) {
    NodeBook book = books.get(nodeName);
    if (book == null || book.byUid.remove(uid) == null) {
      return false;
    }
    book.version++;
    return true;
  }

  /** The devices recorded for a pod on a node (a copy), or null. */
  public int[] devicesOf(String nodeName, String uid) {
    NodeBook book = books.get(nodeName);
    Reservation r = book == null ? null : book.byUid.get(uid);
    return r == null ? null : r.devices().clone();
  }

  /** How many reservations the ledger holds on a node. */
  public int reservationCount(String nodeName) {
    NodeBook book = books.get(nodeName);
    return book == null ? 0 : book.byUid.size();
  }

  /**
   * Drops the reservations of pods that {@code live}, the snapshot's current NodeInfo, no longer
   * holds although it changed after they were made. A generation is taken after the pod was
   * assumed, so a newer NodeInfo without the pod means it was removed since.
   */
  void sweep(NodeInfo live) {
    NodeBook book = books.get(live.name());
    if (book == null || book.byUid.isEmpty()) {
      return;
    }
    Set<String> present = null;
    boolean dropped = false;
    for (Map.Entry<String, Reservation> e : book.byUid.entrySet()) {
      if (e.getValue().generation() >= live.generation()) {
        continue;
      }
      if (present == null) {
        present = new HashSet<>();
        for (PodInfo p : live.pods()) {
          present.add(p.uid());
        }
      }
      if (!present.contains(e.getKey())) {
        book.byUid.remove(e.getKey());
        dropped = true;
      }
    }
    if (dropped) {
      book.version++;
    }
  }
}
