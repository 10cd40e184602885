package io.schedlab.controller.workload;

import io.schedlab.api.Job;
import io.schedlab.api.JobCondition;
import io.schedlab.api.JobStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodSpec;
import io.schedlab.store.WatchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The kube-controller-manager's job-controller: keeps up to {@code parallelism} (default 1)
 * pods running until {@code completions} succeed (both default 1 when neither is set; with only
 * parallelism set, the Job is a work queue done when one pod succeeds and none is active).
 * Failed pods count against {@code backoffLimit} (default 6); new pods wait out a back-off of
 * 10 s doubling per failure since the last success, capped at 6 min. {@code
 * activeDeadlineSeconds} fails the Job when it has been active that long. Indexed completion
 * gives each pod an index (annotation and label {@code batch.kubernetes.io/job-completion-index},
 * hostname {@code <job>-<index>}) and completes when every index has succeeded. A finished Job
 * gets conditions SuccessCriteriaMet and Complete (with completionTime), or FailureTarget and
 * Failed, and its remaining active pods are deleted. Each terminal pod is counted once, as
 * upstream's finalizer-based tracking does.
 *
 * <p>Watches Jobs and Pods; writes Pods and Job status. Records {@code controller_action}
 * create_pod / delete_pod, and complete / fail for the Job.
 */
public final class JobController extends WorkloadController {
  static final String COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  static final String INDEXED = "Indexed";
  static final String COMPLETE = "Complete";
  static final String FAILED = "Failed";
  static final String SUCCESS_CRITERIA_MET = "SuccessCriteriaMet";
  static final String FAILURE_TARGET = "FailureTarget";

  private static final long SECOND = 1_000_000_000L;
  /** Pod failure back-off: 10 s doubling, capped at 6 minutes (the documented Job back-off). */
  static final long BACKOFF_BASE = 10 * SECOND;
  static final long BACKOFF_MAX = 6 * 60 * SECOND;
  /** Upstream's MaxPodCreateDeletePerSync. */
  private static final int MAX_PER_SYNC = 500;

  /** Per Job uid: the uids of terminal pods already counted in status. */
  private final Map<String, Set<String>> counted = new HashMap<>();
  /** Per Job uid: {failures since the last success, time of the last failure}. */
  private final Map<String, long[]> backoff = new HashMap<>();

  @Override
  public String name() {
    return "job-controller";
  }

  @Override
  protected void watch() {
    for (Job job : store.listAndWatch(Job.class, e -> enqueue(e.object()))) {
      enqueue(job);
    }
    store.watch(Pod.class, this::onPod);
  }

  private void onPod(WatchEvent<Pod> e) {
    OwnerReference ref = e.object().metadata().controllerRef();
    if (ref != null && Job.KIND.equals(ref.kind())) {
      enqueue(e.object().metadata().namespace(), ref.name());
    }
  }

  static boolean finished(Job job) {
    for (JobCondition c : job.status().conditions()) {
      if ((COMPLETE.equals(c.type()) || FAILED.equals(c.type())) && "True".equals(c.status())) {
        return true;
      }
    }
    return false;
  }

  static int parallelism(Job job) {
    return job.spec().parallelism() == null ? 1 : job.spec().parallelism();
  }

  /** spec.completions with upstream's defaulting: 1 when neither it nor parallelism is set. */
  static Integer completions(Job job) {
    if (job.spec().completions() == null && job.spec().parallelism() == null) {
      return 1;
    }
    return job.spec().completions();
  }

  static int backoffLimit(Job job) {
    return job.spec().backoffLimit() == null ? 6 : job.spec().backoffLimit();
  }

  static boolean indexed(Job job) {
    return INDEXED.equals(job.spec().completionMode());
  }

