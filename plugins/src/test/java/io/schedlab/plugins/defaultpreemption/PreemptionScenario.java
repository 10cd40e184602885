package io.schedlab.plugins.defaultpreemption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.PodCondition;
import io.schedlab.api.PodDisruptionBudget;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.config.ExtensionPoint;
import io.schedlab.config.PluginRef;
import io.schedlab.config.ProfileConfig;
import io.schedlab.framework.ClusterClient;
import io.schedlab.framework.Code;
import io.schedlab.framework.CycleState;
import io.schedlab.framework.FilterPlugin;
import io.schedlab.framework.FilterRunner;
import io.schedlab.framework.Handle;
import io.schedlab.framework.LabelInterner;
import io.schedlab.framework.NodeInfo;
import io.schedlab.framework.NodeInfoLister;
import io.schedlab.framework.NodeToStatus;
import io.schedlab.framework.ObjectLister;
import io.schedlab.framework.PodInfo;
import io.schedlab.framework.PostFilterResult;
import io.schedlab.framework.PreFilterPlugin;
import io.schedlab.framework.PreFilterResult;
import io.schedlab.framework.Registry;
import io.schedlab.framework.ResourceRegistry;
import io.schedlab.framework.Status;
import io.schedlab.framework.WaitingPod;
import io.schedlab.framework.runtime.Framework;
import io.schedlab.framework.runtime.Parallelizer;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.scheduler.Snapshot;
import io.schedlab.sim.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs one case of DefaultPreemption.json the way upstream's test functions do and reports every
 * expectation that does not hold.
 *
 * <p>What runs depends on what the case expects: {@code eligibleToPreempt} calls
 * PodEligibleToPreemptOthers with the case's {@code nominatedNodeStatus}; {@code candidates}
 * dry-runs preemption over all nodes sorted by name from the case's {@code offset}, as
 * TestDryRunPreemption; the other keys run PostFilter with the case's {@code filterStatuses}, or
 * with every node Unschedulable when it has none (as TestPreempt and TestSelectBestCandidate).
 * The profile's plugins run PreFilter first, as upstream's tests do to fill the cycle state.
 */
public final class PreemptionScenario {
  /** The plugin name a conformance runner keys this scenario by. */
  public static final String PLUGIN = DefaultPreemption.NAME;

  private static final ObjectMapper JSON = KubeCodec.jsonMapper();

  /** A case that cannot run here (a plugin its profile needs is not registered). */
  public static final class Unsupported extends RuntimeException {
    Unsupported(String message) {
      super(message);
    }
  }

  private PreemptionScenario() {}

  /**
   * The mismatches between what {@code testCase} expects and what happens, one line each; empty
   * when every expectation holds.
   *
   * @throws Unsupported when the case's profile names a plugin that is not registered
   */
  public static List<String> run(JsonNode file, JsonNode testCase) {
    Setup s = new Setup(file, testCase);
    try {
      return s.evaluate();
    } finally {
      s.close();
    }
  }

  /** One case's cluster, profile and handle. */
  private static final class Setup implements AutoCloseable {
    final JsonNode testCase;
    final JsonNode expect;
    final ResourceRegistry resources = new ResourceRegistry();
    final LabelInterner labels = new LabelInterner();
    final List<Node> nodes = new ArrayList<>();
    final List<Pod> pods = new ArrayList<>();
    final List<PodDisruptionBudget> pdbs = new ArrayList<>();
    final Pod pod;
    final Snapshot snapshot;
    final RecordingClient client = new RecordingClient();
    final Parallelizer parallelizer = new Parallelizer(1);
    final Framework framework;
    final DefaultPreemption plugin;
    int offset;

