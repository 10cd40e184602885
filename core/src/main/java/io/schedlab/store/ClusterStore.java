package io.schedlab.store;

import io.schedlab.api.KubeObject;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.sim.EventLoop;
import io.schedlab.sim.VirtualClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The API server and etcd in one: a versioned store of immutable {@link KubeObject} records, keyed
 * by Java class and {@code namespace/name}, with optimistic concurrency and watches.
 *
 * <p>Semantics follow the upstream generic registry and etcd3 storage where the scheduler can
 * tell the difference:
 *
 * <ul>
 *   <li>One revision counter for the whole store, like etcd's: it starts at 1 and every committed
 *       write takes the next value, stamped as {@code metadata.resourceVersion}.
 *   <li>Create rejects a set resourceVersion, fills {@code generateName}, and assigns uid and
 *       creationTimestamp unless the object already carries them (upstream always overwrites them;
 *       keeping them lets a replayed trace keep its identities).
 *   <li>Update is conditional on a non-empty resourceVersion and uid; it keeps uid,
 *       creationTimestamp and deletionTimestamp from the stored object, and an update that changes
 *       nothing is not written (no new revision, no event), as in etcd3's GuaranteedUpdate.
 *   <li>Delete of an object with finalizers only marks it (deletionTimestamp, grace 0); the update
 *       that removes the last finalizer deletes it. {@link #deleteGracefully} marks an object
 *       with a grace period instead, for its kubelet to remove.
 * </ul>
 *
 * <p>Implementation note: one {@code TreeMap} per type gives key-sorted listing for free. Watch
 * events go into a single store-wide FIFO; one drain task, handed to the watch {@link Executor},
 * empties it, delivering each event to every watcher of its type before the next. A handler that
 * writes only appends to the FIFO, so delivery is never re-entrant and never out of commit order.
 * A watcher remembers the revision it started at and skips older queued events, which is what
 * makes {@link #listAndWatch} atomic even when delivery is asynchronous. Single-threaded by
 * design: the whole simulation runs on one thread.
 */
public final class ClusterStore {
  /** Upstream's generateName suffix: five characters from an alphabet without vowels or 0/1/3. */
  private static final String NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final int NAME_SUFFIX_LENGTH = 5;
  private static final int MAX_GENERATE_NAME_BASE = 63 - NAME_SUFFIX_LENGTH;
  // Like the RetryGenerateName feature: a few fresh suffixes before giving up with AlreadyExists.
  private static final int GENERATE_NAME_ATTEMPTS = 8;
  private static final long NAME_STREAM = 0x6E616D6573756666L;
  private static final Watcher<?>[] NO_WATCHERS = new Watcher<?>[0];

  private final Map<Class<?>, Table> tables = new HashMap<>();
  private final UidGenerator uids;
  private final SplitMix64 nameRandom;
  private final LongSupplier nowNanos;
  private final Instant epoch;
  private final Executor watchExecutor;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final Map<Class<?>, List<UnaryOperator<KubeObject>>> admission = new HashMap<>();
  private long revision = 1;
  private boolean dispatchScheduled;

  /** A store with seed 0, time fixed at the default epoch, and synchronous watch delivery. */
  public ClusterStore() {
    this(0, () -> 0L, VirtualClock.DEFAULT_EPOCH, Runnable::run);
  }

  /** A store whose timestamps are {@link VirtualClock#DEFAULT_EPOCH} + {@code nowNanos}. */
  public ClusterStore(long seed, LongSupplier nowNanos, Executor watchExecutor) {
    this(seed, nowNanos, VirtualClock.DEFAULT_EPOCH, watchExecutor);
  }

  /**
   * @param seed seeds uids and generated names
   * @param nowNanos the time source for timestamps, in nanoseconds since {@code epoch}
   * @param epoch the instant {@code nowNanos() == 0} renders as
   * @param watchExecutor runs the task that delivers queued watch events; {@code Runnable::run}
   *     delivers synchronously once a write commits
   */
  public ClusterStore(long seed, LongSupplier nowNanos, Instant epoch, Executor watchExecutor) {
    if (nowNanos == null || epoch == null || watchExecutor == null) {
      throw new IllegalArgumentException(
          "ClusterStore: expected a time source, an epoch and a watch executor, got null");
    }
    this.uids = new UidGenerator(seed);
    this.nameRandom = new SplitMix64(seed ^ NAME_STREAM);
    this.nowNanos = nowNanos;
    this.epoch = epoch;
    this.watchExecutor = watchExecutor;
  }

  /**
   * A store on the loop's clock whose watch events are delivered as loop events due at the time
   * of the write: watchers see writes after the writing action returns, in commit order.
   */
  public static ClusterStore simulated(EventLoop loop, long seed) {
    VirtualClock clock = loop.clock();
    return new ClusterStore(seed, clock::nowNanos, clock.epoch(), loop.executor("watch-dispatch"));
  }

  /** The current revision: the resourceVersion of the latest write, or 1 for an empty store. */
  public long resourceVersion() {
    return revision;
  }

  // ---------------------------------------------------------------- reads

  /** The stored object, or null. {@code namespace} is null or empty for cluster-scoped types. */
  public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
    Table table = tables.get(type);
    return table == null ? null : type.cast(table.objects.get(key(namespace, name)));
  }

  /** All objects of the type, sorted by key. */
  public <T extends KubeObject> List<T> list(Class<T> type) {
    Table table = tables.get(type);
    return table == null ? List.of() : copy(type, table.objects.values(), null);
  }

  /**
   * Every stored object, grouped by type (by class name) and sorted by key within a type: what an
   * etcd snapshot holds.
   */
  public List<KubeObject> snapshot() {
    List<Class<?>> types = new ArrayList<>(tables.keySet());
    types.sort(java.util.Comparator.comparing(Class::getName));
    List<KubeObject> out = new ArrayList<>();
    for (Class<?> t : types) {
      out.addAll(tables.get(t).objects.values());
    }
    return out;
  }

  /** The type's objects in one namespace, sorted by key; null or empty means all namespaces. */
  public <T extends KubeObject> List<T> list(Class<T> type, String namespace) {
    Table table = tables.get(type);
    if (table == null) {
      return List.of();
    }
    if (namespace == null || namespace.isEmpty()) {
      return copy(type, table.objects.values(), null);
    }
    // Keys of one namespace are exactly those in ["ns/", "ns0"): '0' is the character after '/'.
    return copy(type, table.objects.subMap(namespace + "/", namespace + "0").values(), null);
  }

  public int count(Class<?> type) {
    Table table = tables.get(type);
    return table == null ? 0 : table.objects.size();
  }

  // ---------------------------------------------------------------- writes

  /**
   * Stores a new object and returns it as stored (uid, creationTimestamp, resourceVersion set).
   *
   * @throws AlreadyExistsException if the key is taken
   * @throws InvalidObjectException if the object has no name and no generateName, or carries a
   *     resourceVersion
   */
  public <T extends KubeObject> T create(T obj) {
    tableOf(obj, "create");
    obj = admit(obj);
    Table table = tableOf(obj, "create");
    ObjectMeta meta = obj.metadata();
    String name = meta.name();
    if (!isEmpty(meta.resourceVersion())) {
      throw new InvalidObjectException(table.resource, keyOrGenerate(meta),
          "resourceVersion should not be set on objects to be created");
    }
    String key;
    if (isEmpty(name)) {
      if (isEmpty(meta.generateName())) {
        throw new InvalidObjectException(table.resource, key(meta.namespace(), ""),
            "metadata.name: Required value: name or generateName is required");
      }
      name = generateName(table, meta.namespace(), meta.generateName());
    } else if (table.objects.containsKey(key(meta.namespace(), name))) {
      throw new AlreadyExistsException(table.resource, key(meta.namespace(), name));
    }
    key = key(meta.namespace(), name);
    String uid = isEmpty(meta.uid()) ? uids.next() : meta.uid();
    String created = isEmpty(meta.creationTimestamp()) ? now() : meta.creationTimestamp();
    long rv = ++revision;
    T stored = withMeta(obj, meta(meta, name, uid, Long.toString(rv), created, null, null));
    table.objects.put(key, stored);
    publish(table, WatchEvent.Type.ADDED, stored, null, rv);
    return stored;
  }

  /**
   * Adds a mutating admission hook, as the API server's admission chain: every object of {@code
   * type} given to {@link #create} passes through the hooks of its type, in the order they were
   * added, before it is validated and stored. A hook returns the object to store (the same one to
   * leave it as is); it must keep the object's Java type.
   */
  public <T extends KubeObject> void addAdmission(Class<T> type, UnaryOperator<T> hook) {
    if (type == null || hook == null) {
      throw new IllegalArgumentException("addAdmission: expected a type and a hook, got null");
    }
    admission.computeIfAbsent(type, k -> new ArrayList<>())
        .add(obj -> hook.apply(type.cast(obj)));
  }

  @SuppressWarnings("unchecked")
  private <T extends KubeObject> T admit(T obj) {
    List<UnaryOperator<KubeObject>> hooks = admission.get(obj.getClass());
    if (hooks == null) {
      return obj;
    }
    KubeObject current = obj;
    for (int i = 0; i < hooks.size(); i++) {
      KubeObject next = hooks.get(i).apply(current);
      if (next == null || next.getClass() != obj.getClass()) {
        throw new IllegalStateException("admission hook for " + obj.getClass().getSimpleName()
            + " must return a " + obj.getClass().getSimpleName() + ", got "
            + (next == null ? "null" : next.getClass().getName()));
      }
      current = next;
    }
    return (T) current;
  }

  /**
   * Replaces a stored object. A non-empty resourceVersion or uid in {@code obj} must match the
   * stored object's; an empty resourceVersion makes the update unconditional.
   *
   * @throws NotFoundException if nothing is stored under the object's key
   * @throws ConflictException if a precondition does not hold
   */
  public <T extends KubeObject> T update(T obj) {
    Table table = tableOf(obj, "update");
    ObjectMeta meta = obj.metadata();
    if (isEmpty(meta.name())) {
      throw new InvalidObjectException(table.resource, key(meta.namespace(), ""),
          "metadata.name: Required value: name is required");
    }
    String key = key(meta.namespace(), meta.name());
    KubeObject stored = table.objects.get(key);
    if (stored == null) {
      throw new NotFoundException(table.resource, key);
    }
    ObjectMeta storedMeta = stored.metadata();
    if (!isEmpty(meta.resourceVersion())
        && !meta.resourceVersion().equals(storedMeta.resourceVersion())) {
      throw new ConflictException(table.resource, key, ConflictException.OBJECT_MODIFIED);
    }
    if (!isEmpty(meta.uid()) && !meta.uid().equals(storedMeta.uid())) {
      throw new ConflictException(table.resource, key, "Precondition failed: UID in precondition: "
          + meta.uid() + ", UID in object meta: " + storedMeta.uid());
    }
    return commitUpdate(table, key, stored, obj);
  }

  /**
   * Reads the stored object, applies {@code mutation} and writes the result, which must keep the
   * object's namespace and name. Returns the object as stored afterwards.
   *
   * @throws NotFoundException if nothing is stored under the key
   */
  public <T extends KubeObject> T update(
      Class<T> type, String namespace, String name, UnaryOperator<T> mutation) {
    Table table = tableFor(type);
    String key = key(namespace, name);
    T stored = type.cast(table.objects.get(key));
    if (stored == null) {
      throw new NotFoundException(table.resource, key);
    }
    T changed = mutation.apply(stored);
    if (changed == null || changed.getClass() != type || changed.metadata() == null) {
      throw new InvalidObjectException(table.resource, key,
          "the mutation must return a " + type.getSimpleName() + " with metadata");
    }
    ObjectMeta meta = changed.metadata();
    if (!key.equals(key(meta.namespace(), meta.name()))) {
      throw new InvalidObjectException(table.resource, key,
          "the mutation changed the key to \"" + key(meta.namespace(), meta.name()) + "\"");
    }
    return commitUpdate(table, key, stored, changed);
  }

  /**
   * Deletes an object and returns its last state, stamped with the delete revision. An object
   * with finalizers is only marked for deletion, and that marked object is returned.
   *
   * @throws NotFoundException if nothing is stored under the key
   */
  public <T extends KubeObject> T delete(Class<T> type, String namespace, String name) {
    return delete(type, namespace, name, Preconditions.NONE);
  }

  /**
   * Like {@link #delete(Class, String, String)}, if the stored object matches the preconditions.
   *
   * @throws ConflictException if a precondition does not hold
   */
  public <T extends KubeObject> T delete(
      Class<T> type, String namespace, String name, Preconditions preconditions) {
    Table table = tableFor(type);
    String key = key(namespace, name);
    T stored = type.cast(table.objects.get(key));
    if (stored == null) {
      throw new NotFoundException(table.resource, key);
    }
    ObjectMeta meta = stored.metadata();
    if (preconditions.uid() != null && !preconditions.uid().equals(meta.uid())) {
      throw new ConflictException(table.resource, key, "Precondition failed: UID in precondition: "
          + preconditions.uid() + ", UID in object meta: " + meta.uid());
    }
    if (preconditions.resourceVersion() != null
        && !preconditions.resourceVersion().equals(meta.resourceVersion())) {
      throw new ConflictException(table.resource, key,
          "Precondition failed: ResourceVersion in precondition: "
              + preconditions.resourceVersion() + ", ResourceVersion in object meta: "
              + meta.resourceVersion());
    }
    if (meta.finalizers().isEmpty()) {
      return remove(table, key, stored);
    }
    if (meta.deletionTimestamp() != null) {
      return stored; // already terminating; waiting for its finalizers
    }
    long rv = ++revision;
    T marked = withMeta(stored, meta(meta, meta.name(), meta.uid(), Long.toString(rv),
        meta.creationTimestamp(), now(), 0L));
    table.objects.put(key, marked);
    publish(table, WatchEvent.Type.MODIFIED, marked, stored, rv);
    return marked;
  }

  /**
   * Graceful deletion, as the API server does for a pod with a grace period: a positive {@code
   * gracePeriodSeconds} only marks the object (deletionTimestamp = now + grace,
   * deletionGracePeriodSeconds = grace) and leaves removing it to whoever watches (the kubelet); a
   * second request may only shorten the period. Zero deletes at once (finalizers still hold it).
   *
   * @throws NotFoundException if nothing is stored under the key
   * @throws IllegalArgumentException if {@code gracePeriodSeconds} is negative
   */
  public <T extends KubeObject> T deleteGracefully(
      Class<T> type, String namespace, String name, long gracePeriodSeconds) {
    if (gracePeriodSeconds < 0) {
      throw new IllegalArgumentException("gracePeriodSeconds: expected 0 or more, got "
          + gracePeriodSeconds);
    }
    if (gracePeriodSeconds == 0) {
      return delete(type, namespace, name);
    }
    Table table = tableFor(type);
    String key = key(namespace, name);
    T stored = type.cast(table.objects.get(key));
    if (stored == null) {
      throw new NotFoundException(table.resource, key);
    }
    ObjectMeta meta = stored.metadata();
    Long current = meta.deletionGracePeriodSeconds();
    if (meta.deletionTimestamp() != null && current != null && current <= gracePeriodSeconds) {
      return stored; // already terminating at least this soon
    }
    long rv = ++revision;
    String at = VirtualClock.rfc3339(epoch, nowNanos.getAsLong() + gracePeriodSeconds * 1_000_000_000L);
    T marked = withMeta(stored, meta(meta, meta.name(), meta.uid(), Long.toString(rv),
        meta.creationTimestamp(), at, gracePeriodSeconds));
    table.objects.put(key, marked);
    publish(table, WatchEvent.Type.MODIFIED, marked, stored, rv);
    return marked;
  }

  /**
   * Deletes a pod as {@code kubectl delete pod} does: gracefully when a node runs it, at once
   * when none does (the API server gives an unscheduled pod no grace period).
   */
  public Pod deleteGracefully(String namespace, String name, long graceSeconds) {
    Pod stored = get(Pod.class, namespace, name);
    if (stored == null) {
      throw new NotFoundException(tableFor(Pod.class).resource, key(namespace, name));
    }
    String node = stored.spec().nodeName();
    boolean unscheduled = node == null || node.isEmpty();
    return deleteGracefully(Pod.class, namespace, name, unscheduled ? 0 : graceSeconds);
  }

  private <T extends KubeObject> T commitUpdate(Table table, String key, KubeObject stored, T obj) {
    ObjectMeta old = stored.metadata();
    ObjectMeta meta = meta(obj.metadata(), old.name(), old.uid(), old.resourceVersion(),
        old.creationTimestamp(), old.deletionTimestamp(), old.deletionGracePeriodSeconds());
    T candidate = withMeta(obj, meta);
    if (candidate.equals(stored)) {
      return candidate; // nothing changed: etcd3 skips the write
    }
    // As the registry's shouldDeleteDuringUpdate: an object being deleted goes once its last
    // finalizer is gone, unless it is still inside a graceful-deletion period (a terminating pod
    // whose kubelet is still writing its status).
    Long grace = old.deletionGracePeriodSeconds();
    if (meta.deletionTimestamp() != null && meta.finalizers().isEmpty()
        && (grace == null || grace == 0)) {
      return remove(table, key, candidate);
    }
    long rv = ++revision;
    T updated = withMeta(candidate, meta.withResourceVersion(Long.toString(rv)));
    table.objects.put(key, updated);
    @SuppressWarnings("unchecked")
    T previous = (T) stored;
    publish(table, WatchEvent.Type.MODIFIED, updated, previous, rv);
    return updated;
  }

  private <T extends KubeObject> T remove(Table table, String key, T last) {
    KubeObject previous = table.objects.remove(key);
    long rv = ++revision;
    T deleted = withMeta(last, last.metadata().withResourceVersion(Long.toString(rv)));
    publish(table, WatchEvent.Type.DELETED, deleted, previous, rv);
    return deleted;
  }

  // ---------------------------------------------------------------- watches

  /** Delivers every change to objects of {@code type} committed from now on. */
  public <T extends KubeObject> WatchHandle watch(Class<T> type, WatchHandler<T> handler) {
    return watch(type, null, handler);
  }

  /**
   * Delivers changes to objects of {@code type} that match {@code filter}, as a field-selector
   * watch would: an object that starts matching arrives as ADDED, one that stops matching as
   * DELETED (carrying its new state). A null filter matches everything.
   */
  public <T extends KubeObject> WatchHandle watch(
      Class<T> type, Predicate<? super T> filter, WatchHandler<T> handler) {
    if (handler == null) {
      throw new IllegalArgumentException("watch " + type.getSimpleName()
          + ": expected a handler, got null");
    }
    Table table = tableFor(type);
    Watcher<T> watcher = new Watcher<>(table, filter, handler, revision);
    table.add(watcher);
    return watcher;
  }

  /**
   * Lists the type and starts watching at the listed revision, like an informer's list+watch: the
   * handler gets exactly the changes committed after the returned list.
   */
  public <T extends KubeObject> List<T> listAndWatch(Class<T> type, WatchHandler<T> handler) {
    return listAndWatch(type, null, handler);
  }

  /** {@link #listAndWatch(Class, WatchHandler)} restricted to objects matching {@code filter}. */
  public <T extends KubeObject> List<T> listAndWatch(
      Class<T> type, Predicate<? super T> filter, WatchHandler<T> handler) {
    Table table = tableFor(type);
    List<T> items = copy(type, table.objects.values(), filter);
    watch(type, filter, handler);
    return items;
  }

  private <T extends KubeObject> void publish(
      Table table, WatchEvent.Type type, T object, T oldObject, long rv) {
    if (table.watchers.length == 0) {
      return; // a watcher added later starts after this revision anyway
    }
    pending.addLast(new Pending(table, new WatchEvent<>(type, object, oldObject, rv)));
    scheduleDispatch();
  }

  private void scheduleDispatch() {
    if (!dispatchScheduled && !pending.isEmpty()) {
      dispatchScheduled = true;
      watchExecutor.execute(this::dispatch);
    }
  }

  /**
   * Empties the event FIFO. A handler's exception does not stop the event reaching the other
   * watchers; it is rethrown once that event is delivered, and the rest stay queued for a new
   * dispatch.
   */
  private void dispatch() {
    Pending next;
    while ((next = pending.pollFirst()) != null) {
      RuntimeException failure = null;
      for (Watcher<?> watcher : next.table.watchers) {
        try {
          watcher.deliver(next.event);
        } catch (RuntimeException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
      if (failure != null) {
        dispatchScheduled = false;
        try {
          scheduleDispatch();
        } catch (RuntimeException e) {
          failure.addSuppressed(e);
        }
        throw failure;
      }
    }
    dispatchScheduled = false;
  }

  // ---------------------------------------------------------------- helpers

  private Table tableOf(KubeObject obj, String verb) {
    if (obj == null) {
      throw new IllegalArgumentException(verb + ": expected an object, got null");
    }
    Table table = tableFor(obj.getClass());
    if (obj.metadata() == null) {
      throw new InvalidObjectException(table.resource, "", "metadata: Required value");
    }
    return table;
  }

  private Table tableFor(Class<?> type) {
    Table table = tables.get(type);
    if (table == null) {
      table = new Table(resourceName(type.getSimpleName()));
      tables.put(type, table);
    }
    return table;
  }

  private String generateName(Table table, String namespace, String base) {
    String prefix = base.length() > MAX_GENERATE_NAME_BASE
        ? base.substring(0, MAX_GENERATE_NAME_BASE)
        : base;
    String name = null;
    for (int attempt = 0; attempt < GENERATE_NAME_ATTEMPTS; attempt++) {
      StringBuilder candidate = new StringBuilder(prefix.length() + NAME_SUFFIX_LENGTH);
      candidate.append(prefix);
      for (int i = 0; i < NAME_SUFFIX_LENGTH; i++) {
        candidate.append(
            NAME_SUFFIX_ALPHABET.charAt(nameRandom.nextInt(NAME_SUFFIX_ALPHABET.length())));
      }
      name = candidate.toString();
      if (!table.objects.containsKey(key(namespace, name))) {
        return name;
      }
    }
    throw new AlreadyExistsException(table.resource, key(namespace, name));
  }

  private final VirtualClock.SecondsText nowText = new VirtualClock.SecondsText();

  private String now() {
    return nowText.at(epoch, nowNanos.getAsLong());
  }

  private static String keyOrGenerate(ObjectMeta meta) {
    return key(meta.namespace(), isEmpty(meta.name()) ? meta.generateName() : meta.name());
  }

  static String key(String namespace, String name) {
    String n = name == null ? "" : name;
    return namespace == null || namespace.isEmpty() ? n : namespace + "/" + n;
  }

  /**
   * The plural resource name for a kind, guessed the way apimachinery's
   * UnsafeGuessKindToResource does: lower case, then -s, -es after s, -ies for a final y.
   */
  static String resourceName(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.isEmpty() || lower.endsWith("endpoints")) {
      return lower;
    }
    if (lower.endsWith("s")) {
      return lower + "es";
    }
    if (lower.endsWith("y")) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  private static ObjectMeta meta(ObjectMeta m, String name, String uid, String resourceVersion,
      String creationTimestamp, String deletionTimestamp, Long deletionGracePeriodSeconds) {
    return new ObjectMeta(name, m.generateName(), m.namespace(), uid, resourceVersion,
        m.generation(), creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds,
        m.labels(), m.annotations(), m.ownerReferences(), m.finalizers());
  }

  @SuppressWarnings("unchecked")
  private static <T extends KubeObject> T withMeta(T obj, ObjectMeta meta) {
    KubeObject copy = obj.withMetadata(meta);
    if (copy == null || copy.getClass() != obj.getClass()) {
      throw new IllegalStateException(obj.getClass().getName()
          + ".withMetadata must return a " + obj.getClass().getSimpleName() + ", got "
          + (copy == null ? "null" : copy.getClass().getName()));
    }
    return (T) copy;
  }

  private static <T extends KubeObject> List<T> copy(
      Class<T> type, Collection<KubeObject> values, Predicate<? super T> filter) {
    ArrayList<T> out = new ArrayList<>(values.size());
    for (KubeObject value : values) {
      T item = type.cast(value);
      if (filter == null || filter.test(item)) {
        out.add(item);
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "ClusterStore[resourceVersion=" + revision + ", types=" + tables.size() + "]";
  }

  /** The objects and watchers of one Java type. */
  private static final class Table {
    final String resource;
    final TreeMap<String, KubeObject> objects = new TreeMap<>();
    // Copy-on-write, so a dispatch loop can iterate while a handler opens or closes watches.
    Watcher<?>[] watchers = NO_WATCHERS;

    Table(String resource) {
      this.resource = resource;
    }

    void add(Watcher<?> watcher) {
      Watcher<?>[] grown = Arrays.copyOf(watchers, watchers.length + 1);
      grown[watchers.length] = watcher;
      watchers = grown;
    }

    void remove(Watcher<?> watcher) {
      for (int i = 0; i < watchers.length; i++) {
        if (watchers[i] == watcher) {
          Watcher<?>[] shrunk = new Watcher<?>[watchers.length - 1];
          System.arraycopy(watchers, 0, shrunk, 0, i);
          System.arraycopy(watchers, i + 1, shrunk, i, watchers.length - i - 1);
          watchers = shrunk;
          return;
        }
      }
    }
  }

  private record Pending(Table table, WatchEvent<?> event) {}

  private static final class Watcher<T> implements WatchHandle {
    private final Table table;
    private final Predicate<? super T> filter;
    private final WatchHandler<T> handler;
    private final long sinceRevision;
    private boolean closed;

    Watcher(Table table, Predicate<? super T> filter, WatchHandler<T> handler, long sinceRevision) {
      this.table = table;
      this.filter = filter;
      this.handler = handler;
      this.sinceRevision = sinceRevision;
    }

    @SuppressWarnings("unchecked")
    void deliver(WatchEvent<?> raw) {
      if (closed || raw.resourceVersion() <= sinceRevision) {
        return;
      }
      WatchEvent<T> event = (WatchEvent<T>) raw;
      if (filter != null) {
        event = filtered(event);
        if (event == null) {
          return;
        }
      }
      handler.onEvent(event);
    }

    private WatchEvent<T> filtered(WatchEvent<T> event) {
      switch (event.type()) {
        case ADDED:
        case DELETED:
          return filter.test(event.object()) ? event : null;
        default:
          boolean was = filter.test(event.oldObject());
          boolean is = filter.test(event.object());
          if (was && is) {
            return event;
          }
          if (is) {
            return new WatchEvent<>(WatchEvent.Type.ADDED, event.object(), null,
                event.resourceVersion());
          }
          if (was) {
            return new WatchEvent<>(WatchEvent.Type.DELETED, event.object(), event.oldObject(),
                event.resourceVersion());
          }
          return null;
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        table.remove(this);
      }
    }

    @Override
    public boolean isClosed() {
      return closed;
    }
  }
}
