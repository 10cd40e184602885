package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.api.Pod;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.QueueSortPlugin;
import io.schedlab.framework.QueuedPodInfo;
import io.schedlab.queue.SchedulingQueue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Queue-sort files: {@code queue} holds the queued pods and {@code enqueueTimes} when each entered
 * the queue (RFC 3339; only their order and differences matter). {@code expect.less} is the
 * plugin's Less(first, second); {@code expect.order} the pod names front of the queue first, as
 * the queue's comparator orders them (pods the plugin finds equal keep queue order).
 */
final class PrioritySortScenario implements Scenario {
  @Override
  public Set<String> inputKeys() {
    return Set.of("queue", "enqueueTimes");
  }

  @Override
  public Set<String> expectKeys() {
    return Set.of("less", "order");
  }

  @Override
  public void evaluate(ConformanceCase c, Mismatches out) {
    Plugin plugin = c.createPlugin();
    if (!(plugin instanceof QueueSortPlugin sort)) {
      throw new NotEvaluatedException("plugin " + plugin.name() + " is not a QueueSort plugin");
    }
    List<QueuedPodInfo> queue = queued(c);
    JsonNode less = c.expect().get("less");
    if (less != null) {
      if (queue.size() != 2) {
        throw new NotEvaluatedException("expect.less needs exactly two queued pods, the case has " + queue.size());
      }
      out.check("less", ExpectValues.bool(less, "expect.less"), sort.less(queue.get(0), queue.get(1)));
    }
    JsonNode order = c.expect().get("order");
    if (order != null) {
      List<QueuedPodInfo> sorted = new ArrayList<>(queue);
      sorted.sort(SchedulingQueue.fromLess(sort::less));
      List<String> got = new ArrayList<>();
      for (QueuedPodInfo q : sorted) {
        got.add(q.pod().name());
      }
      out.check("order", ExpectValues.texts(order, "expect.order"), got);
    }
  }

  private static List<QueuedPodInfo> queued(ConformanceCase c) {
    List<Pod> pods = c.decodeList("queue", Pod.class);
    Map<String, JsonNode> times = c.has("enqueueTimes")
        ? ExpectValues.object(c.input("enqueueTimes"), "enqueueTimes")
        : Map.of();
    List<Instant> instants = new ArrayList<>();
    for (Pod p : pods) {
      String name = p.metadata().name();
      JsonNode t = times.get(name);
      if (t == null) {
        throw new NotEvaluatedException("enqueueTimes has no time for queued pod \"" + name + "\"");
      }
      try {
        instants.add(Instant.parse(ExpectValues.text(t, "enqueueTimes." + name)));
      } catch (DateTimeParseException e) {
        throw new NotEvaluatedException("enqueueTimes." + name + ": expected an RFC 3339 time, found " + t);
      }
    }
    // Go's zero time and today are further apart than a long of nanoseconds reaches; queue
    // sort only compares timestamps, so each pod gets the rank of its time instead.
    List<Instant> distinct = new ArrayList<>(new TreeSet<>(instants));
    List<QueuedPodInfo> out = new ArrayList<>();
    for (int i = 0; i < pods.size(); i++) {
      QueuedPodInfo q = new QueuedPodInfo(c.world().handle().compile(pods.get(i)));
      q.timestamp = distinct.indexOf(instants.get(i));
      q.sequence = i;
      out.add(q);
    }
    return out;
  }
}
