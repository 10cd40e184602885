package io.schedlab.controller.workload;

import io.schedlab.api.KubeObject;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodTemplateSpec;
import io.schedlab.cluster.ClusterComponent;
import io.schedlab.cluster.ClusterContext;
import io.schedlab.cluster.SimEvent;
import io.schedlab.store.AlreadyExistsException;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the kube-controller-manager's workload controllers share: a work queue of object keys
 * drained at the same virtual instant an event arrives, delayed re-queues (AddAfter), and pod
 * creation and deletion through the store with {@code controller_action} events.
 *
 * <p>Implementation note: the store's reads are always current, so the controllers read it
 * directly instead of keeping informer caches and expectations; every write's watch event comes
 * back as a later loop event and re-queues the owner, which is how reconciliation settles. Keys
 * are drained in sorted order so a run does not depend on hash order.
 */
public abstract class WorkloadController implements ClusterComponent {
  /** Upstream's generateName alphabet (no vowels, no 0, 1 or 3) and suffix length. */
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int SUFFIX_LENGTH = 5;
  private static final int NAME_ATTEMPTS = 8;

  protected ClusterContext context;
  protected ClusterStore store;
  private SplittableRandom random;
  private final TreeSet<String> queue = new TreeSet<>();
  private final Set<String> delayed = new HashSet<>();
  private boolean drainScheduled;

  @Override
  public final void start(ClusterContext ctx) {
    this.context = ctx;
    this.store = ctx.store();
    this.random = ctx.random(name());
    watch();
  }

  /** Registers the watches; called once from {@link #start}. Enqueue existing objects here. */
  protected abstract void watch();

  /** Reconciles the object stored under {@code namespace/name} (which may be gone). */
  protected abstract void sync(String namespace, String name);

  /** Queues the object for a sync at this instant, after the events already due. */
  protected final void enqueue(String namespace, String name) {
    queue.add(key(namespace, name));
    if (!drainScheduled) {
      drainScheduled = true;
      context.loop().after(0, name() + "-sync", this::drain);
    }
  }

  protected final void enqueue(KubeObject obj) {
    enqueue(obj.metadata().namespace(), obj.metadata().name());
  }

  /**
   * Queues the object for a sync {@code delayNanos} from now, like a work queue's AddAfter.
   * Unlike upstream's delaying queue, a later re-queue is not dropped for an earlier one: with
   * no time passing between events, upstream's strict "ready + minReadySeconds before now"
   * checks would otherwise miss the moment a re-queue was meant for. Re-queues of a key due at
   * the same instant are merged.
   */
  protected final void enqueueAfter(String namespace, String name, long delayNanos) {
    String key = key(namespace, name);
    long at = context.now() + delayNanos;
    if (!delayed.add(key + "@" + at)) {
      return;
    }
    context.loop().schedule(at, name() + "-requeue", () -> {
      delayed.remove(key + "@" + at);
      enqueue(namespace, name);
    });
  }

  private void drain() {
    drainScheduled = false;
    String key;
    while ((key = queue.pollFirst()) != null) {
      int slash = key.indexOf('/');
      sync(key.substring(0, slash), key.substring(slash + 1));
    }
  }

  static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  // ---------------------------------------------------------------- pods

  /** The pods in the namespace whose controller reference points at {@code ownerUid}. */
  protected final List<Pod> podsControlledBy(String namespace, String ownerUid) {
    List<Pod> out = new ArrayList<>();
    for (Pod pod : store.list(Pod.class, namespace)) {
      if (PodStates.isControlledBy(pod.metadata(), ownerUid)) {
        out.add(pod);
      }
    }
    return out;
  }

  /** The controller owner reference upstream puts on what a controller creates. */
  static OwnerReference controllerRef(String apiVersion, String kind, ObjectMeta owner) {
    return new OwnerReference(apiVersion, kind, owner.name(), owner.uid(), true, true);
  }

