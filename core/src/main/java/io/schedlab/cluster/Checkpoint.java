package io.schedlab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.api.KubeObject;
import io.schedlab.api.codec.KubeCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A simulation stopped at a virtual time, written to a file: the store's every object (our etcd
 * snapshot, with its resource version and a SHA-256 digest) and what produced it (the scenario's
 * text and place, the scheduler configuration's text).
 *
 * <p>Restoring replays the recipe up to the same time and then checks that the store equals the
 * snapshot, digest for digest: the simulation is deterministic, so this rebuilds everything the
 * snapshot alone cannot hold (pending timers, queues, random generators) exactly, and a resumed
 * run writes the very events the uninterrupted run wrote after that time. A mismatch (a manifest
 * edited since, another schedlab version) is reported instead of continuing from a different
 * state.
 */
public record Checkpoint(String scenarioPath, String scenarioText, String schedulerConfigText,
    long atNanos, long resourceVersion, String digest, List<KubeObject> objects) {
  static final String FORMAT = "schedlab.io/checkpoint-v1";

  public Checkpoint {
    objects = List.copyOf(objects);
  }

  /** The checkpoint of {@code sim} now. */
  public static Checkpoint of(ClusterSimulation sim, Path scenario, String scenarioText,
      String schedulerConfigText) {
    List<KubeObject> objects = sim.store().snapshot();
    return new Checkpoint(scenario.toAbsolutePath().toString(), scenarioText,
        schedulerConfigText, sim.now(), sim.store().resourceVersion(), digest(objects), objects);
  }

  /** SHA-256 over the objects' canonical JSON, one per line. */
  public static String digest(List<KubeObject> objects) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (KubeObject o : objects) {
        md.update(KubeCodec.toJson(o).getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether {@code sim}'s store now holds exactly this snapshot. */
  public boolean matches(ClusterSimulation sim) {
    return sim.store().resourceVersion() == resourceVersion
        && digest.equals(digest(sim.store().snapshot()));
  }

  public void write(Path file) {
    ObjectNode root = KubeCodec.jsonMapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("scenarioPath", scenarioPath);
    root.put("scenario", scenarioText);
    if (schedulerConfigText != null) {
      root.put("schedulerConfig", schedulerConfigText);
    }
    root.put("atNanos", atNanos);
    root.put("resourceVersion", resourceVersion);
    root.put("digest", digest);
    ArrayNode items = root.putArray("objects");
    for (KubeObject o : objects) {
      items.add(KubeCodec.jsonMapper().valueToTree(o));
    }
    Path target = file.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
    try {
      Files.writeString(tmp, KubeCodec.toJson(root));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
    }
  }

  public static Checkpoint read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(file + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    JsonNode root;
    try {
      root = KubeCodec.jsonMapper().readTree(text);
    } catch (IOException e) {
      throw new ScenarioException(file + ": expected a schedlab checkpoint (JSON), got malformed"
          + " input");
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new ScenarioException(file + ": format: expected " + FORMAT);
    }
    for (String f : List.of("scenarioPath", "scenario", "atNanos", "resourceVersion", "digest")) {
      if (!root.has(f)) {
        throw new ScenarioException(file + ": " + f + ": missing");
      }
    }
    List<KubeObject> objects = KubeCodec.readAllText("{\"apiVersion\":\"v1\",\"kind\":\"List\","
        + "\"items\":" + root.path("objects") + "}", file.toString());
    return new Checkpoint(root.get("scenarioPath").asText(), root.get("scenario").asText(),
        root.has("schedulerConfig") ? root.get("schedulerConfig").asText() : null,
        root.get("atNanos").asLong(), root.get("resourceVersion").asLong(),
        root.get("digest").asText(), objects);
  }
}