    Setup(JsonNode file, JsonNode testCase) {
      this.testCase = testCase;
      this.expect = testCase.path("expect");
      this.pod = read(testCase.get("pod"), Pod.class);
      for (JsonNode n : testCase.path("nodes")) {
        nodes.add(read(n, Node.class));
      }
      for (JsonNode p : testCase.path("pods")) {
        pods.add(read(p, Pod.class));
      }
      for (JsonNode p : testCase.path("pdbs")) {
        pdbs.add(read(p, PodDisruptionBudget.class));
      }
      offset = testCase.path("offset").asInt(0);
      List<NodeInfo> infos = new ArrayList<>();
      for (Node n : nodes) {
        NodeInfo info = new NodeInfo();
        info.setNode(n, resources, labels);
        for (Pod p : pods) {
          if (n.metadata().name().equals(p.spec().nodeName())) {
            info.addPod(new PodInfo(p, resources, labels));
          }
        }
        infos.add(info);
      }
      snapshot = Snapshot.of(infos);

      JsonNode profile = testCase.has("profile") ? testCase.get("profile") : file.path("profile");
      Code fakeFilterCode = null;
      List<String> names = new ArrayList<>();
      for (JsonNode entry : profile) {
        String name = entry.asText();
        int paren = name.indexOf('(');
        if (paren > 0) {
          fakeFilterCode = Code.fromUpstreamName(name.substring(paren + 1, name.length() - 1));
          name = name.substring(0, paren);
        }
        names.add(name);
      }
      Registry registry = FakePlugins.register(InTreeRegistry.create(), fakeFilterCode);
      Map<ExtensionPoint, List<PluginRef>> points = new LinkedHashMap<>();
      List<PluginRef> preFilter = new ArrayList<>();
      List<PluginRef> filter = new ArrayList<>();
      for (String name : names) {
        Registry.Registration<?> r = registry.get(name);
        if (r == null) {
          throw new Unsupported("plugin " + name + " is not registered");
        }
        if (PreFilterPlugin.class.isAssignableFrom(r.type())) {
          preFilter.add(PluginRef.named(name));
        }
        if (FilterPlugin.class.isAssignableFrom(r.type())) {
          filter.add(PluginRef.named(name));
        }
      }
      points.put(ExtensionPoint.QUEUE_SORT, List.of(PluginRef.named("PrioritySort")));
      points.put(ExtensionPoint.PRE_FILTER, preFilter);
      points.put(ExtensionPoint.FILTER, filter);
      points.put(ExtensionPoint.POST_FILTER, List.of(PluginRef.named(DefaultPreemption.NAME)));
      points.put(ExtensionPoint.BIND, List.of(PluginRef.named("DefaultBinder")));
      ObjectNode args = JSON.createObjectNode();
      if (file.has("args")) {
        args.setAll((ObjectNode) file.get("args"));
      }
      if (testCase.has("args")) {
        args.setAll((ObjectNode) testCase.get("args"));
      }
      ProfileConfig config =
          new ProfileConfig("default-scheduler", 0, points, Map.of(DefaultPreemption.NAME, args));
      TestHandle handle = new TestHandle();
      framework = new Framework(config, registry, handle, parallelizer);
      plugin = (DefaultPreemption) framework.plugin(DefaultPreemption.NAME);
    }

    private static <T> T read(JsonNode node, Class<T> type) {
      try {
        return JSON.treeToValue(node, type);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
      }
    }

