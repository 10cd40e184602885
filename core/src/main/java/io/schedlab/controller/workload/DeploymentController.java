package io.schedlab.controller.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.schedlab.api.Deployment;
import io.schedlab.api.DeploymentCondition;
import io.schedlab.api.DeploymentStatus;
import io.schedlab.api.IntOrString;
import io.schedlab.api.LabelSelector;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodTemplateSpec;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.ReplicaSetSpec;
import io.schedlab.api.RollingUpdateDeployment;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.store.AlreadyExistsException;
import io.schedlab.store.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kube-controller-manager's deployment-controller: one ReplicaSet per pod template, named
 * {@code <deployment>-<pod-template-hash>} and selecting that hash label; RollingUpdate within
 * maxSurge (rounded up) and maxUnavailable (rounded down; both default 25 %, and 1 unavailable
 * when both resolve to 0), or Recreate (old pods gone before new ones start); scaling events
 * (proportional across active ReplicaSets); the revision annotations; cleanup past
 * revisionHistoryLimit (default 10); status with the Available and Progressing conditions and
 * progressDeadlineSeconds (default 600).
 *
 * <p>Watches Deployments, ReplicaSets and Pods; writes ReplicaSets, Deployment annotations and
 * status. Records {@code controller_action} create_replicaset, scale (detail from/to),
 * delete_replicaset.
 */
public final class DeploymentController extends WorkloadController {
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
  static final String HASH_LABEL = "pod-template-hash";
  static final String ROLLING_UPDATE = "RollingUpdate";
  static final String RECREATE = "Recreate";
  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";

  private static final long SECOND = 1_000_000_000L;
  /** The default controller rate limiter's base delay (5 ms), for a re-queue due now. */
  private static final long RATE_LIMIT_BASE = 5_000_000L;
  private static final IntOrString DEFAULT_25_PERCENT = IntOrString.ofString("25%");
  private static final String HASH_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  @Override
  public String name() {
    return "deployment-controller";
  }

  @Override
  protected void watch() {
    for (Deployment d : store.listAndWatch(Deployment.class, e -> enqueue(e.object()))) {
      enqueue(d);
    }
    store.watch(ReplicaSet.class, this::onReplicaSet);
    store.watch(Pod.class, this::onPod);
  }

  private void onReplicaSet(WatchEvent<ReplicaSet> e) {
    OwnerReference ref = e.object().metadata().controllerRef();
    if (ref != null && Deployment.KIND.equals(ref.kind())) {
      enqueue(e.object().metadata().namespace(), ref.name());
    }
  }

  /** Upstream looks at pod deletions only, for Recreate's wait for old pods. */
  private void onPod(WatchEvent<Pod> e) {
    if (e.type() != WatchEvent.Type.DELETED) {
      return;
    }
    OwnerReference ref = e.object().metadata().controllerRef();
    if (ref == null || !ReplicaSet.KIND.equals(ref.kind())) {
      return;
    }
    ReplicaSet rs = store.get(ReplicaSet.class, e.object().metadata().namespace(), ref.name());
    OwnerReference owner = rs == null ? null : rs.metadata().controllerRef();
    if (owner != null && Deployment.KIND.equals(owner.kind())) {
      Deployment d = store.get(Deployment.class, rs.metadata().namespace(), owner.name());
      if (d != null && RECREATE.equals(strategyType(d))) {
        enqueue(d);
      }
    }
  }

  // ---------------------------------------------------------------- sync

  @Override
  protected void sync(String namespace, String name) {
    Deployment d = store.get(Deployment.class, namespace, name);
    if (d == null) {
      return;
    }
    List<ReplicaSet> rsList = replicaSetsOf(d);
    if (d.metadata().deletionTimestamp() != null) {
      syncStatusOnly(d, rsList);
      return;
    }
    d = checkPausedConditions(d);
    boolean paused = Boolean.TRUE.equals(d.spec().paused());
    if (paused || isScalingEvent(d, rsList)) {
      // Upstream's sync: scale only; a paused Deployment also prunes its history.
      scale(d, rsList);
      d = store.get(Deployment.class, namespace, name);
      rsList = replicaSetsOf(d);
      if (paused) {
        cleanup(d, olds(rsList, findNewReplicaSet(d, rsList)));
        rsList = replicaSetsOf(d);
      }
      syncStatusOnly(d, rsList);
      return;
    }
    if (RECREATE.equals(strategyType(d))) {
      rolloutRecreate(d, rsList);
    } else {
      rolloutRolling(d, rsList);
    }
  }

