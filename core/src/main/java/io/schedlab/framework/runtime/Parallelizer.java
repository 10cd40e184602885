package io.schedlab.framework.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs an index range in chunks on a few worker threads and the caller, as upstream's
 * parallelize.Until.
 *
 * <p>Implementation note: a scheduling cycle's Filter or Score wave is tens of microseconds of
 * work, so a hand-off through an executor and futures (tens of microseconds to wake a parked
 * thread) cost more than it saved. Here the workers spin on the current-job field for a while
 * after their last job (then park), the caller publishes a job with one volatile write and takes
 * chunks itself, and chunks are claimed from the job's own counter, so a worker that wakes late
 * finds the work done instead of delaying it. Each index is written by exactly one chunk into the
 * caller's own slots and the caller reads them in index order afterwards, so the outcome never
 * depends on thread timing or count.
 */
public final class Parallelizer implements AutoCloseable {
  /**
   * Below this many items the work runs inline: splitting a handful of nodes costs more than
   * it saves. The property {@code schedlab.parallel.minItems} overrides it for experiments.
   */
  static final int DEFAULT_MIN_PARALLEL_ITEMS = 128;

  /** Items per chunk, at least: a chunk is claimed with one atomic increment. */
  static final int MIN_CHUNK = 32;

  /** How long an idle worker keeps spinning before it parks. */
  static final long SPIN_NANOS = 200_000L;

  /**
   * How long a parked worker waits for work before its thread ends; the next parallel job
   * starts it again. So a scheduler nobody closes (a finished simulation) leaves no thread.
   */
  static final long IDLE_EXIT_NANOS = 2_000_000_000L;

  /** The work for one index. */
  @FunctionalInterface
  public interface IndexTask {
    void run(int index);
  }

  /** The work for a run of consecutive indexes [from, to). */
  @FunctionalInterface
  public interface RangeTask {
    void run(int from, int to);
  }

  private final int parallelism;
  private final int minParallelItems =
      Integer.getInteger("schedlab.parallel.minItems", DEFAULT_MIN_PARALLEL_ITEMS);
  private final Thread[] workers;
  private final long idleExitNanos;
  // Per worker slot: 1 while its thread runs, 0 once it has ended (or before it first starts).
  private final java.util.concurrent.atomic.AtomicIntegerArray running;
  private volatile Job current;
  private volatile boolean closed;
  // Workers about to park or parked: the caller unparks only when some are, since unpark is a
  // system call and most jobs find the workers still spinning.
  private final AtomicInteger sleepers = new AtomicInteger();

  /**
   * One {@link #until} call: its own chunk counters, so a worker still holding an earlier job
   * finds no chunk left in it instead of running the new job with the old bounds.
   */
  private static final class Job {
    final RangeTask task;
    final int from;
    final int to;
    final int chunkSize;
    final int chunks;
    final AtomicInteger nextChunk = new AtomicInteger();
    final AtomicInteger doneChunks = new AtomicInteger();
    private RuntimeException[] failures;

    Job(RangeTask task, int from, int to, int chunkSize, int chunks) {
      this.task = task;
      this.from = from;
      this.to = to;
      this.chunkSize = chunkSize;
      this.chunks = chunks;
    }

    /** Claims and runs chunks until none is left. */
    void runChunks() {
      for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
        int lo = from + c * chunkSize;
        int hi = Math.min(to, lo + chunkSize);
        try {
          task.run(lo, hi);
        } catch (RuntimeException e) {
          fail(c, e);
        } catch (Error e) {
          fail(c, new IllegalStateException("parallel work failed: " + e, e));
        }
        doneChunks.incrementAndGet();
      }
    }

    private synchronized void fail(int chunk, RuntimeException e) {
      if (failures == null) {
        failures = new RuntimeException[chunks];
      }
      failures[chunk] = e;
    }

