package io.schedlab.plugins.defaultpreemption;

import io.schedlab.framework.NodeToStatus;
import java.util.List;

/**
 * What the preemption dry run found: the candidates (those that violate no PodDisruptionBudget
 * first), why every other node it examined is not one, and the messages of the errors it met.
 */
public record DryRunResult(List<Candidate> candidates, NodeToStatus nodeStatuses, List<String> errors) {
  public DryRunResult {
    candidates = List.copyOf(candidates);
    errors = List.copyOf(errors);
  }

  /** The errors as one message, as upstream's aggregate error prints them; empty when none. */
  public String errorMessage() {
    List<String> unique = errors.stream().distinct().toList();
    if (unique.size() <= 1) {
      return unique.isEmpty() ? "" : unique.get(0);
    }
    return "[" + String.join(", ", unique) + "]";
  }
}
