package io.schedlab.traces.alibaba2018;

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
 * Merges the v2018 tables into one time-ordered stream. At equal times nodes come first, then
 * deletions (capacity freed), then online containers, then batch submissions.
 */
final class Alibaba2018Source implements TraceSource {
  private final TraceHeader header;
  private final BadRows badRows;
  private final List<TraceEvent> machines;
  private final List<TraceEvent> containers;
  private final PriorityQueue<BatchStream.Deletion> deletions = new PriorityQueue<>();
  private final BatchStream batch;
  private int machineIndex;
  private int containerIndex;

  Alibaba2018Source(Alibaba2018Format.Tables tables, NodeParams settings, boolean skipBadRows) {
    this.badRows = new BadRows(skipBadRows);
    this.machines = tables.machineMeta() == null ? List.of()
        : MachineMetaTable.read(tables.machineMeta(), settings, badRows);
    this.containers = tables.containerMeta() == null ? List.of()
        : ContainerMetaTable.read(tables.containerMeta(), settings, badRows);
    this.batch = tables.batchTask() == null ? null
        : new BatchStream(tables.batchTask(), tables.batchInstance(), settings, badRows, deletions);
    List<String> files = new ArrayList<>();
    for (Path p : new Path[] {tables.machineMeta(), tables.containerMeta(), tables.batchTask(), tables.batchInstance()}) {
      if (p != null) {
        files.add(p.getFileName().toString());
      }
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(NodeParams.MEMORY_GIB, Double.toString(settings.memoryGiB()));
    attributes.put(NodeParams.MAX_PODS, Long.toString(settings.maxPods()));
    this.header = new TraceHeader(TraceHeader.CURRENT_VERSION, Alibaba2018Format.NAME, String.join(",", files), attributes);
  }

  @Override
  public TraceHeader header() {
    return header;
  }

  @Override
  public TraceEvent next() {
    long machineTime = machineIndex < machines.size() ? machines.get(machineIndex).timeNanos() : Long.MAX_VALUE;
    long deletionTime = deletions.isEmpty() ? Long.MAX_VALUE : deletions.peek().event().timeNanos();
    long containerTime = containerIndex < containers.size() ? containers.get(containerIndex).timeNanos() : Long.MAX_VALUE;
    TraceEvent.PodSubmitted batchHead = batch == null ? null : batch.peek();
    long batchTime = batchHead == null ? Long.MAX_VALUE : batchHead.timeNanos();
    long min = Math.min(Math.min(machineTime, deletionTime), Math.min(containerTime, batchTime));
    if (min == Long.MAX_VALUE) {
      return null;
    }
    if (machineTime == min) {
      return machines.get(machineIndex++);
    }
    if (deletionTime == min) {
      return deletions.poll().event();
    }
    if (containerTime == min) {
      return containers.get(containerIndex++);
    }
    return batch.take();
  }

  @Override
  public long badRows() {
    return badRows.count();
  }

  @Override
  public void close() {
    if (batch != null) {
      batch.close();
    }
  }
}
