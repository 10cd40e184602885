package io.schedlab.api.validation;

import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.PriorityClass;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream's Priority admission plugin for pod creation: {@code spec.priorityClassName} becomes
 * {@code spec.priority} and {@code spec.preemptionPolicy}. Without a class name the pod gets the
 * global default class (the lowest-valued one if several claim it) or priority 0. An unknown class
 * name, or a {@code priority} / {@code preemptionPolicy} written in the pod that disagrees with
 * the class, is refused with upstream's wording.
 *
 * <p>The built-in {@code system-cluster-critical} and {@code system-node-critical} classes always
 * exist, as the API server creates them at start-up. PriorityClasses from the input are checked
 * as upstream's validation and admission check them on create.
 */
public final class PriorityAdmission {
  public static final String SYSTEM_CLUSTER_CRITICAL = "system-cluster-critical";
  public static final String SYSTEM_NODE_CRITICAL = "system-node-critical";
  public static final int SYSTEM_CLUSTER_CRITICAL_VALUE = 2_000_000_000;
  public static final int SYSTEM_NODE_CRITICAL_VALUE = SYSTEM_CLUSTER_CRITICAL_VALUE + 1000;
  /** Upstream's {@code HighestUserDefinablePriority}. */
  public static final int HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
  static final String SYSTEM_PREFIX = "system-";
  static final String PREEMPT_LOWER_PRIORITY = "PreemptLowerPriority";
  static final String PREEMPT_NEVER = "Never";

  private final Map<String, PriorityClass> classes = new LinkedHashMap<>();

  public PriorityAdmission() {
    add(builtIn(SYSTEM_CLUSTER_CRITICAL, SYSTEM_CLUSTER_CRITICAL_VALUE,
        "Used for system critical pods that must run in the cluster, but can be moved to another"
            + " node if necessary."));
    add(builtIn(SYSTEM_NODE_CRITICAL, SYSTEM_NODE_CRITICAL_VALUE,
        "Used for system critical pods that must not be moved from their current node."));
  }

  private static PriorityClass builtIn(String name, int value, String description) {
    return PriorityClass.of(
        ObjectMeta.named(null, name), value, false, description, PREEMPT_LOWER_PRIORITY);
  }

  private void add(PriorityClass pc) {
    classes.put(pc.metadata().name(), pc);
  }

  /**
   * Declares a PriorityClass from the input. A copy of a built-in class (as in a cluster export)
   * is accepted and changes nothing.
   *
   * @throws AdmissionException naming {@code source} and the class, for what the API server would
   *     refuse: a reserved or repeated name, a value above the user maximum, a second default
   */
  public PriorityAdmission declare(PriorityClass pc, String source) {
    String name = pc.metadata().name();
    if (name == null || name.isEmpty()) {
      throw new AdmissionException(source
          + ": PriorityClass: metadata.name: Required value: name is required");
    }
    String where = source + ": PriorityClass " + name + ": ";
    String policy = pc.preemptionPolicy() == null ? PREEMPT_LOWER_PRIORITY : pc.preemptionPolicy();
    if (!policy.equals(PREEMPT_LOWER_PRIORITY) && !policy.equals(PREEMPT_NEVER)) {
      throw new AdmissionException(where + "preemptionPolicy: Unsupported value: \"" + policy
          + "\": supported values: \"" + PREEMPT_LOWER_PRIORITY + "\", \"" + PREEMPT_NEVER + "\"");
    }
    boolean globalDefault = Boolean.TRUE.equals(pc.globalDefault());
    if (name.startsWith(SYSTEM_PREFIX)) {
      PriorityClass system = classes.get(name);
      boolean known = name.equals(SYSTEM_CLUSTER_CRITICAL) || name.equals(SYSTEM_NODE_CRITICAL);
      if (!known || system.value() != pc.value() || globalDefault) {
        throw new AdmissionException(where + "metadata.name: Forbidden: priority class names with '"
            + SYSTEM_PREFIX + "' prefix are reserved for system use only. error: "
            + systemMismatch(name, known, system, pc.value(), globalDefault));
      }
      return this;
    }
    if (pc.value() > HIGHEST_USER_DEFINABLE_PRIORITY) {
      throw new AdmissionException(where + "value: Forbidden: maximum allowed value of a user "
          + "defined priority is " + HIGHEST_USER_DEFINABLE_PRIORITY);
    }
    PriorityClass existing = classes.get(name);
    if (existing != null) {
      if (sameClass(existing, pc)) {
        return this;
      }
      throw new AdmissionException(where + "metadata.name: Duplicate value: declared twice with "
          + "different values");
    }
    if (globalDefault) {
      PriorityClass other = defaultClass();
      if (other != null) {
        throw new AdmissionException(where + "PriorityClass " + other.metadata().name()
            + " is already marked as default. Only one default can exist");
      }
    }
    add(pc.preemptionPolicy() == null
        ? PriorityClass.of(pc.metadata(), pc.value(), pc.globalDefault(), pc.description(),
            PREEMPT_LOWER_PRIORITY)
        : pc);
    return this;
  }

