package io.schedlab.framework;

/**
 * A change in the cluster that may make unschedulable pods schedulable, as upstream's
 * ClusterEvent: a resource kind and a bit set of action types.
 */
public record ClusterEvent(Resource resource, int actions) {
  public enum Resource { POD, ASSIGNED_POD, UNSCHEDULED_POD, NODE, PERSISTENT_VOLUME, STORAGE_CLASS, WILDCARD }

  public static final int ADD = 1;
  public static final int DELETE = 1 << 1;
  public static final int UPDATE_NODE_ALLOCATABLE = 1 << 2;
  public static final int UPDATE_NODE_LABEL = 1 << 3;
  public static final int UPDATE_NODE_TAINT = 1 << 4;
  public static final int UPDATE_NODE_CONDITION = 1 << 5;
  public static final int UPDATE_NODE_ANNOTATION = 1 << 6;
  public static final int UPDATE_POD_LABEL = 1 << 7;
  public static final int UPDATE_POD_SCALE_DOWN = 1 << 8;
  public static final int UPDATE_POD_TOLERATIONS = 1 << 9;
  public static final int UPDATE_POD_SCHEDULING_GATES_ELIMINATED = 1 << 10;
  public static final int UPDATE_POD_GENERATED_RESOURCE_CLAIM = 1 << 11;
  /** Any other update. */
  public static final int UPDATE_OTHER = 1 << 12;
  public static final int UPDATE =
      UPDATE_NODE_ALLOCATABLE | UPDATE_NODE_LABEL | UPDATE_NODE_TAINT | UPDATE_NODE_CONDITION
          | UPDATE_NODE_ANNOTATION | UPDATE_POD_LABEL | UPDATE_POD_SCALE_DOWN
          | UPDATE_POD_TOLERATIONS | UPDATE_POD_SCHEDULING_GATES_ELIMINATED
          | UPDATE_POD_GENERATED_RESOURCE_CLAIM | UPDATE_OTHER;
  public static final int ALL = ADD | DELETE | UPDATE;

  public static final ClusterEvent NODE_ADD = new ClusterEvent(Resource.NODE, ADD);
  public static final ClusterEvent ASSIGNED_POD_DELETE = new ClusterEvent(Resource.ASSIGNED_POD, DELETE);
  public static final ClusterEvent ASSIGNED_POD_ADD = new ClusterEvent(Resource.ASSIGNED_POD, ADD);
  public static final ClusterEvent UNSCHEDULABLE_TIMEOUT = new ClusterEvent(Resource.WILDCARD, ALL);
  public static final ClusterEvent FORCE_ACTIVATE = new ClusterEvent(Resource.WILDCARD, ALL);

  /** True when a plugin that registered {@code this} wants to hear of {@code event}. */
  public boolean matches(ClusterEvent event) {
    if (resource == Resource.WILDCARD || event.resource == Resource.WILDCARD) {
      return (actions & event.actions) != 0;
    }
    boolean sameResource =
        resource == event.resource
            || (resource == Resource.POD
                && (event.resource == Resource.ASSIGNED_POD || event.resource == Resource.UNSCHEDULED_POD))
            || (event.resource == Resource.POD
                && (resource == Resource.ASSIGNED_POD || resource == Resource.UNSCHEDULED_POD));
    return sameResource && (actions & event.actions) != 0;
  }
}