    synchronized RuntimeException firstFailure() {
      if (failures != null) {
        for (RuntimeException e : failures) {
          if (e != null) {
            return e;
          }
        }
      }
      return null;
    }
  }

  public Parallelizer(int parallelism) {
    this(parallelism, IDLE_EXIT_NANOS);
  }

  Parallelizer(int parallelism, long idleExitNanos) {
    this.idleExitNanos = idleExitNanos;
    // The configured parallelism is upstream's bound on goroutines; more threads than cores only
    // adds hand-offs, and results do not depend on the thread count.
    this.parallelism =
        Math.max(1, Math.min(parallelism, Runtime.getRuntime().availableProcessors()));
    this.workers = new Thread[this.parallelism - 1];
    this.running = new java.util.concurrent.atomic.AtomicIntegerArray(workers.length);
  }

  /** Starts the workers whose thread is not running (first use, or ended after idling). */
  private void ensureWorkers() {
    for (int i = 0; i < workers.length; i++) {
      if (running.get(i) == 0 && running.compareAndSet(i, 0, 1)) {
        int slot = i;
        Thread t = new Thread(() -> workLoop(slot), "schedlab-parallel-" + (i + 1));
        t.setDaemon(true);
        workers[i] = t;
        t.start();
      }
    }
  }

  public int parallelism() {
    return parallelism;
  }

  /** Runs {@code task} for every index in [from, to). Rethrows the first failure, by index order. */
  public void until(int from, int to, IndexTask task) {
    untilRanges(from, to, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        task.run(i);
      }
    });
  }

  /**
   * Runs {@code task} over [from, to) cut into runs of consecutive indexes, each run by one
   * thread; a task that handles a run at a time can keep per-run work out of its per-index loop.
   * Rethrows the failure of the lowest run.
   */
  public void untilRanges(int from, int to, RangeTask task) {
    int n = to - from;
    if (n <= 0) {
      return;
    }
    if (workers.length == 0 || n < minParallelItems) {
      task.run(from, to);
      return;
    }
    int size = Math.max(MIN_CHUNK, (n + parallelism * 4 - 1) / (parallelism * 4));
    Job job = new Job(task, from, to, size, (n + size - 1) / size);
    ensureWorkers();
    current = job;
    if (sleepers.get() > 0) {
      unparkAll();
    }
    job.runChunks();
    // A worker still holds a chunk. On a busy machine it may have lost its core; yielding now
    // and then lets it have this one instead of spinning against it.
    for (int spins = 0; job.doneChunks.get() < job.chunks; spins++) {
      if ((spins & 255) == 255) {
        Thread.yield();
      } else {
        Thread.onSpinWait();
      }
    }
    current = null;
    RuntimeException failure = job.firstFailure();
    if (failure != null) {
      throw failure;
    }
  }

  /** Worker threads running now. */
  int liveWorkers() {
    int n = 0;
    for (int i = 0; i < running.length(); i++) {
      n += running.get(i);
    }
    return n;
  }

  private void unparkAll() {
    for (Thread w : workers) {
      if (w != null) {
        LockSupport.unpark(w);
      }
    }
  }

  // Correctness never depends on a worker: the caller claims every chunk nobody else has, so a
  // worker that is slow to wake, or ends, only means less help.
  private void workLoop(int slot) {
    Job last = null;
    try {
      while (!closed) {
          long idleSince = System.nanoTime();
        Job job;
        int spins = 0;
        while (((job = current) == null || job == last) && !closed) {
          long idle = System.nanoTime() - idleSince;
          if (idle < SPIN_NANOS) {
            // Yield now and then so that, on a busy machine, spinning does not take the core
            // the scheduler's own thread needs.
            if ((++spins & 255) == 0) {
              Thread.yield();
            } else {
              Thread.onSpinWait();
            }
          } else if (idle > idleExitNanos) {
            return;
          } else {
            sleepers.incrementAndGet();
            // Checked again after announcing the sleep: a job published before it is seen
            // here, one published after it finds sleepers > 0 and unparks.
            Job again = current;
            if ((again == null || again == last) && !closed) {
              LockSupport.parkNanos(this, idleExitNanos);
            }
            sleepers.decrementAndGet();
          }
        }
        if (job != null) {
          job.runChunks();
          last = job;
        }
      }
    } finally {
      running.set(slot, 0);
    }
  }

  @Override
  public void close() {
    closed = true;
    unparkAll();
  }
}
