package io.schedlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs random schedules — ties, cancellations, events spawned and cancelled by actions — through
 * the heap, and through a naive reference that scans a list for the least (time, sequence), and
 * requires the same run order.
 */
class EventLoopRandomizedTest {
  private static final int NO_SPAWN = -1;

  /** What an event does when it runs; a pure function of (seed, id), so both runs agree. */
  private record Behaviour(long spawnDelay, int cancelTarget) {
    static Behaviour of(long seed, int id, int initialEvents) {
      Random r = new Random(seed * 1_000_003L + id);
      long spawn = r.nextInt(4) == 0 ? r.nextInt(6) : NO_SPAWN;
      int cancel = r.nextInt(8) == 0 ? r.nextInt(initialEvents * 2) : -1;
      return new Behaviour(spawn, cancel);
    }
  }

  @ParameterizedTest(name = "seed={0} events={1} timeRange={2} cancelled={3}")
  @CsvSource({
      "1, 1, 1, 0.0",
      "2, 10, 3, 0.0",
      "3, 100, 10, 0.1",
      "4, 1000, 50, 0.3",
      "5, 5000, 20, 0.8",
      "6, 20000, 1000000, 0.5",
      "7, 3000, 1, 0.6",
  })
  void heapOrderMatchesTheReference(long seed, int events, int timeRange, double cancelled) {
    Random random = new Random(seed);
    long[] times = new long[events];
    boolean[] cancelUpfront = new boolean[events];
    for (int i = 0; i < events; i++) {
      times[i] = random.nextInt(timeRange);
      cancelUpfront[i] = random.nextDouble() < cancelled;
    }
    int maxIds = events * 3;

    assertThat(runLoop(seed, times, cancelUpfront, maxIds))
        .isEqualTo(runReference(seed, times, cancelUpfront, maxIds));
  }

  private static List<Integer> runLoop(long seed, long[] times, boolean[] cancelUpfront, int maxIds) {
    EventLoop loop = new EventLoop();
    List<Integer> ran = new ArrayList<>();
    Map<Integer, Timer> timers = new HashMap<>();
    int[] nextId = {times.length};
    int initial = times.length;
    class Spawner {
      Runnable action(int id) {
        return () -> {
          ran.add(id);
          Behaviour b = Behaviour.of(seed, id, initial);
          if (b.cancelTarget() >= 0 && timers.containsKey(b.cancelTarget())) {
            timers.get(b.cancelTarget()).cancel();
          }
          if (b.spawnDelay() != NO_SPAWN && nextId[0] < maxIds) {
            int child = nextId[0]++;
            timers.put(child, loop.after(b.spawnDelay(), "e" + child, action(child)));
          }
        };
      }
    }
    Spawner spawner = new Spawner();
    for (int i = 0; i < initial; i++) {
      timers.put(i, loop.schedule(times[i], "e" + i, spawner.action(i)));
    }
    for (int i = 0; i < initial; i++) {
      if (cancelUpfront[i]) {
        timers.get(i).cancel();
      }
    }
    loop.runUntilIdle(maxIds + 1L);
    assertThat(loop.pending()).isZero();
    assertThat(loop.eventsRun()).isEqualTo(ran.size());
    return ran;
  }

  private static List<Integer> runReference(
      long seed, long[] times, boolean[] cancelUpfront, int maxIds) {
    // Entries: {time, seq, id}; a linear scan for the least (time, seq) is obviously right.
    List<long[]> queue = new ArrayList<>();
    boolean[] dead = new boolean[maxIds];
    long seq = 0;
    int initial = times.length;
    for (int i = 0; i < initial; i++) {
      queue.add(new long[] {times[i], seq++, i});
    }
    for (int i = 0; i < initial; i++) {
      dead[i] = cancelUpfront[i];
    }
    int nextId = initial;
    List<Integer> ran = new ArrayList<>();
    while (true) {
      int best = -1;
      for (int i = 0; i < queue.size(); i++) {
        long[] e = queue.get(i);
        if (dead[(int) e[2]]) {
          continue;
        }
        if (best < 0 || e[0] < queue.get(best)[0]
            || (e[0] == queue.get(best)[0] && e[1] < queue.get(best)[1])) {
          best = i;
        }
      }
      if (best < 0) {
        return ran;
      }
      long[] e = queue.remove(best);
      int id = (int) e[2];
      dead[id] = true; // fired: a later cancel is a no-op
      ran.add(id);
      Behaviour b = Behaviour.of(seed, id, initial);
      if (b.cancelTarget() >= 0 && b.cancelTarget() < nextId) {
        dead[b.cancelTarget()] = true;
      }
      if (b.spawnDelay() != NO_SPAWN && nextId < maxIds) {
        queue.add(new long[] {e[0] + b.spawnDelay(), seq++, nextId++});
      }
    }
  }
}
