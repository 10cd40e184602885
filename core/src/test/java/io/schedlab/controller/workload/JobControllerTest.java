package io.schedlab.controller.workload;

import static io.schedlab.controller.workload.Harness.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Job;
import io.schedlab.api.JobCondition;
import io.schedlab.api.JobSpec;
import io.schedlab.api.Pod;
import io.schedlab.cluster.SimEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobControllerTest {
  private static final Map<String, String> APP = Map.of("app", "batch");

  private static Job job(Integer parallelism, Integer completions, Long deadline,
      Integer backoffLimit, String mode) {
    return Job.of(Harness.meta("work", 1), new JobSpec(parallelism, completions, deadline,
        backoffLimit, null, Harness.template(APP), null, mode, null), null);
  }

  private static Job stored(Harness h) {
    return h.store.get(Job.class, "default", "work");
  }

  private static List<Pod> active(Harness h) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : h.pods()) {
      if (PodStates.isActive(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Double> createTimes(Harness h) {
    List<Double> out = new ArrayList<>();
    for (SimEvent e : h.actions("create_pod")) {
      out.add(e.seconds());
    }
    return out;
  }

  @Test
  void parallelismAndCompletions() {
    Harness h = new Harness(new JobController());
    h.store.create(job(2, 3, null, null, null));
    h.settle();
    assertThat(active(h)).hasSize(2);
    Pod p = active(h).get(0);
    assertThat(p.metadata().labels()).containsEntry("batch.kubernetes.io/job-name", "work")
        .containsEntry("app", "batch");
    assertThat(stored(h).status().startTime()).isEqualTo("2026-01-01T00:00:00Z");
    h.runFor(5 * S);
    h.setPhase(active(h).get(0), "Succeeded");
    h.settle();
    assertThat(active(h)).hasSize(2);
    assertThat(stored(h).status().succeeded()).isEqualTo(1);
    h.runFor(5 * S);
    for (Pod a : active(h)) {
      h.setPhase(a, "Succeeded");
    }
    h.settle();
    Job j = stored(h);
    assertThat(j.status().succeeded()).isEqualTo(3);
    assertThat(j.status().active()).isZero();
    assertThat(j.status().completionTime()).isEqualTo("2026-01-01T00:00:10Z");
    JobCondition c = j.status().condition("Complete");
    assertThat(c.status()).isEqualTo("True");
    assertThat(c.reason()).isEqualTo("CompletionsReached");
    assertThat(j.status().conditions()).extracting(JobCondition::type)
        .containsExactly("SuccessCriteriaMet", "Complete");
    assertThat(createTimes(h)).containsExactly(0.0, 0.0, 5.0);
  }

  @Test
  void failuresBackOffTenSecondsDoublingThenBackoffLimitFails() {
    Harness h = new Harness(new JobController());
    h.store.create(job(null, null, null, 2, null));
    h.settle();
    h.runFor(5 * S);
    h.setPhase(active(h).get(0), "Failed"); // failure 1 at 5 s: next pod at 15 s
    h.settle();
    assertThat(active(h)).isEmpty();
    h.loop.runUntil(15 * S);
    assertThat(createTimes(h)).containsExactly(0.0, 15.0);
    h.setPhase(active(h).get(0), "Failed"); // failure 2 at 15 s: next pod at 35 s
    h.settle();
    h.loop.runUntil(35 * S);
    assertThat(createTimes(h)).containsExactly(0.0, 15.0, 35.0);
    assertThat(stored(h).status().failed()).isEqualTo(2);
    h.runFor(1 * S);
    h.setPhase(active(h).get(0), "Failed"); // failure 3 > backoffLimit 2
    h.settle();
    JobCondition failed = stored(h).status().condition("Failed");
    assertThat(failed.reason()).isEqualTo("BackoffLimitExceeded");
    assertThat(failed.message()).isEqualTo("Job has reached the specified backoff limit");
    assertThat(stored(h).status().conditions()).extracting(JobCondition::type)
        .containsExactly("FailureTarget", "Failed");
    assertThat(stored(h).status().completionTime()).isNull();
    h.runFor(10 * 60 * S);
    assertThat(createTimes(h)).hasSize(3);
  }

  @ParameterizedTest(name = "failures {0} -> next pod {1} s after the last failure")
  @CsvSource({"1, 10", "2, 20", "3, 40", "5, 160", "6, 320", "7, 360", "12, 360"})
  void backoffDoublesAndCapsAtSixMinutes(int failures, long wantSeconds) {
    Harness h = new Harness(new JobController());
    h.store.create(job(null, null, null, 100, null));
    h.settle();
    for (int i = 0; i < failures; i++) {
      stepUntilAPodIsActive(h);
      h.setPhase(active(h).get(0), "Failed");
      h.settle();
    }
    long failedAt = h.loop.nowNanos();
    stepUntilAPodIsActive(h);
    assertThat(h.loop.nowNanos() - failedAt).isEqualTo(wantSeconds * S);
  }

  private static void stepUntilAPodIsActive(Harness h) {
    while (active(h).isEmpty()) {
      assertThat(h.loop.step()).as("an event is pending").isTrue();
    }
  }

  @Test
  void activeDeadlineFailsTheJobAndDeletesItsPods() {
    Harness h = new Harness(new JobController());
    h.store.create(job(3, 6, 30L, null, null));
    h.settle();
    assertThat(active(h)).hasSize(3);
    h.loop.runUntil(30 * S - 1);
    assertThat(stored(h).status().condition("Failed")).isNull();
    h.loop.runUntil(30 * S);
    JobCondition failed = stored(h).status().condition("Failed");
    assertThat(failed.reason()).isEqualTo("DeadlineExceeded");
    assertThat(failed.lastTransitionTime()).isEqualTo("2026-01-01T00:00:30Z");
    assertThat(h.pods()).isEmpty();
    assertThat(stored(h).status().active()).isZero();
  }

  @Test
  void indexedCompletion() {
    Harness h = new Harness(new JobController());
    h.store.create(job(2, 3, null, null, "Indexed"));
    h.settle();
    Map<String, String> byIndex = new java.util.TreeMap<>();
    for (Pod p : active(h)) {
      byIndex.put(p.metadata().annotations().get("batch.kubernetes.io/job-completion-index"),
          p.spec().hostname());
      assertThat(p.metadata().name()).startsWith("work-" + JobController.index(p) + "-");
    }
    assertThat(byIndex).isEqualTo(Map.of("0", "work-0", "1", "work-1"));
    Pod one = null;
    for (Pod p : active(h)) {
      if (JobController.index(p) == 1) {
        one = p;
      }
    }
    h.setPhase(one, "Succeeded");
    h.settle();
    assertThat(stored(h).status().completedIndexes()).isEqualTo("1");
    List<Integer> indexes = new ArrayList<>();
    for (Pod p : active(h)) {
      indexes.add(JobController.index(p));
    }
    assertThat(indexes).containsExactlyInAnyOrder(0, 2);
    for (Pod p : active(h)) {
      h.setPhase(p, "Succeeded");
    }
    h.settle();
    assertThat(stored(h).status().completedIndexes()).isEqualTo("0-2");
    assertThat(stored(h).status().condition("Complete")).isNotNull();
  }

  @Test
  void workQueueJobCompletesWhenOneSucceededAndNoneActive() {
    Harness h = new Harness(new JobController());
    h.store.create(job(2, null, null, null, null));
    h.settle();
    assertThat(active(h)).hasSize(2);
    h.setPhase(active(h).get(0), "Succeeded");
    h.settle();
    assertThat(active(h)).hasSize(1);
    assertThat(stored(h).status().condition("Complete")).isNull();
    h.setPhase(active(h).get(0), "Succeeded");
    h.settle();
    assertThat(stored(h).status().condition("Complete")).isNotNull();
    assertThat(h.actions("create_pod")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"0;0", "1,3,4,5,7;1,3-5,7", "0,1;0-1", "2,9;2,9"})
  void completedIndexesAreCompressedIntervals(String in, String want) {
    TreeSet<Integer> set = new TreeSet<>();
    for (String s : in.split(",")) {
      set.add(Integer.parseInt(s));
    }
    assertThat(JobController.formatIndexes(set)).isEqualTo(want);
    assertThat(JobController.parseIndexes(want)).isEqualTo(set);
  }

  @Test
  void malformedCompletedIndexesNameTheField() {
    assertThatThrownBy(() -> JobController.parseIndexes("1-x"))
        .hasMessageContaining("status.completedIndexes");
  }
}
