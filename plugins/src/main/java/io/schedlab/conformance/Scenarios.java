package io.schedlab.conformance;

import io.schedlab.framework.Plugin;
import io.schedlab.plugins.noderesources.NodeResourcesFit;
import io.schedlab.plugins.podtopologyspread.PodTopologySpread;
import io.schedlab.plugins.podtopologyspread.PodTopologySpreadArgs;
import io.schedlab.plugins.queuesort.PrioritySort;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scenario for each kind of conformance file, by the file's {@code plugin} name. A name not
 * listed runs the plugin's stages ({@link PluginStagesScenario#standard()}). The one place to add
 * a scenario for a new kind of file, an extra expectation key to the standard one ({@link
 * PluginStagesScenario#withCheck}; until a key has a check, cases that expect it fail as not
 * evaluated), or the feature gates a plugin can be built with ({@link
 * PluginStagesScenario#withFeatureGates}).
 */
public final class Scenarios {
  private Scenarios() {}

  public static Map<String, Scenario> inTree() {
    Map<String, Scenario> m = new LinkedHashMap<>();
    m.put(PrioritySort.NAME, new PrioritySortScenario());
    m.put(DefaultNormalizeScoreScenario.NAME, new DefaultNormalizeScoreScenario());
    m.put(DefaultPreemptionScenario.NAME, new DefaultPreemptionScenario());
    m.put(NodeResourcesFit.NAME,
        PluginStagesScenario.standard().withCheck("insufficientResources", new InsufficientResourcesCheck()));
    m.put("NodeAffinity", PluginStagesScenario.standard().withAbsentPreFilterResultMeaningAllNodes());
    m.put(PodTopologySpread.NAME, PluginStagesScenario.standard()
        .withCheck("preFilterState", new PreFilterStateCheck())
        .withFeatureGates(PodTopologySpread.Features.GATES, Scenarios::podTopologySpread));
    return Collections.unmodifiableMap(m);
  }

  private static Plugin podTopologySpread(ConformanceCase c, Map<String, Boolean> gates) {
    PodTopologySpread.Features features = PodTopologySpread.Features.fromGates(gates);
    return c.createPlugin(
        PodTopologySpreadArgs.class, (args, handle) -> new PodTopologySpread(args, handle, features));
  }

  /** The scenario for a file's plugin name. */
  public static Scenario forPlugin(Map<String, Scenario> scenarios, String plugin) {
    Scenario s = scenarios.get(plugin);
    return s == null ? PluginStagesScenario.standard() : s;
  }
}
