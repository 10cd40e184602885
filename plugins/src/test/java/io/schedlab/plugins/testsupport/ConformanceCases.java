package io.schedlab.plugins.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.PreScorePlugin;
import io.schedlab.framework.ScoreExtensions;
import io.schedlab.framework.ScorePlugin;
import io.schedlab.framework.Status;
import io.schedlab.framework.StatusException;
import io.schedlab.plugins.InTreeRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads a conformance file (upstream's plugin-test expectations, see the shared SCHEMA.md) from
 * the test classpath and runs one case through the named in-tree plugin, stage by stage, as
 * upstream's tests do: PreFilter, then Filter on each listed node (also after a PreFilter Skip),
 * then PreScore, Score and NormalizeScore over the score nodes (a PreScore Skip scores 0).
 */
public final class ConformanceCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One case of a file, with the file's plugin and args. */
  public record Case(String file, String plugin, JsonNode fileArgs, JsonNode json) {
    public String name() {
      return json.path("name").asText();
    }

    @Override
    public String toString() {
      return name();
    }
  }

  private ConformanceCases() {}

  /** The cases of {@code conformance/<fileName>} on the test classpath. */
  public static List<Case> load(String fileName) {
    String resource = "conformance/" + fileName;
    try (InputStream in = ConformanceCases.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      JsonNode root = JSON.readTree(in);
      List<Case> out = new ArrayList<>();
      for (JsonNode c : root.path("cases")) {
        out.add(new Case(fileName, root.path("plugin").asText(), root.get("args"), c));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the case; returns one line per expectation that was not met (empty when it passes). */
  public static List<String> run(Case c) {
    JsonNode json = c.json();
    List<String> failures = new ArrayList<>();
    if (json.has("featureGates") && json.get("featureGates").size() > 0) {
      failures.add("featureGates are not supported by this runner: " + json.get("featureGates"));
      return failures;
    }
    List<Node> nodes = new ArrayList<>();
    for (JsonNode n : json.path("nodes")) {
      nodes.add(KubeCodec.read(n.toString(), Node.class));
    }
    List<Pod> pods = new ArrayList<>();
    for (JsonNode p : json.path("pods")) {
      pods.add(KubeCodec.read(p.toString(), Pod.class));
    }
    PluginHarness cluster = new PluginHarness(nodes, pods);
    JsonNode args = json.has("args") ? json.get("args") : c.fileArgs();
    Plugin plugin = InTreeRegistry.create().create(c.plugin(), args, cluster);
    PodInfo pod = cluster.compile(KubeCodec.read(json.path("pod").toString(), Pod.class));
    CycleState state = new CycleState();
    JsonNode expect = json.path("expect");

    if (expect.has("preFilter") || expect.has("preFilterResult") || expect.has("preFilterReasons")) {
      PreFilterResult r;
      try {
        r = ((PreFilterPlugin) plugin).preFilter(state, pod, cluster.nodeInfos());
      } catch (StatusException e) {
        r = new PreFilterResult(e.status(), null);
      }
      check(failures, "preFilter", expect.get("preFilter"), r.status().code().upstreamName());
      if (expect.has("preFilter") || expect.has("preFilterResult")) {
        JsonNode names = expect.path("preFilterResult").get("nodeNames");
        String want = names == null ? "nil" : new TreeSet<>(strings(names)).toString();
        String got = r.allNodes() ? "nil" : new TreeSet<>(r.nodeNames()).toString();
        if (!want.equals(got)) {
          failures.add("preFilterResult: want " + want + ", got " + got);
        }
      }
      if (expect.has("preFilterReasons")) {
        check(failures, "preFilterReasons", strings(expect.get("preFilterReasons")).toString(), r.status().reasons().toString());
      }
    }

    for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("filter").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      NodeInfo node = cluster.nodeInfo(e.getKey());
      if (node == null) {
        failures.add("filter: no node " + e.getKey());
        continue;
      }
      Status s;
      try {
        s = ((FilterPlugin) plugin).filter(state, pod, node);
      } catch (StatusException ex) {
        s = ex.status();
      }
      check(failures, "filter[" + e.getKey() + "]", e.getValue(), s.code().upstreamName());
      JsonNode reasons = expect.path("filterReasons").get(e.getKey());
      if (reasons != null) {
        check(failures, "filterReasons[" + e.getKey() + "]", strings(reasons).toString(), s.reasons().toString());
      }
    }

    if (expect.has("preScore") || expect.has("score")) {
      List<NodeInfo> scoreNodes = new ArrayList<>();
      if (json.has("scoreNodes")) {
        for (String name : strings(json.get("scoreNodes"))) {
          scoreNodes.add(cluster.nodeInfo(name));
        }
      } else {
        scoreNodes.addAll(cluster.nodeInfos());
      }
      Status pre = Status.SUCCESS;
      if (plugin instanceof PreScorePlugin p) {
        try {
          pre = p.preScore(state, pod, scoreNodes);
        } catch (StatusException e) {
          pre = e.status();
        }
      }
      check(failures, "preScore", expect.get("preScore"), pre.code().upstreamName());
      long[] scores = new long[scoreNodes.size()];
      if (pre.isSuccess()) {
        ScorePlugin sp = (ScorePlugin) plugin;
        for (int i = 0; i < scores.length; i++) {
          scores[i] = sp.score(state, pod, scoreNodes.get(i));
        }
        ScoreExtensions ext = sp.scoreExtensions();
        if (ext != null) {
          Status s = ext.normalizeScore(state, pod, scoreNodes, scores);
          check(failures, "normalizeScore", "Success", s.code().upstreamName());
        }
      } else if (!pre.isSkip() && expect.has("score")) {
        failures.add("score: PreScore returned " + pre + ", no scores");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("score").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int at = scoreNodes.indexOf(cluster.nodeInfo(e.getKey()));
        if (at < 0) {
          failures.add("score: " + e.getKey() + " is not a score node");
          continue;
        }
        check(failures, "score[" + e.getKey() + "]", e.getValue().asText(), Long.toString(scores[at]));
      }
    }
    return failures;
  }

  private static void check(List<String> failures, String what, JsonNode want, String got) {
    if (want != null) {
      check(failures, what, want.asText(), got);
    }
  }

  private static void check(List<String> failures, String what, String want, String got) {
    if (!want.equals(got)) {
      failures.add(what + ": want " + want + ", got " + got);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      out.add(v.asText());
    }
    return out;
  }
}
