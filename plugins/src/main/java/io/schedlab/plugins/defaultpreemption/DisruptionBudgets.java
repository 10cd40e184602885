package io.schedlab.plugins.defaultpreemption;

import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.match.LabelSelectors;
import io.schedlab.framework.PodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster's PodDisruptionBudgets, selectors compiled once per preemption attempt, answering
 * which victims' eviction would exceed a budget (upstream's filterPodsWithPDBViolation).
 */
public final class DisruptionBudgets {
  public static final DisruptionBudgets NONE = new DisruptionBudgets(List.of());

  /** A budget whose selector can match: a null, empty or invalid selector matches no pod. */
  private record Budget(String namespace, LabelSelectors.Selector selector, int allowed, Map<String, String> disrupted) {}

  private final List<Budget> budgets;

  private DisruptionBudgets(List<Budget> budgets) {
    this.budgets = budgets;
  }

  public static DisruptionBudgets of(List<PodDisruptionBudget> pdbs) {
    List<Budget> out = new ArrayList<>(pdbs.size());
    for (PodDisruptionBudget pdb : pdbs) {
      String ns = pdb.metadata().namespace() == null ? "" : pdb.metadata().namespace();
      LabelSelectors.Selector selector;
      try {
        selector = LabelSelectors.compile(pdb.spec().selector());
      } catch (IllegalArgumentException e) {
        selector = LabelSelectors.NOTHING;
      }
      out.add(new Budget(ns, selector, pdb.status().disruptionsAllowed(), pdb.status().disruptedPods()));
    }
    return new DisruptionBudgets(out);
  }

  public boolean isEmpty() {
    return budgets.isEmpty();
  }

  /**
   * Splits {@code pods} into those whose eviction, in this order, would drive a matching budget's
   * allowed disruptions below zero and the rest, keeping the input order in both. A pod the API
   * server already counts in a budget's disruptedPods does not use that budget up again.
   */
  public void split(List<PodInfo> pods, List<PodInfo> violating, List<PodInfo> nonViolating) {
    int[] allowed = new int[budgets.size()];
    for (int i = 0; i < allowed.length; i++) {
      allowed[i] = budgets.get(i).allowed();
    }
    for (PodInfo p : pods) {
      Map<String, String> labels = p.pod().metadata().labels();
      boolean violated = false;
      if (!labels.isEmpty()) {
        for (int i = 0; i < allowed.length; i++) {
          Budget b = budgets.get(i);
          if (!b.namespace().equals(p.namespace())
              || b.selector().isNothing()
              || b.selector().isEverything()
              || !b.selector().matches(labels)) {
            continue;
          }
          if (b.disrupted().containsKey(p.name())) {
            continue;
          }
          allowed[i]--;
          if (allowed[i] < 0) {
            violated = true;
          }
        }
      }
      (violated ? violating : nonViolating).add(p);
    }
  }
}