  private static String systemMismatch(
      String name, boolean known, PriorityClass system, int value, boolean globalDefault) {
    if (!known) {
      return name + " is not a known system priority class";
    }
    if (system.value() != value) {
      return "value of " + name + " PriorityClass must be " + system.value();
    }
    return "globalDefault of " + name + " PriorityClass must be false";
  }

  private static boolean sameClass(PriorityClass a, PriorityClass b) {
    String pa = a.preemptionPolicy() == null ? PREEMPT_LOWER_PRIORITY : a.preemptionPolicy();
    String pb = b.preemptionPolicy() == null ? PREEMPT_LOWER_PRIORITY : b.preemptionPolicy();
    return a.value() == b.value()
        && Boolean.TRUE.equals(a.globalDefault()) == Boolean.TRUE.equals(b.globalDefault())
        && pa.equals(pb);
  }

  /** The global default class, or null. */
  private PriorityClass defaultClass() {
    PriorityClass found = null;
    for (PriorityClass pc : classes.values()) {
      if (Boolean.TRUE.equals(pc.globalDefault())
          && (found == null || pc.value() < found.value())) {
        found = pc;
      }
    }
    return found;
  }

  /**
   * The pod as the API server would store it: priority, class name (of the global default when
   * it had none) and preemption policy resolved.
   *
   * @param origin the object the pod came from, e.g. {@code Pod shop/web-0}
   * @param specField where the pod spec is in that object, e.g. {@code spec.template.spec}
   * @throws AdmissionException naming {@code origin} and the field
   */
  public Pod admit(Pod pod, String origin, String specField) {
    PodSpec spec = pod.spec();
    String className = spec.priorityClassName();
    int priority;
    String policy;
    if (className == null || className.isEmpty()) {
      PriorityClass def = defaultClass();
      className = def == null ? null : def.metadata().name();
      priority = def == null ? 0 : def.value();
      policy = def == null ? PREEMPT_LOWER_PRIORITY : def.preemptionPolicy();
    } else {
      PriorityClass pc = classes.get(className);
      if (pc == null) {
        throw new AdmissionException(origin + ": " + specField + ".priorityClassName: no "
            + "PriorityClass with name " + className + " was found");
      }
      priority = pc.value();
      policy = pc.preemptionPolicy();
    }
    if (spec.priority() != null && spec.priority() != priority) {
      throw new AdmissionException(origin + ": " + specField + ".priority: the integer value of "
          + "priority (" + spec.priority() + ") must not be provided in pod spec; priority "
          + "admission controller computed " + priority + " from the given PriorityClass name");
    }
    if (spec.preemptionPolicy() != null && !Objects.equals(spec.preemptionPolicy(), policy)) {
      throw new AdmissionException(origin + ": " + specField + ".preemptionPolicy: the string "
          + "value of PreemptionPolicy (" + spec.preemptionPolicy() + ") must not be provided in "
          + "pod spec; priority admission controller computed " + policy
          + " from the given PriorityClass name");
    }
    return pod.withSpec(
        spec.withPriorityClassName(className).withPriority(priority).withPreemptionPolicy(policy));
  }
}