    List<String> evaluate() {
      List<String> out = new ArrayList<>();
      PodInfo preemptor = new PodInfo(pod, resources, labels);
      if (expect.has("eligibleToPreempt")) {
        JsonNode code = testCase.get("nominatedNodeStatus");
        Status nominated = code == null || code.isNull() ? null : Status.of(Code.fromUpstreamName(code.asText()));
        boolean got = plugin.podEligibleToPreemptOthers(pod, nominated).eligible();
        check(out, "eligibleToPreempt", expect.get("eligibleToPreempt").asBoolean(), got);
      }
      boolean wantsCandidates = expect.has("candidates");
      boolean wantsPostFilter =
          expect.has("nominatedNode") || expect.has("nominatedNodeAnyOf") || expect.has("victims")
              || expect.has("postFilterStatus") || expect.has("postFilterMessage");
      if (!wantsCandidates && !wantsPostFilter) {
        return out;
      }
      CycleState state = new CycleState();
      PreFilterResult pre = framework.runPreFilterPlugins(state, preemptor, snapshot.list(), new HashSet<>());
      if (!pre.status().isSuccess()) {
        out.add("preFilter: want Success, got " + pre.status());
        return out;
      }
      if (wantsCandidates) {
        List<NodeInfo> byName = new ArrayList<>(snapshot.list());
        byName.sort(Comparator.comparing(NodeInfo::name));
        DryRunResult r =
            plugin.dryRunPreemption(
                state, preemptor, byName, pdbs, offset, plugin.calculateNumCandidates(byName.size()));
        check(out, "candidates", normalizeCandidates(expect.get("candidates")), candidates(r.candidates()));
      }
      if (wantsPostFilter) {
        NodeToStatus statuses = new NodeToStatus();
        JsonNode given = testCase.get("filterStatuses");
        if (given == null || given.isNull()) {
          for (Node n : nodes) {
            statuses.set(n.metadata().name(), Status.unschedulable());
          }
        } else {
          for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            statuses.set(e.getKey(), Status.of(Code.fromUpstreamName(e.getValue().asText())));
          }
        }
        PostFilterResult r = plugin.postFilter(state, preemptor, statuses);
        String nominated = r.nominatedNodeName() == null || r.nominatedNodeName().isEmpty() ? null : r.nominatedNodeName();
        if (expect.has("nominatedNode")) {
          JsonNode want = expect.get("nominatedNode");
          check(out, "nominatedNode", want.isNull() ? null : want.asText(), nominated);
        }
        if (expect.has("nominatedNodeAnyOf")) {
          List<String> anyOf = new ArrayList<>();
          expect.get("nominatedNodeAnyOf").forEach(n -> anyOf.add(n.asText()));
          if (!anyOf.contains(nominated)) {
            out.add("nominatedNodeAnyOf: want one of " + anyOf + ", got " + nominated);
          }
        }
        if (expect.has("postFilterStatus")) {
          check(out, "postFilterStatus", expect.get("postFilterStatus").asText(), r.status().code().upstreamName());
        }
        if (expect.has("postFilterMessage")) {
          check(out, "postFilterMessage", expect.get("postFilterMessage").asText(), r.status().message());
        }
        if (expect.has("victims")) {
          check(out, "victims", normalizeVictims(expect.get("victims")), client.deletedByNode());
        }
      }
      return out;
    }

    private static void check(List<String> out, String key, Object want, Object got) {
      if (!java.util.Objects.equals(want, got)) {
        out.add(key + ": want " + want + ", got " + got);
      }
    }

