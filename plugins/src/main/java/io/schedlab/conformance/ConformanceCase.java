package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import io.schedlab.framework.Handle;
import io.schedlab.framework.Plugin;
import io.schedlab.framework.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of a conformance file, with what scenarios need to read it: its inputs and
 * expectations as JSON, the effective plugin args, typed decoding of API objects, the static
 * world built from it (on first use) and the plugin under test.
 */
public final class ConformanceCase {
  private static final ObjectNode NO_EXPECTATIONS = JsonNodeFactory.instance.objectNode();

  private final CaseFile file;
  private final ObjectNode json;
  private final Registry registry;
  private CaseWorld world;

  public ConformanceCase(CaseFile file, ObjectNode json, Registry registry) {
    this.file = file;
    this.json = json;
    this.registry = registry;
  }

  public String name() {
    return json.get("name").asText();
  }

  public CaseFile file() {
    return file;
  }

  /** The file name as failure lines print it. */
  public String fileName() {
    return file.name();
  }

  /** The plugin (or helper) the file is about. */
  public String plugin() {
    return file.plugin();
  }

  public Registry registry() {
    return registry;
  }

  /** The raw case. */
  public ObjectNode json() {
    return json;
  }

  /** An input of the case, or null when absent or null. */
  public JsonNode input(String key) {
    JsonNode n = json.get(key);
    return n == null || n.isNull() ? null : n;
  }

  public boolean has(String key) {
    return input(key) != null;
  }

  /** The case's {@code expect} object (empty when absent). */
  public ObjectNode expect() {
    JsonNode e = json.get("expect");
    return e instanceof ObjectNode o ? o : NO_EXPECTATIONS;
  }

  /** Case-level args when the case has them (they replace the file's entirely), else the file's; null = defaults. */
  public JsonNode args() {
    return json.has("args") ? input("args") : file.args();
  }

  /** The plugins of the case's profile (case level, else file level); empty when none is given. */
  public List<String> profile() {
    JsonNode p = json.has("profile") ? input("profile") : file.profile();
    if (p == null) {
      return List.of();
    }
    if (!p.isArray()) {
      throw new NotEvaluatedException("profile: expected a list of plugin names");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : p) {
      if (!n.isTextual()) {
        throw new NotEvaluatedException("profile: expected a list of plugin names, found " + n);
      }
      names.add(n.asText());
    }
    return names;
  }

  /** Decodes an API object; {@code where} names it in the error (e.g. {@code nodes[2]}). */
  public <T> T decode(JsonNode node, Class<T> type, String where) {
    if (node == null || !node.isObject()) {
      throw new ConformanceInputException(
          fileName(), "case \"" + name() + "\": " + where + ": expected an object");
    }
    try {
      return KubeCodec.read(node.toString(), type);
    } catch (ManifestException e) {
      throw new ConformanceInputException(
          fileName(), "case \"" + name() + "\": " + where + ": " + e.getMessage());
    }
  }

  /** Decodes the list input {@code key} (absent = empty). */
  public <T> List<T> decodeList(String key, Class<T> type) {
    JsonNode n = input(key);
    if (n == null) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new ConformanceInputException(
          fileName(), "case \"" + name() + "\": " + key + ": expected a list");
    }
    List<T> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(decode(n.get(i), type, key + "[" + i + "]"));
    }
    return out;
  }

  /** The static world of this case, built on first use. */
  public CaseWorld world() {
    if (world == null) {
      world = CaseWorld.of(this);
    }
    return world;
  }

  /** The plugin under test, built with the effective args on the world's handle. */
  public Plugin createPlugin() {
    return createPlugin(world().handle());
  }

  /**
   * The plugin under test on {@code handle}. A name the registry does not know cannot be
   * evaluated; invalid args propagate as {@link io.schedlab.framework.PluginArgsException}.
   */
  public Plugin createPlugin(Handle handle) {
    if (!registry.contains(plugin())) {
      throw new NotEvaluatedException("plugin \"" + plugin() + "\" is not registered");
    }
    return registry.create(plugin(), args(), handle);
  }
}
