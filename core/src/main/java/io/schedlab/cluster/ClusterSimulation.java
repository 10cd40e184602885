package io.schedlab.cluster;

import io.schedlab.api.Deployment;
import io.schedlab.api.Job;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.ReplicaSet;
import io.schedlab.api.StatefulSet;
import io.schedlab.config.SchedulerConfig;
import io.schedlab.framework.Registry;
import io.schedlab.sim.EventLoop;
import io.schedlab.store.ClusterStore;
import io.schedlab.store.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole cluster in virtual time: the API server's store, the scheduler, the control plane and a
 * kubelet per node, all on one event loop, driven by a {@link Scenario}.
 *
 * <p>Start order at t = 0, chosen so every component sees every object: the event recorder, the
 * control plane, the scheduler, then the scenario's cluster (non-Node objects first, then each
 * Node through its agent, which registers it), then the actions due at 0 in file order.
 */
public final class ClusterSimulation {
  /** Upstream's default pod termination grace period (terminationGracePeriodSeconds). */
  public static final long DEFAULT_GRACE_SECONDS = 30;

  private final Scenario scenario;
  private final ClusterModel model;
  private final Registry registry;
  private final EventLoop loop = new EventLoop();
  private final ClusterStore store;
  private final ClusterContext context;
  private final Map<String, NodeAgent> agents = new LinkedHashMap<>();
  private SchedulerComponent scheduler;
  private boolean started;
  private io.schedlab.framework.runtime.LatencyRecorder latencyRecorder;

  public ClusterSimulation(Scenario scenario, SchedulerConfig config, Registry registry,
      ClusterModel model, EventLog log) {
    this.scenario = scenario;
    this.model = model;
    this.registry = registry;
    this.store = ClusterStore.simulated(loop, scenario.seed());
    this.context = new ClusterContext(store, loop, log, scenario.seed(), scenario.settings());
    this.scheduler = new SchedulerComponent(config, registry);
  }

  public void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    new StoreEventRecorder().start(context);
    for (ClusterComponent c : model.controlPlane()) {
      c.start(context);
    }
    scheduler.start(context);
    create(scenario.cluster());
    for (Scenario.Action a : scenario.actions()) {
      loop.schedule(a.atNanos(), label(a), () -> apply(a));
    }
  }

  /** Runs every event up to and including virtual time {@code tNanos}. */
  public void runUntil(long tNanos) {
    if (!started) {
      start();
    }
    loop.runUntil(tNanos);
  }

  /**
   * Has the scheduler (and any that replaces it) time the plugin calls of one attempt in ten
   * into {@code recorder}; null turns it off.
   */
  public void setLatencyRecorder(io.schedlab.framework.runtime.LatencyRecorder recorder) {
    latencyRecorder = recorder;
    scheduler.setLatencyRecorder(recorder);
  }

  public long now() {
    return loop.nowNanos();
  }

  public ClusterStore store() {
    return store;
  }

  public EventLoop loop() {
    return loop;
  }

  public ClusterContext context() {
    return context;
  }

  public Scenario scenario() {
    return scenario;
  }

  /**
   * Replaces the scheduler with one running {@code config} from now on, as a fork of a
   * checkpoint does; the new one lists the cluster as a restarted kube-scheduler would.
   */
  public void replaceScheduler(SchedulerConfig config) {
    scheduler.stop();
    io.schedlab.framework.runtime.LatencyRecorder recorder = latencyRecorder;
    scheduler = new SchedulerComponent(config, registry);
    scheduler.setLatencyRecorder(recorder);
    scheduler.start(context);
  }

  private void create(List<KubeObject> objects) {
    for (KubeObject o : objects) {
      if (!(o instanceof Node)) {
        apply(o);
      }
    }
    for (KubeObject o : objects) {
      if (o instanceof Node n) {
        String name = n.metadata().name();
        if (agents.containsKey(name)) {
          throw new ScenarioException(scenario.source() + ": node " + name + " is defined twice");
        }
        NodeAgent agent = model.nodeAgent(n);
        agents.put(name, agent);
        agent.start(context);
      }
    }
  }

  /** kubectl apply: creates the object, or replaces its spec keeping what controllers wrote. */
  private void apply(KubeObject o) {
    KubeObject existing = store.get(o.getClass(), o.metadata().namespace(), o.metadata().name());
    if (existing == null) {
      store.create(o);
    } else {
      store.update(Scaling.keepStatus(existing, o));
    }
  }

  private void apply(Scenario.Action a) {
    switch (a) {
      case Scenario.Create c -> create(c.objects());
      case Scenario.NodeFault f -> {
        context.record(SimEvent.of(now(), SimEvent.Types.FAULT, f.node(), null)
            .with("action", f.kind().action()));
        NodeAgent agent = agents.get(f.node());
        if (agent == null) {
          throw new ScenarioException(scenario.source() + ": " + f.kind().action() + " at "
              + SimEvent.formatSeconds(f.atNanos()) + "s: no node " + f.node());
        }
        switch (f.kind()) {
          case DELETE_INSTANCE -> {
            // The machine is gone, and its kubelet with it.
            agent.crash();
            model.deleteInstance(context, f.node());
          }
          case CRASH -> agent.crash();
          case RECOVER -> agent.recover();
          case PARTITION -> agent.partition(true);
          case HEAL -> agent.partition(false);
          default -> throw new IllegalStateException(f.kind().toString());
        }
      }
      case Scenario.DeletePod d -> {
        context.record(SimEvent.of(now(), SimEvent.Types.FAULT, null, d.namespace() + "/"
            + d.name()).with("action", "delete-pod"));
        try {
          store.deleteGracefully(d.namespace(), d.name(), DEFAULT_GRACE_SECONDS);
        } catch (NotFoundException e) {
          throw new ScenarioException(scenario.source() + ": delete-pod at "
              + SimEvent.formatSeconds(d.atNanos()) + "s: no pod " + d.namespace() + "/" + d.name());
        }
      }
      case Scenario.Scale s -> scale(s);
    }
  }

  private void scale(Scenario.Scale s) {
    String key = s.namespace() + "/" + s.name();
    context.record(SimEvent.of(now(), SimEvent.Types.FAULT, null, null).with("action", "scale")
        .with("object", s.kind() + " " + key).with("replicas", Integer.toString(s.replicas())));
    KubeObject obj = switch (s.kind()) {
      case "ReplicaSet" -> store.get(ReplicaSet.class, s.namespace(), s.name());
      case "Deployment" -> store.get(Deployment.class, s.namespace(), s.name());
      case "StatefulSet" -> store.get(StatefulSet.class, s.namespace(), s.name());
      case "Job" -> store.get(Job.class, s.namespace(), s.name());
      default -> null;
    };
    if (obj == null) {
      throw new ScenarioException(scenario.source() + ": scale at "
          + SimEvent.formatSeconds(s.atNanos()) + "s: no " + s.kind() + " " + key);
    }
    store.update(Scaling.withReplicas(obj, s.replicas()));
  }

  private static String label(Scenario.Action a) {
    return switch (a) {
      case Scenario.Create c -> "create " + c.objects().size() + " objects";
      case Scenario.NodeFault f -> f.kind().action() + " " + f.node();
      case Scenario.DeletePod d -> "delete-pod " + d.namespace() + "/" + d.name();
      case Scenario.Scale s -> "scale " + s.kind() + " " + s.name();
    };
  }
}
