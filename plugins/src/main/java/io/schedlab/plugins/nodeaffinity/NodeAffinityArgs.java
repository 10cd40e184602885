package io.schedlab.plugins.nodeaffinity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Upstream's NodeAffinityArgs. {@code addedAffinity} is laid over every pod's own node affinity
 * by the scheduler (required terms must also match, preferred terms add to the score); null,
 * the default, adds nothing.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record NodeAffinityArgs(io.schedlab.api.NodeAffinity addedAffinity) {

  public static NodeAffinityArgs defaults() {
    return new NodeAffinityArgs(null);
  }
}
