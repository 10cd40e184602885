package io.schedlab.traces.alibaba2017;

import io.schedlab.traces.text.NodeParams;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceSource;
import io.schedlab.traces.text.BadRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Merges server_event and batch_task into one time-ordered stream: at equal times nodes first,
 * then deletions, then submissions.
 */
final class Alibaba2017Source implements TraceSource {
  private record Pending(TraceEvent.PodDeleted event, long seq) {}

  private final TraceHeader header;
  private final BadRows badRows;
  private final List<TraceEvent> nodes;
  private final BatchTaskStream tasks;
  private final PriorityQueue<Pending> deletions = new PriorityQueue<>((a, b) -> {
    int c = Long.compare(a.event.timeNanos(), b.event.timeNanos());
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  });
  private long seq;
  private int nodeIndex;

  Alibaba2017Source(Path serverEvent, Path batchTask, NodeParams settings, boolean skipBadRows) {
    this.badRows = new BadRows(skipBadRows);
    this.nodes = serverEvent == null ? List.of() : ServerEventTable.read(serverEvent, settings, badRows);
    this.tasks = batchTask == null ? null : new BatchTaskStream(batchTask, settings, badRows);
    List<String> files = new ArrayList<>();
    if (serverEvent != null) {
      files.add(serverEvent.getFileName().toString());
    }
    if (batchTask != null) {
      files.add(batchTask.getFileName().toString());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(NodeParams.MEMORY_GIB, Double.toString(settings.memoryGiB()));
    attributes.put(NodeParams.MAX_PODS, Long.toString(settings.maxPods()));
    this.header = new TraceHeader(TraceHeader.CURRENT_VERSION, Alibaba2017Format.NAME, String.join(",", files), attributes);
  }

  @Override
  public TraceHeader header() {
    return header;
  }

  @Override
  public TraceEvent next() {
    long nodeTime = nodeIndex < nodes.size() ? nodes.get(nodeIndex).timeNanos() : Long.MAX_VALUE;
    long deletionTime = deletions.isEmpty() ? Long.MAX_VALUE : deletions.peek().event.timeNanos();
    TraceEvent.PodSubmitted head = tasks == null ? null : tasks.peek();
    long taskTime = head == null ? Long.MAX_VALUE : head.timeNanos();
    long min = Math.min(nodeTime, Math.min(deletionTime, taskTime));
    if (min == Long.MAX_VALUE) {
      return null;
    }
    if (nodeTime == min) {
      return nodes.get(nodeIndex++);
    }
    if (deletionTime == min) {
      return deletions.poll().event;
    }
    TraceEvent.PodSubmitted s = tasks.take();
    TraceEvent.PodDeleted d = BatchTaskStream.deletionOf(s);
    if (d != null) {
      deletions.add(new Pending(d, seq++));
    }
    return s;
  }

  @Override
  public long badRows() {
    return badRows.count();
  }

  @Override
  public void close() {
    if (tasks != null) {
      tasks.close();
    }
  }
}