  /**
   * A pod from the template, as upstream's {@code GetPodFromTemplate}: the template's labels,
   * annotations, finalizers and spec, and the controller reference. {@code extraLabels} and
   * {@code extraAnnotations} are added over the template's.
   */
  static Pod podFromTemplate(PodTemplateSpec template, String namespace, OwnerReference ref,
      Map<String, String> extraLabels, Map<String, String> extraAnnotations) {
    ObjectMeta t = template.metadata();
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.putAll(extraLabels);
    Map<String, String> annotations = new TreeMap<>(t.annotations());
    annotations.putAll(extraAnnotations);
    ObjectMeta meta = new ObjectMeta(null, null, namespace, null, null, null, null, null, null,
        labels, annotations, List.of(ref), t.finalizers());
    return Pod.of(meta, template.spec(), null);
  }

  /**
   * Creates the pod: under its own name if it has one, otherwise under {@code prefix} plus five
   * characters drawn from this controller's random source (upstream's generateName). Returns the
   * stored pod.
   */
  protected final Pod createPod(Pod pod, String prefix, String ownerDescription) {
    return createPod(pod, prefix, ownerDescription, null);
  }

  /**
   * As {@link #createPod(Pod, String, String)}; the event names {@code node} (e.g. the node a
   * daemon pod is for) when the pod is not bound yet.
   */
  protected final Pod createPod(Pod pod, String prefix, String ownerDescription, String node) {
    Pod stored;
    if (pod.metadata().name() != null && !pod.metadata().name().isEmpty()) {
      stored = store.create(pod);
    } else {
      stored = null;
      String base = prefix.length() > 58 ? prefix.substring(0, 58) : prefix;
      for (int attempt = 0; stored == null; attempt++) {
        String name = base + suffix();
        try {
          ObjectMeta m = pod.metadata();
          stored = store.create(pod.withMetadata(new ObjectMeta(name, prefix, m.namespace(),
              m.uid(), null, m.generation(), null, null, null, m.labels(), m.annotations(),
              m.ownerReferences(), m.finalizers())));
        } catch (AlreadyExistsException e) {
          if (attempt + 1 >= NAME_ATTEMPTS) {
            throw e;
          }
        }
      }
    }
    String bound = stored.spec().nodeName();
    action("create_pod", bound == null || bound.isEmpty() ? node : bound, stored,
        ownerDescription);
    return stored;
  }

  /** Deletes the pod if it is still there; returns whether it was. */
  protected final boolean deletePod(Pod pod, String ownerDescription) {
    try {
      io.schedlab.node.PodDeletion.delete(store, pod.metadata().namespace(), pod.metadata().name());
    } catch (NotFoundException e) {
      return false;
    }
    String node = pod.spec().nodeName();
    action("delete_pod", node == null || node.isEmpty() ? null : node, pod, ownerDescription);
    return true;
  }

  /** Records a {@code controller_action} event about a pod. */
  protected final void action(String action, String node, Pod pod, String object) {
    ObjectMeta m = pod.metadata();
    context.record(new SimEvent(context.now(), SimEvent.Types.CONTROLLER_ACTION, node,
        m.namespace() + "/" + m.name(),
        Map.of("controller", name(), "action", action, "object", object)));
  }

  /** Records a {@code controller_action} event about an object other than a pod. */
  protected final void action(String action, String object, Map<String, String> more) {
    Map<String, String> detail = new TreeMap<>(more);
    detail.put("controller", name());
    detail.put("action", action);
    detail.put("object", object);
    context.record(new SimEvent(context.now(), SimEvent.Types.CONTROLLER_ACTION, null, null,
        detail));
  }

  private String suffix() {
    char[] c = new char[SUFFIX_LENGTH];
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      c[i] = SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length()));
    }
    return new String(c);
  }

  /** Now as a {@code metav1.Time} string. */
  protected final String nowTime() {
    return context.loop().clock().rfc3339();
  }

  /** The object's description in events: {@code Kind/namespace/name}. */
  static String describe(String kind, ObjectMeta meta) {
    return kind + "/" + meta.namespace() + "/" + meta.name();
  }
}
