package io.schedlab.traces.generate;

import io.schedlab.api.Container;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.NodeStatus;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import io.schedlab.api.ResourceRequirements;
import io.schedlab.traces.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made traces whose figures the tests can state exactly. */
final class Fixtures {
  static final String GPU = "nvidia.com/gpu";
  static final long S = 1_000_000_000L;

  private Fixtures() {}

  static Node node(String name, String cpu, String gpu) {
    Map<String, Quantity> cap = new LinkedHashMap<>();
    cap.put("cpu", Quantity.parse(cpu));
    cap.put(GPU, Quantity.parse(gpu));
    return Node.of(ObjectMeta.named(null, name), NodeSpec.EMPTY, NodeStatus.EMPTY.withCapacity(cap).withAllocatable(cap));
  }

  static Pod pod(String name, String cpu, String gpu) {
    Map<String, Quantity> req = new LinkedHashMap<>();
    req.put("cpu", Quantity.parse(cpu));
    if (!gpu.equals("0")) {
      req.put(GPU, Quantity.parse(gpu));
    }
    Container c = new Container("main", "img", null, null, new ResourceRequirements(req, null), null, null);
    return Pod.of(ObjectMeta.named("ns", name), PodSpec.EMPTY.withContainers(List.of(c)), null);
  }

  /**
   * Two nodes of 4 GPUs; pods a..d at 0, 10, 20, 30 s asking (cpu, gpu) (1,1), (2,1), (4,2),
   * (1,0); a, b, c run 100, 200, 400 s, d's duration is unknown.
   */
  static List<TraceEvent> mixed() {
    List<TraceEvent> e = new ArrayList<>();
    e.add(new TraceEvent.NodeAdded(0, node("n0", "16", "4")));
    e.add(new TraceEvent.NodeAdded(0, node("n1", "16", "4")));
    e.add(new TraceEvent.PodSubmitted(0, pod("a", "1", "1"), 100 * S, Map.of(), List.of()));
    e.add(new TraceEvent.PodSubmitted(10 * S, pod("b", "2", "1"), 200 * S, Map.of(), List.of()));
    e.add(new TraceEvent.PodSubmitted(20 * S, pod("c", "4", "2"), 400 * S, Map.of(), List.of()));
    e.add(new TraceEvent.PodSubmitted(30 * S, pod("d", "1", "0")));
    e.add(new TraceEvent.PodDeleted(100 * S, "ns", "a", TraceEvent.PodDeleted.Reason.FINISHED));
    e.add(new TraceEvent.PodDeleted(210 * S, "ns", "b", TraceEvent.PodDeleted.Reason.FINISHED));
    e.add(new TraceEvent.PodDeleted(420 * S, "ns", "c", TraceEvent.PodDeleted.Reason.KILLED));
    return e;
  }

  /** Two nodes of 4 GPUs; four one-GPU pods p0..p3 each deleted 50 s after submission. */
  static List<TraceEvent> oneGpuPods() {
    List<TraceEvent> e = new ArrayList<>();
    e.add(new TraceEvent.NodeAdded(0, node("n0", "16", "4")));
    e.add(new TraceEvent.NodeAdded(0, node("n1", "16", "4")));
    for (int i = 0; i < 4; i++) {
      e.add(new TraceEvent.PodSubmitted(i * S, pod("p" + i, "1", "1"), 50 * S, Map.of(), List.of()));
    }
    for (int i = 0; i < 4; i++) {
      e.add(new TraceEvent.PodDeleted((50 + i) * S, "ns", "p" + i, TraceEvent.PodDeleted.Reason.FINISHED));
    }
    return e;
  }
}