  /**
   * Upstream's checkPausedConditions: Progressing becomes Unknown/DeploymentPaused while paused,
   * and Unknown/DeploymentResumed when resumed.
   */
  private Deployment checkPausedConditions(Deployment d) {
    if (!hasProgressDeadline(d)) {
      return d;
    }
    DeploymentCondition c = d.status().condition(PROGRESSING);
    if (c != null && "ProgressDeadlineExceeded".equals(c.reason())) {
      return d;
    }
    boolean paused = Boolean.TRUE.equals(d.spec().paused());
    boolean pausedCond = c != null && "DeploymentPaused".equals(c.reason());
    DeploymentStatus st;
    if (paused && !pausedCond) {
      st = withCondition(d.status(), newCondition(PROGRESSING, "Unknown", "DeploymentPaused",
          "Deployment is paused"));
    } else if (!paused && pausedCond) {
      st = withCondition(d.status(), newCondition(PROGRESSING, "Unknown", "DeploymentResumed",
          "Deployment is resumed"));
    } else {
      return d;
    }
    writeStatus(d, st);
    return store.get(Deployment.class, d.metadata().namespace(), d.metadata().name());
  }

  private List<ReplicaSet> replicaSetsOf(Deployment d) {
    List<ReplicaSet> out = new ArrayList<>();
    for (ReplicaSet rs : store.list(ReplicaSet.class, d.metadata().namespace())) {
      if (PodStates.isControlledBy(rs.metadata(), d.metadata().uid())) {
        out.add(rs);
      }
    }
    out.sort(BY_CREATION);
    return out;
  }

  private void rolloutRolling(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSet newRs = newReplicaSet(d, rsList, true);
    d = store.get(Deployment.class, d.metadata().namespace(), d.metadata().name());
    List<ReplicaSet> olds = olds(rsList, newRs);
    List<ReplicaSet> all = new ArrayList<>(olds);
    all.add(newRs);
    if (reconcileNewReplicaSet(d, all, newRs)) {
      syncRolloutStatus(d);
      return;
    }
    if (reconcileOldReplicaSets(d, all, olds, newRs)) {
      syncRolloutStatus(d);
      return;
    }
    if (deploymentComplete(d, d.status())) {
      cleanup(d, olds);
    }
    syncRolloutStatus(d);
  }

  private void rolloutRecreate(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSet newRs = newReplicaSet(d, rsList, false);
    List<ReplicaSet> olds = olds(rsList, newRs);
    boolean scaledDown = false;
    for (ReplicaSet rs : olds) {
      if (replicas(rs) != 0) {
        scaledDown |= scaleReplicaSet(rs, 0, d);
      }
    }
    if (scaledDown) {
      syncRolloutStatus(d);
      return;
    }
    if (oldPodsRunning(olds)) {
      syncRolloutStatus(d);
      return;
    }
    if (newRs == null) {
      newRs = newReplicaSet(d, rsList, true);
      d = store.get(Deployment.class, d.metadata().namespace(), d.metadata().name());
    }
    scaleReplicaSet(newRs, desired(d), d);
    d = store.get(Deployment.class, d.metadata().namespace(), d.metadata().name());
    if (deploymentComplete(d, d.status())) {
      cleanup(d, olds);
    }
    syncRolloutStatus(d);
  }

