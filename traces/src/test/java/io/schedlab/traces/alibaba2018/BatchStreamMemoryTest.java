package io.schedlab.traces.alibaba2018;

import io.schedlab.traces.text.NodeParams;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.text.BadRows;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch stream keeps only the tasks alive at the current instance time, not the whole table. */
class BatchStreamMemoryTest {
  @TempDir Path dir;

  @Test
  void taskRowsAreDroppedOnceTheInstancesPassTheirEnd() throws IOException {
    int tasks = 20_000;
    Path taskFile = dir.resolve("batch_task.csv");
    Path instanceFile = dir.resolve("batch_instance.csv");
    try (Writer t = Files.newBufferedWriter(taskFile); Writer i = Files.newBufferedWriter(instanceFile)) {
      for (int n = 0; n < tasks; n++) {
        // each task lives 5 s; a new one starts every second, so at most 6 are alive at once
        t.write("M1,2,j_" + n + ",1,Terminated," + n + "," + (n + 5) + ",100,1\n");
        i.write("a_" + n + ",M1,j_" + n + ",1,Terminated," + n + "," + (n + 5) + ",m_1,1,1,,,,\n");
        i.write("b_" + n + ",M1,j_" + n + ",1,Terminated," + n + "," + (n + 5) + ",m_1,1,1,,,,\n");
      }
    }
    PriorityQueue<BatchStream.Deletion> deletions = new PriorityQueue<>();
    int maxLive = 0;
    int pods = 0;
    try (BatchStream stream = new BatchStream(taskFile, instanceFile, new NodeParams(512, 110),
        new BadRows(false), deletions)) {
      TraceEvent.PodSubmitted s;
      while ((s = stream.take()) != null) {
        pods++;
        maxLive = Math.max(maxLive, stream.liveTaskCount());
        while (!deletions.isEmpty() && deletions.peek().event().timeNanos() <= s.timeNanos()) {
          deletions.poll();
        }
      }
    }
    assertThat(pods).isEqualTo(2 * tasks);
    assertThat(maxLive).isLessThanOrEqualTo(7);
    assertThat(deletions.size()).isLessThanOrEqualTo(12);
  }
}
