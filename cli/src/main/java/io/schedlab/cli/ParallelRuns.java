package io.schedlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Independent runs on a fixed pool of threads, results in task order whatever order they finish
 * in (so output does not depend on the thread count); a run's failure is rethrown as it was.
 */
final class ParallelRuns {
  private ParallelRuns() {}

  static <T, R> List<R> run(List<T> tasks, int threads, Function<T, R> run)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads,
        tasks.size())));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T t : tasks) {
        futures.add(pool.submit(() -> run.apply(t)));
      }
      List<R> out = new ArrayList<>();
      for (Future<R> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