  /** Upstream's oldPodsRunning: an old set still reports replicas, or has a non-terminal pod. */
  private boolean oldPodsRunning(List<ReplicaSet> olds) {
    for (ReplicaSet rs : olds) {
      if (rs.status().replicas() > 0) {
        return true;
      }
      for (Pod pod : podsControlledBy(rs.metadata().namespace(), rs.metadata().uid())) {
        String phase = pod.status().phase();
        if (!PodStates.FAILED.equals(phase) && !PodStates.SUCCEEDED.equals(phase)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<ReplicaSet> olds(List<ReplicaSet> rsList, ReplicaSet newRs) {
    List<ReplicaSet> out = new ArrayList<>();
    for (ReplicaSet rs : rsList) {
      if (newRs == null || !rs.metadata().uid().equals(newRs.metadata().uid())) {
        out.add(rs);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- the new ReplicaSet

  /** The oldest ReplicaSet whose template equals the Deployment's, ignoring the hash label. */
  private static ReplicaSet findNewReplicaSet(Deployment d, List<ReplicaSet> rsList) {
    for (ReplicaSet rs : rsList) {
      if (equalIgnoringHash(rs.spec().template(), d.spec().template())) {
        return rs;
      }
    }
    return null;
  }

  private static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
    return withoutHash(a).equals(withoutHash(b));
  }

  private static PodTemplateSpec withoutHash(PodTemplateSpec t) {
    if (!t.metadata().labels().containsKey(HASH_LABEL)) {
      return t;
    }
    Map<String, String> labels = new TreeMap<>(t.metadata().labels());
    labels.remove(HASH_LABEL);
    return new PodTemplateSpec(t.metadata().withLabels(labels), t.spec());
  }

  /**
   * Upstream's getNewReplicaSet: finds the new set and brings its revision and replica
   * annotations up to date, or creates it when {@code create}. Also stamps the Deployment's
   * revision annotation and its Progressing condition (NewReplicaSetCreated/FoundNewReplicaSet).
   */
  private ReplicaSet newReplicaSet(Deployment d, List<ReplicaSet> rsList, boolean create) {
    ReplicaSet existing = findNewReplicaSet(d, rsList);
    List<ReplicaSet> olds = olds(rsList, existing);
    long newRevision = maxRevision(olds) + 1;
    if (existing != null) {
      Map<String, String> ann = new TreeMap<>(existing.metadata().annotations());
      boolean changed = setNewReplicaSetAnnotations(d, ann, newRevision);
      changed |= !java.util.Objects.equals(existing.spec().minReadySeconds(),
          d.spec().minReadySeconds());
      if (changed) {
        existing = store.update(ReplicaSet.class, existing.metadata().namespace(),
            existing.metadata().name(),
            cur -> cur.withMetadata(cur.metadata().withAnnotations(ann))
                .withSpec(new ReplicaSetSpec(cur.spec().replicas(), cur.spec().selector(),
                    cur.spec().template(), d.spec().minReadySeconds())));
      }
      String rev = existing.metadata().annotations().get(REVISION);
      setDeploymentRevision(d, rev);
      Deployment cur = store.get(Deployment.class, d.metadata().namespace(), d.metadata().name());
      if (hasProgressDeadline(cur) && cur.status().condition(PROGRESSING) == null) {
        DeploymentStatus st = withCondition(cur.status(), newCondition(PROGRESSING, "True",
            "FoundNewReplicaSet", "Found new replica set \"" + existing.metadata().name() + "\""));
        writeStatus(cur, st);
      }
      return existing;
    }
    if (!create) {
      return null;
    }
    String hash = templateHash(d.spec().template());
    ObjectMeta dm = d.metadata();
    PodTemplateSpec template = withHash(d.spec().template(), hash);
    Map<String, String> matchLabels = new TreeMap<>();
    LabelSelector sel = d.spec().selector() == null ? LabelSelector.EMPTY : d.spec().selector();
    matchLabels.putAll(sel.matchLabels());
    matchLabels.put(HASH_LABEL, hash);
    LabelSelector selector = new LabelSelector(matchLabels, sel.matchExpressions());
    Map<String, String> ann = new TreeMap<>();
    for (Map.Entry<String, String> e : dm.annotations().entrySet()) {
      if (!e.getKey().startsWith("deployment.kubernetes.io/")
          && !e.getKey().equals("kubectl.kubernetes.io/last-applied-configuration")) {
        ann.put(e.getKey(), e.getValue());
      }
    }
    setNewReplicaSetAnnotations(d, ann, newRevision);
    ReplicaSet draft = ReplicaSet.of(
        new ObjectMeta(dm.name() + "-" + hash, null, dm.namespace(), null, null, null, null, null,
            null, template.metadata().labels(), ann,
            List.of(controllerRef(Deployment.API_VERSION, Deployment.KIND, dm)), null),
        new ReplicaSetSpec(0, selector, template, d.spec().minReadySeconds()), null);
    List<ReplicaSet> all = new ArrayList<>(olds);
    all.add(draft);
    int replicas = newReplicaSetReplicas(d, all, draft);
    ReplicaSet created;
    try {
      created = store.create(draft.withSpec(new ReplicaSetSpec(replicas, selector, template,
          d.spec().minReadySeconds())));
    } catch (AlreadyExistsException e) {
      // The name is taken by a set this Deployment does not control, or with another template:
      // upstream bumps status.collisionCount into the hash and retries. collisionCount is not
      // modelled, so the run stops with an error that names both objects.
      throw new IllegalStateException("deployment " + dm.namespace() + "/" + dm.name()
          + ": ReplicaSet " + draft.metadata().name()
          + " exists with another template (pod-template-hash collision)");
    }
    action("create_replicaset", describe(ReplicaSet.KIND, created.metadata()),
        Map.of("replicas", Integer.toString(replicas)));
    setDeploymentRevision(d, Long.toString(newRevision));
    Deployment cur = store.get(Deployment.class, dm.namespace(), dm.name());
    if (hasProgressDeadline(cur)) {
      writeStatus(cur, withCondition(cur.status(), newCondition(PROGRESSING, "True",
          "NewReplicaSetCreated",
          "Created new replica set \"" + created.metadata().name() + "\"")));
    }
    return created;
  }

  private void setDeploymentRevision(Deployment d, String revision) {
    if (revision == null) {
      return;
    }
    Deployment cur = store.get(Deployment.class, d.metadata().namespace(), d.metadata().name());
    if (revision.equals(cur.metadata().annotations().get(REVISION))) {
      return;
    }
    Map<String, String> ann = new TreeMap<>(cur.metadata().annotations());
    ann.put(REVISION, revision);
    store.update(Deployment.class, d.metadata().namespace(), d.metadata().name(),
        x -> x.withMetadata(x.metadata().withAnnotations(ann)));
  }

  /** Sets revision (raised only), desired-replicas and max-replicas; true if any changed. */
  private static boolean setNewReplicaSetAnnotations(Deployment d, Map<String, String> ann,
      long newRevision) {
    boolean changed = false;
    long old = parseLong(ann.get(REVISION));
    if (old < newRevision) {
      ann.put(REVISION, Long.toString(newRevision));
      changed = true;
    }
    changed |= putIfDifferent(ann, DESIRED_REPLICAS, Integer.toString(desired(d)));
    changed |= putIfDifferent(ann, MAX_REPLICAS, Integer.toString(desired(d) + maxSurge(d)));
    return changed;
  }

  private static boolean putIfDifferent(Map<String, String> m, String k, String v) {
    return !v.equals(m.put(k, v));
  }

  private static long maxRevision(List<ReplicaSet> rsList) {
    long max = 0;
    for (ReplicaSet rs : rsList) {
      max = Math.max(max, parseLong(rs.metadata().annotations().get(REVISION)));
    }
    return max;
  }

  private static long parseLong(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static PodTemplateSpec withHash(PodTemplateSpec t, String hash) {
    Map<String, String> labels = new TreeMap<>(t.metadata().labels());
    labels.put(HASH_LABEL, hash);
    return new PodTemplateSpec(t.metadata().withLabels(labels), t.spec());
  }

  /**
   * The pod-template-hash: upstream hashes the template with FNV-32a and encodes the decimal
   * number with its safe alphabet; here the FNV-32a input is the template's canonical JSON
   * (keys sorted), so equal templates always get equal hashes.
   */
  static String templateHash(PodTemplateSpec template) {
    String json;
    try {
      json = KubeCodec.jsonMapper().writer()
          .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("pod template: cannot serialise for hashing", e);
    }
    int h = 0x811c9dc5;
    for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    String decimal = Long.toString(Integer.toUnsignedLong(h));
    StringBuilder sb = new StringBuilder(decimal.length());
    for (int i = 0; i < decimal.length(); i++) {
      sb.append(HASH_ALPHABET.charAt(decimal.charAt(i) % HASH_ALPHABET.length()));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- rolling update

  private boolean reconcileNewReplicaSet(Deployment d, List<ReplicaSet> all, ReplicaSet newRs) {
    int want = desired(d);
    if (replicas(newRs) == want) {
      return false;
    }
    if (replicas(newRs) > want) {
      return scaleReplicaSet(newRs, want, d);
    }
    return scaleReplicaSet(newRs, newReplicaSetReplicas(d, all, newRs), d);
  }

  /** Upstream's NewRSNewReplicas. */
  private static int newReplicaSetReplicas(Deployment d, List<ReplicaSet> all, ReplicaSet newRs) {
    if (!ROLLING_UPDATE.equals(strategyType(d))) {
      return desired(d);
    }
    int current = specSum(all);
    int maxTotal = desired(d) + maxSurge(d);
    if (current >= maxTotal) {
      return replicas(newRs);
    }
    int up = Math.min(maxTotal - current, desired(d) - replicas(newRs));
    return replicas(newRs) + up;
  }

  private boolean reconcileOldReplicaSets(Deployment d, List<ReplicaSet> all,
      List<ReplicaSet> olds, ReplicaSet newRs) {
    if (specSum(olds) == 0) {
      return false;
    }
    int allPods = specSum(all);
    int minAvailable = desired(d) - maxUnavailable(d);
    int newUnavailable = replicas(newRs) - newRs.status().availableReplicas();
    int maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) {
      return false;
    }
    List<ReplicaSet> sorted = new ArrayList<>(olds);
    sorted.sort(BY_CREATION);
    // First the unhealthy replicas of old sets, oldest set first.
    int cleaned = 0;
    List<ReplicaSet> afterCleanup = new ArrayList<>();
    for (ReplicaSet rs : sorted) {
      if (cleaned >= maxScaledDown || replicas(rs) == 0
          || replicas(rs) == rs.status().availableReplicas()) {
        afterCleanup.add(rs);
        continue;
      }
      int unhealthy = replicas(rs) - rs.status().availableReplicas();
      int down = Math.min(maxScaledDown - cleaned, unhealthy);
      int target = replicas(rs) - down;
      scaleReplicaSet(rs, target, d);
      cleaned += down;
      afterCleanup.add(currentRs(rs));
    }
    // Then available ones, while more than minAvailable are available in total.
    List<ReplicaSet> allNow = new ArrayList<>(afterCleanup);
    allNow.add(newRs);
    int available = 0;
    for (ReplicaSet rs : allNow) {
      available += rs.status().availableReplicas();
    }
    int scaledDown = 0;
    if (available > minAvailable) {
      int total = available - minAvailable;
      for (ReplicaSet rs : afterCleanup) {
        if (scaledDown >= total) {
          break;
        }
        if (replicas(rs) == 0) {
          continue;
        }
        int down = Math.min(replicas(rs), total - scaledDown);
        scaleReplicaSet(rs, replicas(rs) - down, d);
        scaledDown += down;
      }
    }
    return cleaned + scaledDown > 0;
  }

  private ReplicaSet currentRs(ReplicaSet rs) {
    ReplicaSet cur = store.get(ReplicaSet.class, rs.metadata().namespace(), rs.metadata().name());
    return cur == null ? rs : cur;
  }

  // ---------------------------------------------------------------- scaling

  /** Upstream's isScalingEvent: an active set's desired-replicas annotation is out of date. */
  private boolean isScalingEvent(Deployment d, List<ReplicaSet> rsList) {
    for (ReplicaSet rs : rsList) {
      if (replicas(rs) == 0) {
        continue;
      }
      String desired = rs.metadata().annotations().get(DESIRED_REPLICAS);
      if (desired != null && parseLong(desired) != desired(d)) {
        return true;
      }
    }
    return false;
  }

  /** Upstream's scale: one active set takes it all; else proportional (RollingUpdate). */
  private void scale(Deployment d, List<ReplicaSet> rsList) {
    ReplicaSet newRs = findNewReplicaSet(d, rsList);
    List<ReplicaSet> olds = olds(rsList, newRs);
    ReplicaSet only = activeOrLatest(newRs, olds);
    if (only != null) {
      if (replicas(only) != desired(d)) {
        scaleReplicaSet(only, desired(d), d);
      }
      return;
    }
    if (newRs != null && replicas(newRs) == desired(d)
        && String.valueOf(desired(d)).equals(newRs.metadata().annotations().get(DESIRED_REPLICAS))
        && newRs.status().availableReplicas() == desired(d)) {
      for (ReplicaSet rs : olds) {
        if (replicas(rs) > 0) {
          scaleReplicaSet(rs, 0, d);
        }
      }
      return;
    }
    if (!ROLLING_UPDATE.equals(strategyType(d))) {
      return;
    }
    List<ReplicaSet> all = new ArrayList<>();
    for (ReplicaSet rs : rsList) {
      if (replicas(rs) > 0) {
        all.add(rs);
      }
    }
    int allowed = desired(d) > 0 ? desired(d) + maxSurge(d) : 0;
    int toAdd = allowed - specSum(all);
    if (toAdd == 0) {
      return;
    }
    Comparator<ReplicaSet> bySize = Comparator.comparingInt(DeploymentController::replicas)
        .reversed();
    all.sort(bySize.thenComparing(toAdd > 0 ? BY_CREATION.reversed() : BY_CREATION));
    int[] sizes = new int[all.size()];
    int added = 0;
    for (int i = 0; i < all.size(); i++) {
      int proportion = proportion(all.get(i), d, toAdd, added);
      sizes[i] = replicas(all.get(i)) + proportion;
      added += proportion;
    }
    sizes[0] = Math.max(0, sizes[0] + toAdd - added);
    for (int i = 0; i < all.size(); i++) {
      scaleReplicaSet(all.get(i), sizes[i], d);
    }
  }

  private static ReplicaSet activeOrLatest(ReplicaSet newRs, List<ReplicaSet> olds) {
    List<ReplicaSet> active = new ArrayList<>();
    if (newRs != null && replicas(newRs) > 0) {
      active.add(newRs);
    }
    for (ReplicaSet rs : olds) {
      if (replicas(rs) > 0) {
        active.add(rs);
      }
    }
    if (active.size() == 1) {
      return active.get(0);
    }
    if (!active.isEmpty()) {
      return null;
    }
    if (newRs != null) {
      return newRs;
    }
    return olds.isEmpty() ? null : olds.get(olds.size() - 1); // the newest old set
  }

  /** Upstream's GetProportion and getReplicaSetFraction. */
  private static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
    if (replicas(rs) == 0 || toAdd == 0 || toAdd == added) {
      return 0;
    }
    int fraction;
    if (desired(d) == 0) {
      fraction = -replicas(rs);
    } else {
      int deploymentReplicas = desired(d) + maxSurge(d);
      String ann = rs.metadata().annotations().get(MAX_REPLICAS);
      long annotated = ann == null ? d.status().replicas() : parseLong(ann);
      double size = (double) ((long) replicas(rs) * deploymentReplicas) / (double) annotated;
      fraction = (int) goRound(size) - replicas(rs);
    }
    int allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  /** Go's math.Round: half away from zero. */
  private static double goRound(double x) {
    return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
  }

  /** Sets the set's replicas and replica annotations; true if its replicas changed. */
  private boolean scaleReplicaSet(ReplicaSet rs, int target, Deployment d) {
    ReplicaSet cur = currentRs(rs);
    int from = replicas(cur);
    Map<String, String> ann = new TreeMap<>(cur.metadata().annotations());
    boolean annChanged = putIfDifferent(ann, DESIRED_REPLICAS, Integer.toString(desired(d)));
    annChanged |= putIfDifferent(ann, MAX_REPLICAS, Integer.toString(desired(d) + maxSurge(d)));
    if (from == target && !annChanged) {
      return false;
    }
    store.update(ReplicaSet.class, cur.metadata().namespace(), cur.metadata().name(),
        x -> x.withMetadata(x.metadata().withAnnotations(ann))
            .withSpec(x.spec().withReplicas(target)));
    if (from != target) {
      action("scale", describe(ReplicaSet.KIND, cur.metadata()),
          Map.of("from", Integer.toString(from), "to", Integer.toString(target)));
    }
    return from != target;
  }

  // ---------------------------------------------------------------- cleanup

  /** Deletes fully scaled-down old sets past revisionHistoryLimit, lowest revision first. */
  private void cleanup(Deployment d, List<ReplicaSet> olds) {
    int limit = d.spec().revisionHistoryLimit() == null ? 10 : d.spec().revisionHistoryLimit();
    List<ReplicaSet> cleanable = new ArrayList<>();
    for (ReplicaSet rs : olds) {
      if (rs.metadata().deletionTimestamp() == null) {
        cleanable.add(currentRs(rs));
      }
    }
    int diff = cleanable.size() - limit;
    if (diff <= 0) {
      return;
    }
    cleanable.sort(Comparator.<ReplicaSet>comparingLong(
        rs -> parseLong(rs.metadata().annotations().get(REVISION))).thenComparing(BY_CREATION));
    for (int i = 0; i < diff; i++) {
      ReplicaSet rs = cleanable.get(i);
      long gen = rs.metadata().generation() == null ? 0 : rs.metadata().generation();
      long observed = rs.status().observedGeneration() == null ? 0
          : rs.status().observedGeneration();
      if (rs.status().replicas() != 0 || replicas(rs) != 0 || gen > observed) {
        continue;
      }
      store.delete(ReplicaSet.class, rs.metadata().namespace(), rs.metadata().name());
      action("delete_replicaset", describe(ReplicaSet.KIND, rs.metadata()), Map.of());
    }
  }

  // ---------------------------------------------------------------- status

  private void syncStatusOnly(Deployment d, List<ReplicaSet> rsList) {
    DeploymentStatus st = calculateStatus(d, rsList, findNewReplicaSet(d, rsList));
    writeStatus(d, st);
  }

  private void syncRolloutStatus(Deployment stale) {
    Deployment d = store.get(Deployment.class, stale.metadata().namespace(),
        stale.metadata().name());
    List<ReplicaSet> rsList = replicaSetsOf(d);
    ReplicaSet newRs = findNewReplicaSet(d, rsList);
    DeploymentStatus st = calculateStatus(d, rsList, newRs);
    DeploymentCondition current = st.condition(PROGRESSING);
    boolean complete = st.replicas() == st.updatedReplicas() && current != null
        && "NewReplicaSetAvailable".equals(current.reason());
    if (hasProgressDeadline(d) && !complete) {
      String subject = newRs != null ? "ReplicaSet \"" + newRs.metadata().name() + "\""
          : "Deployment \"" + d.metadata().name() + "\"";
      if (deploymentComplete(d, st)) {
        st = withCondition(st, newCondition(PROGRESSING, "True", "NewReplicaSetAvailable",
            subject + " has successfully progressed."));
      } else if (progressing(d.status(), st)) {
        DeploymentCondition c = newCondition(PROGRESSING, "True", "ReplicaSetUpdated",
            subject + " is progressing.");
        if (current != null && "True".equals(current.status())) {
          c = new DeploymentCondition(c.type(), c.status(), c.lastUpdateTime(),
              current.lastTransitionTime(), c.reason(), c.message());
        }
        st = replaceCondition(st, c);
      } else if (timedOut(d, st)) {
        st = withCondition(st, newCondition(PROGRESSING, "False", "ProgressDeadlineExceeded",
            subject + " has timed out progressing."));
      }
    }
    if (st.equals(d.status())) {
      requeueStuck(d, st);
      return;
    }
    writeStatus(d, st);
  }

  private DeploymentStatus calculateStatus(Deployment d, List<ReplicaSet> rsList,
      ReplicaSet newRs) {
    int actual = 0;
    int ready = 0;
    int available = 0;
    int total = 0;
    for (ReplicaSet rs0 : rsList) {
      ReplicaSet rs = currentRs(rs0);
      actual += rs.status().replicas();
      ready += rs.status().readyReplicas();
      available += rs.status().availableReplicas();
      total += replicas(rs);
    }
    int updated = newRs == null ? 0 : currentRs(newRs).status().replicas();
    DeploymentStatus st = new DeploymentStatus(d.metadata().generation(), actual, updated, ready,
        available, Math.max(0, total - available), d.status().conditions());
    if (available >= desired(d) - maxUnavailable(d)) {
      st = withCondition(st, newCondition(AVAILABLE, "True", "MinimumReplicasAvailable",
          "Deployment has minimum availability."));
    } else {
      st = withCondition(st, newCondition(AVAILABLE, "False", "MinimumReplicasUnavailable",
          "Deployment does not have minimum availability."));
    }
    if (!hasProgressDeadline(d)) {
      st = removeCondition(st, PROGRESSING);
    }
    return st;
  }

  private static boolean deploymentComplete(Deployment d, DeploymentStatus st) {
    long gen = d.metadata().generation() == null ? 0 : d.metadata().generation();
    long observed = st.observedGeneration() == null ? 0 : st.observedGeneration();
    return st.updatedReplicas() == desired(d) && st.replicas() == desired(d)
        && st.availableReplicas() == desired(d) && observed >= gen;
  }

  private static boolean progressing(DeploymentStatus old, DeploymentStatus now) {
    int oldOld = old.replicas() - old.updatedReplicas();
    int newOld = now.replicas() - now.updatedReplicas();
    return now.updatedReplicas() > old.updatedReplicas() || newOld < oldOld
        || now.readyReplicas() > old.readyReplicas()
        || now.availableReplicas() > old.availableReplicas();
  }

  private boolean timedOut(Deployment d, DeploymentStatus st) {
    DeploymentCondition c = st.condition(PROGRESSING);
    if (c == null || "NewReplicaSetAvailable".equals(c.reason())) {
      return false;
    }
    if ("ProgressDeadlineExceeded".equals(c.reason())) {
      return true;
    }
    long from = PodStates.nanos(c.lastUpdateTime(), context.loop().clock().epoch());
    return from + progressDeadlineSeconds(d) * SECOND < context.now();
  }

  /** Upstream's requeueStuckDeployment: look again when the progress deadline passes. */
  private void requeueStuck(Deployment d, DeploymentStatus st) {
    DeploymentCondition c = st.condition(PROGRESSING);
    if (!hasProgressDeadline(d) || c == null || deploymentComplete(d, st)
        || "ProgressDeadlineExceeded".equals(c.reason())) {
      return;
    }
    long from = PodStates.nanos(c.lastUpdateTime(), context.loop().clock().epoch());
    long after = from + progressDeadlineSeconds(d) * SECOND - context.now();
    enqueueAfter(d.metadata().namespace(), d.metadata().name(),
        after < SECOND ? RATE_LIMIT_BASE : after);
  }

  private void writeStatus(Deployment d, DeploymentStatus st) {
    if (st.equals(d.status())) {
      return;
    }
    store.update(Deployment.class, d.metadata().namespace(), d.metadata().name(),
        cur -> cur.withStatus(st));
  }

  private DeploymentCondition newCondition(String type, String status, String reason,
      String message) {
    String now = nowTime();
    return new DeploymentCondition(type, status, now, now, reason, message);
  }

  /** Upstream's SetDeploymentCondition: no change when status and reason are the same. */
  private static DeploymentStatus withCondition(DeploymentStatus st, DeploymentCondition c) {
    DeploymentCondition current = st.condition(c.type());
    if (current != null && current.status().equals(c.status())
        && java.util.Objects.equals(current.reason(), c.reason())) {
      return st;
    }
    if (current != null && current.status().equals(c.status())) {
      c = new DeploymentCondition(c.type(), c.status(), c.lastUpdateTime(),
          current.lastTransitionTime(), c.reason(), c.message());
    }
    return replaceCondition(st, c);
  }

  private static DeploymentStatus replaceCondition(DeploymentStatus st, DeploymentCondition c) {
    List<DeploymentCondition> conds = new ArrayList<>();
    for (DeploymentCondition x : st.conditions()) {
      if (!x.type().equals(c.type())) {
        conds.add(x);
      }
    }
    conds.add(c);
    return new DeploymentStatus(st.observedGeneration(), st.replicas(), st.updatedReplicas(),
        st.readyReplicas(), st.availableReplicas(), st.unavailableReplicas(), conds);
  }

  private static DeploymentStatus removeCondition(DeploymentStatus st, String type) {
    if (st.condition(type) == null) {
      return st;
    }
    List<DeploymentCondition> conds = new ArrayList<>();
    for (DeploymentCondition x : st.conditions()) {
      if (!x.type().equals(type)) {
        conds.add(x);
      }
    }
    return new DeploymentStatus(st.observedGeneration(), st.replicas(), st.updatedReplicas(),
        st.readyReplicas(), st.availableReplicas(), st.unavailableReplicas(), conds);
  }

  // ---------------------------------------------------------------- spec defaults

  static int desired(Deployment d) {
    return d.spec().replicas() == null ? 1 : d.spec().replicas();
  }

  static String strategyType(Deployment d) {
    String t = d.spec().strategy().type();
    return t == null || t.isEmpty() ? ROLLING_UPDATE : t;
  }

  /** spec.progressDeadlineSeconds, default 600. */
  static long progressDeadlineSeconds(Deployment d) {
    Integer s = d.spec().progressDeadlineSeconds();
    return s == null ? 600 : s;
  }

  private static boolean hasProgressDeadline(Deployment d) {
    Integer s = d.spec().progressDeadlineSeconds();
    return s == null || s != Integer.MAX_VALUE;
  }

  private static int[] fenceposts(Deployment d) {
    RollingUpdateDeployment ru = d.spec().strategy().rollingUpdate();
    IntOrString surge = ru == null || ru.maxSurge() == null ? DEFAULT_25_PERCENT : ru.maxSurge();
    IntOrString unavailable = ru == null || ru.maxUnavailable() == null ? DEFAULT_25_PERCENT
        : ru.maxUnavailable();
    int s = scaled(d, surge, true, "maxSurge");
    int u = scaled(d, unavailable, false, "maxUnavailable");
    if (s == 0 && u == 0) {
      u = 1; // upstream's ResolveFenceposts: never a rollout that cannot make progress
    }
    return new int[] {s, u};
  }

  private static int scaled(Deployment d, IntOrString v, boolean roundUp, String field) {
    try {
      return v.scaled(desired(d), roundUp);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("deployment " + d.metadata().namespace() + "/"
          + d.metadata().name() + ": spec.strategy.rollingUpdate." + field + ": "
          + e.getMessage());
    }
  }

  static int maxSurge(Deployment d) {
    return ROLLING_UPDATE.equals(strategyType(d)) ? fenceposts(d)[0] : 0;
  }

  static int maxUnavailable(Deployment d) {
    if (!ROLLING_UPDATE.equals(strategyType(d)) || desired(d) == 0) {
      return 0;
    }
    return Math.min(fenceposts(d)[1], desired(d));
  }

  static int replicas(ReplicaSet rs) {
    return rs.spec().replicas() == null ? 1 : rs.spec().replicas();
  }

  private static int specSum(List<ReplicaSet> list) {
    int n = 0;
    for (ReplicaSet rs : list) {
      n += replicas(rs);
    }
    return n;
  }

  /** Oldest first, ties by name (upstream's ReplicaSetsByCreationTimestamp). */
  static final Comparator<ReplicaSet> BY_CREATION = Comparator
      .comparing((ReplicaSet rs) -> rs.metadata().creationTimestamp() == null ? ""
          : rs.metadata().creationTimestamp())
      .thenComparing(rs -> rs.metadata().name());
}
