package io.schedlab.conformance;

import io.schedlab.plugins.noderesources.NodeResourcesFit;
import io.schedlab.plugins.queuesort.PrioritySort;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scenario for each kind of conformance file, by the file's {@code plugin} name. A name not
 * listed runs the plugin's stages ({@link PluginStagesScenario#standard()}). The one place to add
 * a scenario for a new kind of file, or an extra expectation key to the standard one (for
 * example PodTopologySpread's {@code preFilterState}: {@code
 * PluginStagesScenario.standard().withCheck("preFilterState", check)}); until a key has a check,
 * cases that expect it fail as not evaluated.
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
    return Collections.unmodifiableMap(m);
  }

  /** The scenario for a file's plugin name. */
  public static Scenario forPlugin(Map<String, Scenario> scenarios, String plugin) {
    Scenario s = scenarios.get(plugin);
    return s == null ? PluginStagesScenario.standard() : s;
  }
}