    /** {node: {victims: sorted names, numPDBViolations}} from the file. */
    private static Map<String, String> normalizeCandidates(JsonNode want) {
      Map<String, String> out = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> victims = new ArrayList<>();
        e.getValue().path("victims").forEach(v -> victims.add(v.asText()));
        victims.sort(null);
        out.put(e.getKey(), victims + " pdbViolations=" + e.getValue().path("numPDBViolations").asInt());
      }
      return out;
    }

    private static Map<String, String> candidates(List<Candidate> got) {
      Map<String, String> out = new TreeMap<>();
      for (Candidate c : got) {
        List<String> victims = new ArrayList<>();
        c.victims().forEach(v -> victims.add(v.name()));
        victims.sort(null);
        out.put(c.nodeName(), victims + " pdbViolations=" + c.numPdbViolations());
      }
      return out;
    }

    private static Map<String, List<String>> normalizeVictims(JsonNode want) {
      Map<String, List<String>> out = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> names = new ArrayList<>();
        e.getValue().forEach(v -> names.add(v.asText()));
        names.sort(null);
        out.put(e.getKey(), names);
      }
      return out;
    }

    @Override
    public void close() {
      parallelizer.close();
    }

    /** The objects the case holds, as the plugin's listers see them. */
    final class CaseObjects implements ObjectLister {
      @Override
      @SuppressWarnings("unchecked")
      public <T extends KubeObject> List<T> list(Class<T> type, String namespace) {
        List<T> out = new ArrayList<>();
        List<? extends KubeObject> all = type == PodDisruptionBudget.class ? pdbs : type == Pod.class ? allPods() : List.of();
        for (KubeObject o : all) {
          if (namespace == null || namespace.isEmpty() || namespace.equals(ns(o))) {
            out.add((T) o);
          }
        }
        return out;
      }

      @Override
      public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
        for (T o : list(type, namespace)) {
          if (ns(o).equals(namespace == null ? "" : namespace) && name.equals(o.metadata().name())) {
            return o;
          }
        }
        return null;
      }

      private List<Pod> allPods() {
        List<Pod> all = new ArrayList<>(pods);
        all.add(pod);
        all.removeIf(p -> client.deleted.contains(p.metadata().uid()));
        return all;
      }

      private String ns(KubeObject o) {
        return o.metadata().namespace() == null ? "" : o.metadata().namespace();
      }
    }

    /** Records what preemption asks of the API server. */
    final class RecordingClient implements ClusterClient {
      final List<String> deleted = new ArrayList<>();
      final Map<String, List<String>> deletedByNode = new TreeMap<>();

      @Override
      public Status bind(PodInfo pod, String nodeName) {
        return Status.error("bind is not part of this scenario");
      }

      @Override
      public Status deletePod(Pod p) {
        deleted.add(p.metadata().uid());
        deletedByNode.computeIfAbsent(p.spec().nodeName(), n -> new ArrayList<>()).add(p.metadata().name());
        return Status.SUCCESS;
      }

      @Override
      public Status setPodCondition(Pod p, PodCondition condition) {
        return Status.SUCCESS;
      }

      @Override
      public Status setNominatedNodeName(Pod p, String nodeName) {
        return Status.SUCCESS;
      }

      @Override
      public Status setUnschedulableCondition(Pod p, String reason, String message) {
        return Status.SUCCESS;
      }

      Map<String, List<String>> deletedByNode() {
        Map<String, List<String>> out = new TreeMap<>();
        deletedByNode.forEach((node, names) -> {
          List<String> sorted = new ArrayList<>(names);
          sorted.sort(null);
          out.put(node, sorted);
        });
        return out;
      }
    }

    /** Upstream's tests draw the offset from a seeded source; the case states the value drawn. */
    final class FixedOffset implements RandomGenerator {
      @Override
      public int nextInt(int bound) {
        return offset % bound;
      }

      @Override
      public long nextLong() {
        return offset;
      }
    }

    final class TestHandle implements Handle {
      private final CaseObjects objects = new CaseObjects();
      private final FixedOffset random = new FixedOffset();

      @Override
      public NodeInfoLister snapshot() {
        return snapshot;
      }

      @Override
      public ClusterClient client() {
        return client;
      }

      @Override
      public long nowNanos() {
        return 0;
      }

      @Override
      public Instant now() {
        return VirtualClock.DEFAULT_EPOCH;
      }

      @Override
      public WaitingPod waitingPod(String uid) {
        return null;
      }

      @Override
      public void iterateWaitingPods(Consumer<WaitingPod> action) {}

      @Override
      public List<PodInfo> nominatedPodsForNode(String nodeName) {
        return List.of();
      }

      @Override
      public ResourceRegistry resources() {
        return resources;
      }

      @Override
      public LabelInterner labels() {
        return labels;
      }

      @Override
      public PodInfo compile(Pod p) {
        return new PodInfo(p, resources, labels);
      }

      @Override
      public int parallelism() {
        return testCase.path("parallelism").asInt(16);
      }

      @Override
      public ObjectLister objects() {
        return objects;
      }

      @Override
      public RandomGenerator random() {
        return random;
      }

      @Override
      public FilterRunner filterRunner() {
        return framework;
      }
    }
  }
}
