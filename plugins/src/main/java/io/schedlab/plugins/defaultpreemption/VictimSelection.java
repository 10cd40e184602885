package io.schedlab.plugins.defaultpreemption;

import io.schedlab.framework.PodInfo;
import io.schedlab.framework.Status;
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
}
