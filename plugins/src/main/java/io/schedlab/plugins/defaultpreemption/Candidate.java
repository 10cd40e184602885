package io.schedlab.plugins.defaultpreemption;

import io.schedlab.framework.PodInfo;
import java.util.List;

/**
 * A node where the preemptor fits once {@code victims} are gone, as upstream's preemption
 * Candidate: the victims ordered from most to least important, and how many of them a
 * PodDisruptionBudget would forbid evicting.
 */
public record Candidate(String nodeName, List<PodInfo> victims, int numPdbViolations) {
  public Candidate {
    victims = List.copyOf(victims);
  }
}
