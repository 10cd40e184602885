package io.schedlab.framework.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParallelizerTest {
  @ParameterizedTest(name = "{0} threads, [{1}, {2})")
  @CsvSource({"1, 0, 1000", "2, 0, 1000", "4, 5, 130", "2, 0, 0", "2, 10, 11", "8, 0, 100000"})
  void everyIndexRunsExactlyOnce(int threads, int from, int to) {
    try (Parallelizer p = new Parallelizer(threads)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(to, 1));
      p.until(from, to, runs::incrementAndGet);
      for (int i = 0; i < runs.length(); i++) {
        assertThat(runs.get(i)).as("index %d", i).isEqualTo(i >= from && i < to ? 1 : 0);
      }
    }
  }

  @Test
  void manyBackToBackJobsNeverMixTheirBounds() {
    // Workers that are slow to notice a job must not run it with another job's bounds.
    try (Parallelizer p = new Parallelizer(4)) {
      for (int job = 0; job < 20_000; job++) {
        int n = 128 + job % 300;
        long[] out = new long[n];
        int salt = job;
        p.until(0, n, i -> out[i] = (long) i * 31 + salt);
        for (int i = 0; i < n; i++) {
          if (out[i] != (long) i * 31 + salt) {
            throw new AssertionError("job " + job + " index " + i + ": " + out[i]);
          }
        }
      }
    }
  }

  @Test
  void theFailureOfTheLowestIndexIsRethrownAfterTheOthersFinish() {
    try (Parallelizer p = new Parallelizer(2)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      assertThatThrownBy(() -> p.until(0, 1000, i -> {
        runs.incrementAndGet(i);
        if (i == 700 || i == 300) {
          throw new IllegalStateException("at " + i);
        }
      })).hasMessage("at 300");
      // The chunk holding index 300 stopped there; every other chunk ran to its end.
      assertThat(runs.get(999)).isEqualTo(1);
      p.until(0, 1000, i -> runs.set(i, 5));
      assertThat(runs.get(300)).isEqualTo(5);
    }
  }

  @Test
  void workersThatParkedWakeForTheNextJob() throws Exception {
    try (Parallelizer p = new Parallelizer(2)) {
      p.until(0, 1000, i -> { });
      Thread.sleep(5 * Parallelizer.SPIN_NANOS / 1_000_000 + 5);
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      p.until(0, 1000, runs::incrementAndGet);
      for (int i = 0; i < 1000; i++) {
        assertThat(runs.get(i)).isEqualTo(1);
      }
    }
  }

  @Test
  void idleWorkersEndAndTheNextJobStartsThemAgain() throws Exception {
    try (Parallelizer p = new Parallelizer(2, 20_000_000L)) {
      assertThat(p.liveWorkers()).as("none before the first parallel job").isZero();
      p.until(0, 10, i -> { });
      assertThat(p.liveWorkers()).as("a small job runs inline").isZero();
      p.until(0, 1000, i -> { });
      assertThat(p.liveWorkers()).isEqualTo(p.parallelism() - 1);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (p.liveWorkers() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(p.liveWorkers()).as("ended after idling").isZero();
      AtomicIntegerArray runs = new AtomicIntegerArray(1000);
      p.until(0, 1000, runs::incrementAndGet);
      assertThat(p.liveWorkers()).isEqualTo(p.parallelism() - 1);
      for (int i = 0; i < 1000; i++) {
        assertThat(runs.get(i)).isEqualTo(1);
      }
    }
  }
}
