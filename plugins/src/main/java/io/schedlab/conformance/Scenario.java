package io.schedlab.conformance;

import java.util.Set;

/**
 * How the cases of one kind of file are evaluated. Most files run the plugin's stages ({@link
 * PluginStagesScenario}); files about scheduler-level behaviour (queue sort, preemption, helpers)
 * define their own inputs and expectations in their notes and get their own scenario, registered
 * by the file's {@code plugin} name in {@link Scenarios}.
 *
 * <p>The runner checks the case against {@link #inputKeys()} and {@link #expectKeys()} before
 * calling {@link #evaluate}: a case with a key the scenario does not declare fails as not
 * evaluated, so no expectation is silently ignored.
 */
public interface Scenario {
  /** Case keys this scenario reads beyond the common world inputs ({@link ConformanceRunner#COMMON_INPUTS}). */
  Set<String> inputKeys();

  /** The {@code expect} keys this scenario evaluates. */
  Set<String> expectKeys();

  /**
   * Evaluates every expectation of the case, adding a line to {@code out} for each that does not
   * hold. Throws {@link NotEvaluatedException} when the case cannot be evaluated.
   */
  void evaluate(ConformanceCase c, Mismatches out);
}
