package io.schedlab.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.api.KubeObject;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import io.schedlab.sim.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link Scenario} from YAML. Every error names the file and the field, and says what was
 * expected; unknown fields are errors too, since a misspelt fault would otherwise silently not
 * happen.
 */
public final class ScenarioLoader {
  public static final String API_VERSION = "schedlab.io/v1alpha1";
  public static final String KIND = "Scenario";
  static final long DEFAULT_UNTIL = Durations.HOUR;
  /**
   * On a Node of a scenario: the folder of static pod manifests its kubelet runs (the kubelet's
   * --pod-manifest-path), relative to the scenario file.
   */
  public static final String STATIC_POD_PATH = "schedlab.io/static-pod-path";

  private final String file;
  private final Path baseDir;

  private ScenarioLoader(String file, Path baseDir) {
    this.file = file;
    this.baseDir = baseDir;
  }

  public static Scenario load(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(path + ": no such file");
    } catch (IOException e) {
      throw new ScenarioException(path + ": cannot read: " + e.getMessage());
    }
    Path dir = path.toAbsolutePath().getParent();
    return parse(text, path.toString(), dir);
  }

  /** Parses scenario text; relative manifest paths resolve against {@code baseDir}. */
  public static Scenario parse(String text, String file, Path baseDir) {
    return new ScenarioLoader(file, baseDir).read(text);
  }

  private Scenario read(String text) {
    JsonNode root;
    try {
      root = KubeCodec.yamlMapper().readTree(text);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new ScenarioException(file + (line > 0 ? ":" + line : "") + ": malformed YAML: "
          + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw fail("", "expected a Scenario object");
    }
    allow(root, "", Set.of("apiVersion", "kind", "metadata", "spec"));
    String apiVersion = text(root, "apiVersion", null);
    if (!API_VERSION.equals(apiVersion)) {
      throw fail("apiVersion", "expected " + API_VERSION + ", got " + quote(apiVersion));
    }
    String kind = text(root, "kind", null);
    if (!KIND.equals(kind)) {
      throw fail("kind", "expected " + KIND + ", got " + quote(kind));
    }
    JsonNode meta = root.path("metadata");
    String name = meta.isObject() ? text(meta, "name", "scenario") : "scenario";
    JsonNode spec = root.path("spec");
    if (!spec.isObject()) {
      throw fail("spec", "expected an object");
    }
    allow(spec, "spec", Set.of("seed", "until", "settings", "cluster", "workloads", "events"));
    long seed = spec.has("seed") ? integer(spec.get("seed"), "spec.seed") : 0;
    long until = spec.has("until") ? duration(spec.get("until"), "spec.until") : DEFAULT_UNTIL;
    ClusterSettings settings = settings(spec.path("settings"));

    List<KubeObject> cluster = new ArrayList<>();
    JsonNode c = spec.path("cluster");
    if (!c.isMissingNode()) {
      if (!c.isObject()) {
        throw fail("spec.cluster", "expected an object with manifests and/or objects");
      }
      allow(c, "spec.cluster", Set.of("manifests", "objects"));
      cluster.addAll(objects(c, "spec.cluster"));
    }
    List<Scenario.Action> actions = new ArrayList<>();
    JsonNode workloads = spec.path("workloads");
    if (!workloads.isMissingNode()) {
      if (!workloads.isArray()) {
        throw fail("spec.workloads", "expected a list of {at, manifests, objects}");
      }
      for (int i = 0; i < workloads.size(); i++) {
        String at = "spec.workloads[" + i + "]";
        JsonNode w = workloads.get(i);
        if (!w.isObject()) {
          throw fail(at, "expected an object");
        }
        allow(w, at, Set.of("at", "manifests", "objects"));
        long t = w.has("at") ? duration(w.get("at"), at + ".at") : 0;
        actions.add(new Scenario.Create(t, objects(w, at)));
      }
    }
    JsonNode events = spec.path("events");
    if (!events.isMissingNode()) {
      if (!events.isArray()) {
        throw fail("spec.events", "expected a list of {at, action, ...}");
      }
      for (int i = 0; i < events.size(); i++) {
        actions.add(event(events.get(i), "spec.events[" + i + "]"));
      }
    }
    // Stable by time: actions at one instant keep their file order.
    actions.sort(java.util.Comparator.comparingLong(Scenario.Action::atNanos));
    return new Scenario(name, seed, until, settings, cluster, actions, file);
  }

  private Scenario.Action event(JsonNode e, String at) {
    if (!e.isObject()) {
      throw fail(at, "expected an object with at and action");
    }
    if (!e.has("at")) {
      throw fail(at + ".at", "expected a time such as 60s");
    }
    long t = duration(e.get("at"), at + ".at");
    String action = text(e, "action", null);
    if (action == null) {
      throw fail(at + ".action", "expected one of crash-node, recover-node, partition-node,"
          + " heal-node, delete-instance, delete-pod, scale");
    }
    for (Scenario.NodeFault.Kind k : Scenario.NodeFault.Kind.values()) {
      if (k.action().equals(action)) {
        allow(e, at, Set.of("at", "action", "node"));
        String node = required(e, "node", at);
        return new Scenario.NodeFault(t, k, node);
      }
    }
    switch (action) {
      case "delete-pod" -> {
        allow(e, at, Set.of("at", "action", "pod"));
        String[] nn = namespaced(required(e, "pod", at), at + ".pod");
        return new Scenario.DeletePod(t, nn[0], nn[1]);
      }
      case "scale" -> {
        allow(e, at, Set.of("at", "action", "kind", "name", "replicas"));
        String kind = required(e, "kind", at);
        if (!Set.of("ReplicaSet", "Deployment", "StatefulSet", "Job").contains(kind)) {
          throw fail(at + ".kind", "expected ReplicaSet, Deployment, StatefulSet or Job, got "
              + quote(kind));
        }
        String[] nn = namespaced(required(e, "name", at), at + ".name");
        if (!e.has("replicas")) {
          throw fail(at + ".replicas", "expected a count >= 0");
        }
        long replicas = integer(e.get("replicas"), at + ".replicas");
        if (replicas < 0 || replicas > Integer.MAX_VALUE) {
          throw fail(at + ".replicas", "expected a count >= 0, got " + replicas);
        }
        return new Scenario.Scale(t, kind, nn[0], nn[1], (int) replicas);
      }
      default -> throw fail(at + ".action", "expected one of crash-node, recover-node,"
          + " partition-node, heal-node, delete-instance, delete-pod, scale, got " + quote(action));
    }
  }

  private List<KubeObject> objects(JsonNode holder, String at) {
    List<KubeObject> out = new ArrayList<>();
    JsonNode manifests = holder.path("manifests");
    if (!manifests.isMissingNode()) {
      if (!manifests.isArray()) {
        throw fail(at + ".manifests", "expected a list of files or folders");
      }
      for (int i = 0; i < manifests.size(); i++) {
        JsonNode m = manifests.get(i);
        if (!m.isTextual()) {
          throw fail(at + ".manifests[" + i + "]", "expected a path");
        }
        Path p = baseDir == null ? Path.of(m.asText()) : baseDir.resolve(m.asText());
        if (!Files.exists(p)) {
          throw fail(at + ".manifests[" + i + "]", "no such file or folder: " + p);
        }
        out.addAll(KubeCodec.readAll(p));
      }
    }
    JsonNode inline = holder.path("objects");
    if (!inline.isMissingNode()) {
      if (!inline.isArray()) {
        throw fail(at + ".objects", "expected a list of Kubernetes objects");
      }
      for (int i = 0; i < inline.size(); i++) {
        String where = file + ": " + at + ".objects[" + i + "]";
        try {
          out.addAll(KubeCodec.readAllText(KubeCodec.toJson(inline.get(i)), where));
        } catch (ManifestException e) {
          throw new ScenarioException(e.getMessage());
        }
      }
    }
    out.replaceAll(this::resolveStaticPodPath);
    return out;
  }

  /** A Node's static pod folder is relative to the scenario file; the run needs it absolute. */
  private KubeObject resolveStaticPodPath(KubeObject o) {
    String dir = o instanceof io.schedlab.api.Node
        ? o.metadata().annotations().get(STATIC_POD_PATH) : null;
    if (dir == null || baseDir == null || Path.of(dir).isAbsolute()) {
      return o;
    }
    Path p = baseDir.resolve(dir);
    if (!Files.isDirectory(p)) {
      throw fail("node " + o.metadata().name() + ": annotation " + STATIC_POD_PATH,
          "no such folder: " + p);
    }
    java.util.Map<String, String> a = new java.util.LinkedHashMap<>(o.metadata().annotations());
    a.put(STATIC_POD_PATH, p.toString());
    return o.withMetadata(o.metadata().withAnnotations(a));
  }

  private ClusterSettings settings(JsonNode s) {
    ClusterSettings d = ClusterSettings.DEFAULTS;
    if (s.isMissingNode()) {
      return d;
    }
    if (!s.isObject()) {
      throw fail("spec.settings", "expected an object");
    }
    allow(s, "spec.settings", Set.of("clusterCIDR", "nodeCIDRMaskSize", "serviceCIDR",
        "clusterDomain"));
    int mask = s.has("nodeCIDRMaskSize")
        ? (int) integer(s.get("nodeCIDRMaskSize"), "spec.settings.nodeCIDRMaskSize")
        : d.nodeCidrMaskSize();
    if (mask < 8 || mask > 30) {
      throw fail("spec.settings.nodeCIDRMaskSize", "expected 8..30, got " + mask);
    }
    return new ClusterSettings(text(s, "clusterCIDR", d.clusterCidr()), mask,
        text(s, "serviceCIDR", d.serviceCidr()), text(s, "clusterDomain", d.clusterDomain()));
  }

  private void allow(JsonNode node, String at, Set<String> fields) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!fields.contains(n)) {
        throw fail(at.isEmpty() ? n : at + "." + n, "unknown field; expected one of "
            + new java.util.TreeSet<>(fields));
      }
    }
  }

  private String required(JsonNode node, String field, String at) {
    String v = text(node, field, null);
    if (v == null || v.isEmpty()) {
      throw fail(at + "." + field, "expected a name");
    }
    return v;
  }

  private String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      throw fail(field, "expected a string, got " + v);
    }
    return v.asText();
  }

  private long integer(JsonNode v, String at) {
    if (!v.isIntegralNumber()) {
      throw fail(at, "expected an integer, got " + v);
    }
    return v.asLong();
  }

  private long duration(JsonNode v, String at) {
    try {
      long n = v.isNumber() ? Durations.seconds(v.asDouble()) : Durations.parse(v.asText());
      if (n < 0) {
        throw fail(at, "expected a time >= 0, got " + v.asText());
      }
      return n;
    } catch (IllegalArgumentException e) {
      throw fail(at, "expected a duration such as 90s, 5m or 1h30m, got " + quote(v.asText()));
    }
  }

  private String[] namespaced(String key, String at) {
    int slash = key.indexOf('/');
    if (slash == 0 || slash == key.length() - 1 || key.indexOf('/', slash + 1) >= 0) {
      throw fail(at, "expected namespace/name or name, got " + quote(key));
    }
    return slash < 0 ? new String[] {"default", key}
        : new String[] {key.substring(0, slash), key.substring(slash + 1)};
  }

  private ScenarioException fail(String field, String message) {
    return new ScenarioException(file + ": " + (field.isEmpty() ? "" : field + ": ") + message);
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }
}
