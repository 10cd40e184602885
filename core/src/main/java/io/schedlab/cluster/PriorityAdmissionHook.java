package io.schedlab.cluster;

import io.schedlab.api.Pod;
import io.schedlab.api.PriorityClass;
import io.schedlab.api.validation.PriorityAdmission;

/**
 * The API server's Priority admission plugin on the simulated store: every pod created gets its
 * priority and preemption policy from its PriorityClass (or the global default), and a pod naming
 * an unknown class is refused, as upstream refuses it. PriorityClasses are taken from the store
 * as they are created.
 */
public final class PriorityAdmissionHook implements ClusterComponent {
  private final PriorityAdmission admission = new PriorityAdmission();

  @Override
  public String name() {
    return "priority-admission";
  }

  @Override
  public void start(ClusterContext context) {
    for (PriorityClass pc : context.store().list(PriorityClass.class)) {
      admission.declare(pc, "PriorityClass");
    }
    context.store().addAdmission(PriorityClass.class, pc -> {
      admission.declare(pc, "PriorityClass");
      return pc;
    });
    context.store().addAdmission(Pod.class, pod -> admission.admit(pod,
        "Pod " + pod.metadata().namespace() + "/" + pod.metadata().name(), "spec"));
  }
}