  @Override
  protected void sync(String namespace, String name) {
    Job job = store.get(Job.class, namespace, name);
    if (job == null || finished(job) || Boolean.TRUE.equals(job.spec().suspend())) {
      return;
    }
    if (indexed(job) && completions(job) == null) {
      throw new IllegalArgumentException("job " + namespace + "/" + name
          + ": spec.completions: Required value: when completionMode is Indexed");
    }
    Instant epoch = context.loop().clock().epoch();
    String uid = job.metadata().uid();
    String object = describe(Job.KIND, job.metadata());
    List<Pod> active = new ArrayList<>();
    int newSucceeded = 0;
    int newFailed = 0;
    long lastFailure = Long.MIN_VALUE;
    long lastSuccess = Long.MIN_VALUE;
    TreeSet<Integer> completedIndexes = parseIndexes(job.status().completedIndexes());
    Set<String> seen = counted.computeIfAbsent(uid, k -> new HashSet<>());
    Integer completions = completions(job);
    for (Pod pod : podsControlledBy(namespace, uid)) {
      String phase = pod.status().phase();
      boolean terminal = PodStates.SUCCEEDED.equals(phase) || PodStates.FAILED.equals(phase);
      if (!terminal) {
        if (!PodStates.isTerminating(pod)) {
          active.add(pod);
        }
        continue;
      }
      if (!seen.add(pod.metadata().uid())) {
        continue;
      }
      long finishedAt = finishTime(pod, epoch);
      if (PodStates.SUCCEEDED.equals(phase)) {
        newSucceeded++;
        lastSuccess = Math.max(lastSuccess, finishedAt);
        int index = index(pod);
        if (indexed(job) && index >= 0 && completions != null && index < completions) {
          completedIndexes.add(index);
        }
      } else {
        newFailed++;
        lastFailure = Math.max(lastFailure, finishedAt);
      }
    }
    recordBackoff(uid, newSucceeded, newFailed, lastSuccess, lastFailure);
    JobStatus st = job.status();
    String startTime = st.startTime() == null ? nowTime() : st.startTime();
    int succeeded = indexed(job) ? completedIndexes.size() : st.succeeded() + newSucceeded;
    int failed = st.failed() + newFailed;
    List<JobCondition> conditions = new ArrayList<>(st.conditions());
    String completionTime = st.completionTime();

    JobCondition finish = null;
    Long deadline = job.spec().activeDeadlineSeconds();
    long started = PodStates.nanos(startTime, epoch);
    if (failed > backoffLimit(job)) {
      finish = condition(FAILED, "BackoffLimitExceeded",
          "Job has reached the specified backoff limit");
    } else if (deadline != null && context.now() - started >= deadline * SECOND) {
      finish = condition(FAILED, "DeadlineExceeded",
          "Job was active longer than specified deadline");
    } else if (complete(job, succeeded, active.size())) {
      finish = condition(COMPLETE, "CompletionsReached",
          "Reached expected number of succeeded pods");
      completionTime = nowTime();
    }
    if (finish != null) {
      for (Pod pod : active) {
        deletePod(pod, object);
      }
      active = List.of();
      // Upstream first records the interim condition (FailureTarget / SuccessCriteriaMet), then
      // the final one once the Job's pods are gone; deletion is immediate here, so both at once.
      String interim = COMPLETE.equals(finish.type()) ? SUCCESS_CRITERIA_MET : FAILURE_TARGET;
      conditions.add(new JobCondition(interim, "True", finish.lastProbeTime(),
          finish.lastTransitionTime(), finish.reason(), finish.message()));
      conditions.add(finish);
      action(COMPLETE.equals(finish.type()) ? "complete" : "fail", object,
          Map.of("reason", finish.reason()));
    } else {
      active = manage(job, active, succeeded, completedIndexes, object);
      if (deadline != null) {
        enqueueAfter(namespace, name, Math.max(0, started + deadline * SECOND - context.now()));
      }
    }
    JobStatus next = new JobStatus(startTime, completionTime, active.size(), succeeded, failed,
        indexed(job) ? formatIndexes(completedIndexes) : null, conditions);
    if (!next.equals(job.status())) {
      store.update(Job.class, namespace, name, cur -> cur.withStatus(next));
    }
  }

  private static boolean complete(Job job, int succeeded, int active) {
    Integer completions = completions(job);
    if (completions == null) {
      return succeeded > 0 && active == 0;
    }
    return succeeded >= completions;
  }

  private List<Pod> manage(Job job, List<Pod> active, int succeeded,
      TreeSet<Integer> completedIndexes, String object) {
    Integer completions = completions(job);
    int parallelism = parallelism(job);
    int wantActive;
    if (completions == null) {
      wantActive = succeeded > 0 ? active.size() : parallelism;
    } else {
      wantActive = Math.max(0, Math.min(completions - succeeded, parallelism));
    }
    List<Pod> keep = new ArrayList<>(active);
    if (indexed(job)) {
      // Pods whose index is done, out of range or duplicated go first.
      Set<Integer> running = new HashSet<>();
      for (Pod pod : active) {
        int index = index(pod);
        if (index < 0 || index >= completions || completedIndexes.contains(index)
            || !running.add(index)) {
          deletePod(pod, object);
          keep.remove(pod);
        }
      }
    }
    int excess = keep.size() - wantActive;
    if (excess > 0) {
      List<Pod> victims = DeletionRanking.podsToDelete(keep, keep, Math.min(excess, MAX_PER_SYNC),
          context.now(), context.loop().clock().epoch());
      for (Pod pod : List.copyOf(victims)) {
        deletePod(pod, object);
        keep.remove(pod);
      }
      return keep;
    }
    int toCreate = Math.min(wantActive - keep.size(), MAX_PER_SYNC);
    if (toCreate <= 0) {
      return keep;
    }
    long remaining = remainingBackoff(job.metadata().uid());
    if (remaining > 0) {
      enqueueAfter(job.metadata().namespace(), job.metadata().name(), remaining);
      return keep;
    }
    if (indexed(job)) {
      Set<Integer> activeIndexes = new HashSet<>();
      for (Pod pod : keep) {
        activeIndexes.add(index(pod));
      }
      for (int i = 0; i < completions && toCreate > 0; i++) {
        if (!completedIndexes.contains(i) && !activeIndexes.contains(i)) {
          keep.add(createPod(newPod(job, i), job.metadata().name() + "-" + i + "-", object));
          toCreate--;
        }
      }
    } else {
      for (int i = 0; i < toCreate; i++) {
        keep.add(createPod(newPod(job, -1), job.metadata().name() + "-", object));
      }
    }
    return keep;
  }

