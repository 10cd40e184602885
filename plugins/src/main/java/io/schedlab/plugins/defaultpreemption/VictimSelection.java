package io.schedlab.plugins.defaultpreemption;

import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of SelectVictimsOnNode: the fewest pods to evict, most important first, the number
 * of them whose eviction violates a PodDisruptionBudget, and Success — or the status saying why
 * the node cannot host the preemptor.
 */
public record VictimSelection(List<PodInfo> victims, int numPdbViolations, Status status) {
  public VictimSelection {
    victims = List.copyOf(victims);
  }

  public static VictimSelection failed(Status status) {
    return new VictimSelection(List.of(), 0, status);
  }

  /** Puts one removed pod back on the node, and takes it out again (into victims) if it must go. */
  @FunctionalInterface
  public interface Reprieve {
    /**
     * @return Unschedulable when the preemptor no longer fits with the pod back (which makes a
     *     budget-violating pod count as a violation), Success when it fits, or the error that
     *     stops the node's selection; either way the reprieve itself adds the pod to
     *     {@code victims} when it has to go
     */
    Status putBack(PodInfo pod, List<PodInfo> victims);
  }

  /**
   * The second half of upstream's SelectVictimsOnNode, once every candidate is off the node and
   * the preemptor fits: {@code potential} (most important first) is split by the disruption
   * budgets, and each pod is put back, the ones whose eviction would violate a budget first. A
   * violating pod that no longer fits counts as a violation. With {@code startTimes}, victims
   * from both groups are put back in most-important-first order, as upstream's default plugin
   * does.
   */
  public static VictimSelection byReprieve(
      List<PodInfo> potential, DisruptionBudgets budgets, Reprieve reprieve, StartTimes startTimes) {
    List<PodInfo> violating = new ArrayList<>();
    List<PodInfo> nonViolating = new ArrayList<>();
    if (budgets.isEmpty()) {
      nonViolating = potential;
    } else {
      budgets.split(potential, violating, nonViolating);
    }
    List<PodInfo> victims = new ArrayList<>();
    int numViolating = 0;
    for (PodInfo p : violating) {
      Status s = reprieve.putBack(p, victims);
      if (s.isRejected()) {
        numViolating++;
      } else if (!s.isSuccess()) {
        return failed(s);
      }
    }
    for (PodInfo p : nonViolating) {
      Status s = reprieve.putBack(p, victims);
      if (!s.isSuccess() && !s.isRejected()) {
        return failed(s);
      }
    }
    if (startTimes != null && !violating.isEmpty() && !nonViolating.isEmpty()) {
      victims = startTimes.mostImportantFirst(victims);
    }
    return new VictimSelection(victims, numViolating, Status.SUCCESS);
  }
}
