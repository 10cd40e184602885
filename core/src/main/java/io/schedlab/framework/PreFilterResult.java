package io.schedlab.framework;

import java.util.Set;

/**
 * What a PreFilter plugin returns: its status and, optionally, the only nodes that can fit
 * ({@code nodeNames}, null meaning all nodes). The framework intersects the sets of all plugins.
 */
public record PreFilterResult(Status status, Set<String> nodeNames) {
  public static final PreFilterResult SUCCESS = new PreFilterResult(Status.SUCCESS, null);
  public static final PreFilterResult SKIP = new PreFilterResult(Status.SKIP, null);

  public static PreFilterResult of(Status status) {
    return status.isSuccess() ? SUCCESS : status.isSkip() ? SKIP : new PreFilterResult(status, null);
  }

  public static PreFilterResult nodes(Set<String> names) {
    return new PreFilterResult(Status.SUCCESS, Set.copyOf(names));
  }

  public boolean allNodes() {
    return nodeNames == null;
  }
}