  private static Pod newPod(Job job, int index) {
    ObjectMeta m = job.metadata();
    Map<String, String> labels = new TreeMap<>();
    // The labels upstream's API defaulting puts in the template for the generated selector.
    labels.put("batch.kubernetes.io/controller-uid", m.uid());
    labels.put("batch.kubernetes.io/job-name", m.name());
    labels.put("controller-uid", m.uid());
    labels.put("job-name", m.name());
    Map<String, String> annotations = new TreeMap<>();
    if (index >= 0) {
      labels.put(COMPLETION_INDEX, Integer.toString(index));
      annotations.put(COMPLETION_INDEX, Integer.toString(index));
    }
    Pod pod = podFromTemplate(job.spec().template(), m.namespace(),
        controllerRef(Job.API_VERSION, Job.KIND, m), labels, annotations);
    PodSpec s = pod.spec();
    if (index >= 0 && (s.hostname() == null || s.hostname().isEmpty())) {
      s = s.withIdentity(m.name() + "-" + index, s.subdomain());
      pod = pod.withSpec(s);
    }
    return pod;
  }

  /** The pod's completion index, or -1 when it has none or it does not parse. */
  static int index(Pod pod) {
    String v = pod.metadata().annotations().get(COMPLETION_INDEX);
    if (v == null) {
      return -1;
    }
    try {
      int i = Integer.parseInt(v);
      return i < 0 ? -1 : i;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * When the pod finished: the Ready condition's last transition to False (the kubelet writes it
   * as the pod terminates), else now.
   */
  private long finishTime(Pod pod, Instant epoch) {
    PodCondition c = pod.status().condition(PodStates.READY);
    if (c != null && "False".equals(c.status()) && c.lastTransitionTime() != null) {
      return PodStates.nanos(c.lastTransitionTime(), epoch);
    }
    return context.now();
  }

  /** Upstream's backoff record: failures after the last success, and the last failure time. */
  private void recordBackoff(String uid, int newSucceeded, int newFailed, long lastSuccess,
      long lastFailure) {
    long[] rec = backoff.computeIfAbsent(uid, k -> new long[] {0, Long.MIN_VALUE});
    if (newSucceeded > 0 && (newFailed == 0 || lastSuccess >= lastFailure)) {
      rec[0] = 0;
      rec[1] = Long.MIN_VALUE;
      return;
    }
    if (newFailed > 0) {
      rec[0] += newFailed;
      rec[1] = Math.max(rec[1], lastFailure);
    }
  }

  private long remainingBackoff(String uid) {
    long[] rec = backoff.get(uid);
    if (rec == null || rec[0] == 0) {
      return 0;
    }
    long delay = BACKOFF_BASE;
    for (long i = 1; i < rec[0] && delay < BACKOFF_MAX; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, BACKOFF_MAX);
    return rec[1] + delay - context.now();
  }

  private JobCondition condition(String type, String reason, String message) {
    String now = nowTime();
    return new JobCondition(type, "True", now, now, reason, message);
  }

  static TreeSet<Integer> parseIndexes(String text) {
    TreeSet<Integer> out = new TreeSet<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String part : text.split(",")) {
      int dash = part.indexOf('-');
      try {
        if (dash < 0) {
          out.add(Integer.parseInt(part));
        } else {
          int from = Integer.parseInt(part.substring(0, dash));
          int to = Integer.parseInt(part.substring(dash + 1));
          for (int i = from; i <= to; i++) {
            out.add(i);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("status.completedIndexes: expected ranges such as "
            + "\"0-2,5\", got \"" + text + "\"");
      }
    }
    return out;
  }

  /** Upstream's compressed interval list: "1,3-5,7". */
  static String formatIndexes(TreeSet<Integer> indexes) {
    if (indexes.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int i : indexes) {
      if (prev != null && i == prev + 1) {
        prev = i;
        continue;
      }
      appendRange(sb, start, prev);
      start = i;
      prev = i;
    }
    appendRange(sb, start, prev);
    return sb.toString();
  }

  private static void appendRange(StringBuilder sb, Integer start, Integer end) {
    if (start == null) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(',');
    }
    sb.append(start);
    if (!start.equals(end)) {
      sb.append('-').append(end);
    }
  }
}
