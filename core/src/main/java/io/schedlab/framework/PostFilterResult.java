package io.schedlab.framework;

/**
 * What a PostFilter plugin returns when no node fits: its status and, when it made room by
 * preemption, the node to nominate.
 */
public record PostFilterResult(Status status, String nominatedNodeName) {
  public static PostFilterResult of(Status status) {
    return new PostFilterResult(status, null);
  }

  public static PostFilterResult nominate(String nodeName) {
    return new PostFilterResult(Status.SUCCESS, nodeName);
  }
}
