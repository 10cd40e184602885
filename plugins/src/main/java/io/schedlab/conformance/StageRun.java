package io.schedlab.conformance;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's stages for one case, run on one {@link CycleState} in upstream's order, each at
 * most once and only when an expectation asks for it: PreFilter before any Filter, Filter per
 * node on demand, then PreScore, Score and NormalizeScore over the score nodes.
 *
 * <p>As the framework does, a PreFilter Skip makes this plugin's Filter a Success on every node
 * and a PreScore Skip makes every score 0. After a PreFilter rejection Filter is still called,
 * as upstream's plugin tests do, so a Filter expectation always has a value to compare.
 */
public final class StageRun {
  /** PreScore's status (null when the plugin has none) and the normalized scores, or why there are none. */
  public record ScoreOutcome(Status preScore, Map<String, Long> scores, String notScored) {}

  private final ConformanceCase testCase;
  private final Plugin plugin;
  private final CycleState state = new CycleState();
  private final Map<String, Status> filterStatuses = new HashMap<>();
  private PreFilterResult preFilter;
  private boolean preFilterRan;
  private ScoreOutcome scores;

  public StageRun(ConformanceCase testCase, Plugin plugin) {
    this.testCase = testCase;
    this.plugin = plugin;
  }

  public ConformanceCase testCase() {
    return testCase;
  }

  public CaseWorld world() {
    return testCase.world();
  }

  public Plugin plugin() {
    return plugin;
  }

  public CycleState state() {
    return state;
  }

  public PodInfo pod() {
    return world().pod();
  }

  /** PreFilter's result over all nodes; null when the plugin has no PreFilter. */
  public PreFilterResult preFilter() {
    if (!preFilterRan) {
      preFilterRan = true;
      if (plugin instanceof PreFilterPlugin p) {
        try {
          preFilter = p.preFilter(state, pod(), world().nodes());
        } catch (StatusException e) {
          preFilter = PreFilterResult.of(e.status());
        }
      }
    }
    return preFilter;
  }

  /** Filter's status on the node (after PreFilter); null when the plugin has no Filter. */
  public Status filter(String nodeName) {
    if (!(plugin instanceof FilterPlugin f)) {
      return null;
    }
    Status s = filterStatuses.get(nodeName);
    if (s == null) {
      NodeInfo node = world().node(nodeName);
      PreFilterResult pf = preFilter();
      if (pf != null && pf.status().isSkip()) {
        s = Status.SUCCESS;
      } else {
        try {
          s = f.filter(state, pod(), node);
        } catch (StatusException e) {
          s = e.status();
        }
      }
      filterStatuses.put(nodeName, s);
    }
    return s;
  }

  /** The nodes PreScore and Score run on: the case's {@code scoreNodes}, else every node. */
  public List<NodeInfo> scoreNodes() {
    if (!testCase.has("scoreNodes")) {
      return world().nodes();
    }
    List<NodeInfo> out = new ArrayList<>();
    for (String name : ExpectValues.texts(testCase.input("scoreNodes"), "scoreNodes")) {
      out.add(world().node(name));
    }
    return out;
  }

  /** PreScore, Score and NormalizeScore over {@link #scoreNodes()}, run once. */
  public ScoreOutcome scores() {
    if (scores == null) {
      scores = runScore();
    }
    return scores;
  }

  private ScoreOutcome runScore() {
    List<NodeInfo> nodes = scoreNodes();
    Status pre = null;
    if (plugin instanceof PreScorePlugin p) {
      try {
        pre = p.preScore(state, pod(), nodes);
      } catch (StatusException e) {
        pre = e.status();
      }
      if (pre.isSkip()) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        for (NodeInfo n : nodes) {
          zeros.put(n.name(), 0L);
        }
        return new ScoreOutcome(pre, Collections.unmodifiableMap(zeros), null);
      }
      if (!pre.isSuccess()) {
        return new ScoreOutcome(pre, null, "PreScore returned " + pre);
      }
    }
    if (!(plugin instanceof ScorePlugin sp)) {
      return new ScoreOutcome(pre, null, "the plugin has no Score");
    }
    long[] raw = new long[nodes.size()];
    for (int i = 0; i < raw.length; i++) {
      try {
        raw[i] = sp.score(state, pod(), nodes.get(i));
      } catch (StatusException e) {
        return new ScoreOutcome(pre, null, "Score on node " + nodes.get(i).name() + " returned " + e.status());
      }
    }
    ScoreExtensions ext = sp.scoreExtensions();
    if (ext != null) {
      Status s;
      try {
        s = ext.normalizeScore(state, pod(), nodes, raw);
      } catch (StatusException e) {
        s = e.status();
      }
      if (!s.isSuccess()) {
        return new ScoreOutcome(pre, null, "NormalizeScore returned " + s);
      }
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < raw.length; i++) {
      out.put(nodes.get(i).name(), raw[i]);
    }
    return new ScoreOutcome(pre, Collections.unmodifiableMap(out), null);
  }
}
