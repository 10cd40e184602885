package io.schedlab.plugins.coscheduling;

import io.schedlab.api.PodGroup;

/**
 * The gang a pod belongs to, resolved from one of three sources: a scheduler-plugins PodGroup
 * object, an upstream Kubernetes PodGroup object, or the pod's own label and annotations.
 *
 * @param namespace the pod's namespace; a group never spans namespaces
 * @param name the group's name
 * @param minMember the members that must be placed together
 * @param scheduleTimeoutSeconds the group's own Permit wait, 0 to use the plugin's default
 * @param object the PodGroup object, or null for a label-only gang or one not found
 * @param problem why the group cannot be used (not found, a bad annotation), or null
 */
public record Gang(
    String namespace,
    String name,
    int minMember,
    long scheduleTimeoutSeconds,
    PodGroup object,
    String problem) {

  /** {@code namespace/name}, the key upstream uses for a group. */
  public String fullName() {
    return namespace + "/" + name;
  }

  /** Whether the gang has usable settings (a PodGroup object, or the label-only annotations). */
  public boolean found() {
    return problem == null;
  }
}
