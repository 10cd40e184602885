package io.schedlab.benchmarks;

import io.schedlab.api.Container;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PodStatus;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import io.schedlab.plugins.queuesort.PrioritySort;
import io.schedlab.queue.SchedulingQueue;
import io.schedlab.sim.EventLoop;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One push and one pop on the scheduling queue, as the scheduler builds it (PrioritySort order,
 * 1 s initial and 10 s maximum backoff, PreEnqueue letting every pod in), with {@code queued}
 * pods (0 or 10,000) already waiting in activeQ at priorities 0 to 9.
 *
 * <p>Each invocation adds a pod, pops the front pod and marks it done; the popped pod is the one
 * added next time, so the queue keeps its size and the heap does the work of a steady stream.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar QueueBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueBenchmark {
  @Param({"0", "10000"})
  public int queued;

  private SchedulingQueue queue;
  private PodInfo next;

  @Setup
  public void setup() {
    ResourceRegistry resources = new ResourceRegistry();
    LabelInterner labels = new LabelInterner();
    PrioritySort sort = new PrioritySort();
    queue = new SchedulingQueue(new EventLoop(), SchedulingQueue.fromLess(sort::less),
        1_000_000_000L, 10_000_000_000L, pod -> Status.SUCCESS, (pod, plugin, event) -> true,
        () -> {});
    SplittableRandom rnd = new SplittableRandom(42);
    for (int i = 0; i < queued; i++) {
      queue.add(new PodInfo(pendingPod(i, rnd.nextInt(10)), resources, labels));
    }
    next = new PodInfo(pendingPod(queued, 5), resources, labels);
  }

  private static Pod pendingPod(int i, int priority) {
    Map<String, Quantity> req = Map.of("cpu", Quantity.parse("100m"), "memory", Quantity.parse("128Mi"));
    Container c = new Container("app", "registry.example/app:v1", null, null,
        new ResourceRequirements(req, Map.of()), List.of(), null);
    String name = "pending-" + i;
    return Pod.of(ObjectMeta.named("default", name).withUid(name),
        PodSpec.EMPTY.withContainers(List.of(c)).withPriority(priority), PodStatus.EMPTY);
  }

  @Benchmark
  public QueuedPodInfo pushPop() {
    queue.add(next);
    QueuedPodInfo q = queue.pop();
    queue.done(q.pod().uid());
    next = q.pod();
    return q;
  }
}
