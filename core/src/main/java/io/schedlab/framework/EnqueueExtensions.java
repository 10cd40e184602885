package io.schedlab.framework;

import java.util.List;

/**
 * Implemented by plugins that can reject pods, to say which cluster events may make a pod they
 * rejected schedulable again. A pod in the unschedulable pods moves back to the active or
 * backoff queue only on an event that one of its rejecting plugins registered. A rejecting
 * plugin that does not implement this interface is treated as interested in every event.
 */
public interface EnqueueExtensions {
  List<ClusterEvent> eventsToRegister();
}
