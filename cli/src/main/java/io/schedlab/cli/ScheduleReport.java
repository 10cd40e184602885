package io.schedlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.scheduler.BatchRun;
import java.io.PrintWriter;
import java.util.Locale;

/** What {@code schedule} prints: one line per pending pod and a summary, as text or JSON. */
final class ScheduleReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BatchRun.Result result;
  private final long seed;
  private final double wallSeconds;
  private final int unschedulable;
  private final int skipped;

  ScheduleReport(BatchRun.Result result, long seed, double wallSeconds) {
    this.result = result;
    this.seed = seed;
    this.wallSeconds = wallSeconds;
    int u = 0;
    int s = 0;
    for (BatchRun.Outcome o : result.outcomes()) {
      if (o.ignored()) {
        s++;
      } else if (!o.scheduled()) {
        u++;
      }
    }
    this.unschedulable = u;
    this.skipped = s;
  }

  /** {@code ns/name -> node}, {@code ns/name unschedulable: why}, {@code ns/name skipped: why}. */
  static String line(BatchRun.Outcome o) {
    if (o.scheduled()) {
      return o.key() + " -> " + o.nodeName();
    }
    return o.key() + (o.ignored() ? " skipped: " : " unschedulable: ") + o.message();
  }

  void text(PrintWriter out) {
    for (BatchRun.Outcome o : result.outcomes()) {
      out.println(line(o));
    }
    out.println(summary());
  }

  String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("scheduled ").append(result.scheduled()).append('/')
        .append(result.outcomes().size()).append(" pods on ").append(result.nodes())
        .append(result.nodes() == 1 ? " node" : " nodes");
    if (unschedulable > 0 || skipped > 0) {
      sb.append(" (").append(unschedulable).append(" unschedulable");
      if (skipped > 0) {
        sb.append(", ").append(skipped).append(" skipped");
      }
      sb.append(')');
    }
    sb.append(" in ").append(String.format(Locale.ROOT, "%.2f", wallSeconds))
        .append(" s wall, seed ").append(seed);
    return sb.toString();
  }

  String json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("pods");
    for (BatchRun.Outcome o : result.outcomes()) {
      ObjectNode p = list.addObject();
      p.put("pod", o.key());
      p.put("status", o.scheduled() ? "scheduled" : o.ignored() ? "skipped" : "unschedulable");
      p.put("node", o.nodeName());
      p.put("message", o.scheduled() ? null : o.message());
      p.put("attempts", o.attempts());
    }
    ObjectNode s = root.putObject("summary");
    s.put("pods", result.outcomes().size());
    s.put("scheduled", result.scheduled());
    s.put("unschedulable", unschedulable);
    s.put("skipped", skipped);
    s.put("nodes", result.nodes());
    s.put("seed", seed);
    s.put("attempts", result.attempts());
    s.put("virtualSeconds", result.virtualNanos() / 1e9);
    s.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
