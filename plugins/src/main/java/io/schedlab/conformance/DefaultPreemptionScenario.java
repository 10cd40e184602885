package io.schedlab.conformance;

import java.util.Set;

/**
 * The preemption file (DefaultPreemption.json): its inputs and expectations are declared here so
 * the runner accepts them, but evaluation is not written yet, so every case fails as not
 * evaluated. To complete it:
 *
 * <ol>
 *   <li>register the file's fake plugins (FalseFilter, TrueFilter, MatchFilter, FakeFilter,
 *       test-plugin, see the file's notes) in the registry {@link ConformanceRunner#inTree()}
 *       uses, so that {@link ConformanceCase#world()} can build the handle's filter runner over
 *       each case's {@code profile};
 *   <li>implement {@link #evaluate}: build the plugin ({@link ConformanceCase#createPlugin()}),
 *       run PostFilter with {@code filterStatuses}, and compare {@code postFilterStatus},
 *       {@code nominatedNode} and {@code victims} against the result and the deletions and
 *       nominations the {@link io.schedlab.framework.RecordingClusterClient} of {@code
 *       c.world().handle().client()} recorded; {@code candidates} and {@code
 *       eligibleToPreempt} need the plugin's dry-run and eligibility entry points.
 * </ol>
 */
final class DefaultPreemptionScenario implements Scenario {
  static final String NAME = "DefaultPreemption";

  @Override
  public Set<String> inputKeys() {
    return Set.of("filterStatuses", "offset", "parallelism", "nominatedNodeStatus");
  }

  @Override
  public Set<String> expectKeys() {
    return Set.of(
        "candidates", "eligibleToPreempt", "nominatedNode", "nominatedNodeAnyOf",
        "postFilterStatus", "postFilterMessage", "victims");
  }

  @Override
  public void evaluate(ConformanceCase c, Mismatches out) {
    throw new NotEvaluatedException("DefaultPreemption scenario not implemented");
  }
}
