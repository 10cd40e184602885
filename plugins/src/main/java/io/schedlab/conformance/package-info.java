/**
 * The conformance runner: upstream kube-scheduler's own plugin-test expectations, transcribed as
 * JSON case files (see SCHEMA.md beside the cases), run against schedlab's plugins.
 *
 * <p>Entry point: {@link io.schedlab.conformance.ConformanceRunner#run}. Each file names a plugin;
 * the {@link io.schedlab.conformance.Scenario} registered for it in {@link
 * io.schedlab.conformance.Scenarios} evaluates its cases, each in a fresh static {@link
 * io.schedlab.conformance.CaseWorld}.
 */
package io.schedlab.conformance;
