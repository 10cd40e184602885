package io.schedlab.conformance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.api.codec.KubeCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One conformance file as SCHEMA.md lays it out: the plugin, file-level args and profile, and the
 * cases as JSON. Keys the runner does not know are kept so that the cases can fail with them
 * named instead of being run with part of their meaning ignored.
 *
 * @param name the file's name relative to the run's directory, as failure lines print it
 */
public record CaseFile(
    String name, String plugin, JsonNode args, JsonNode profile, List<ObjectNode> cases, List<String> unknownKeys) {
  static final Set<String> KEYS = Set.of("source", "plugin", "args", "profile", "notes", "cases");

  private static final ObjectMapper JSON = KubeCodec.jsonMapper();

  public CaseFile {
    cases = List.copyOf(cases);
    unknownKeys = List.copyOf(unknownKeys);
  }

  /** Reads and checks the structure of one file; any problem is a {@link ConformanceInputException}. */
  public static CaseFile read(Path path, String name) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new ConformanceInputException(name, "no such file");
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String at = l == null || l.getLineNr() < 1 ? "" : l.getLineNr() + ":" + l.getColumnNr() + ": ";
      throw new ConformanceInputException(name, at + "malformed JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConformanceInputException(name, "cannot read: " + e.getMessage());
    }
    if (!(root instanceof ObjectNode obj)) {
      throw new ConformanceInputException(name, "expected a JSON object with \"plugin\" and \"cases\"");
    }
    JsonNode plugin = obj.get("plugin");
    if (plugin == null || !plugin.isTextual() || plugin.asText().isEmpty()) {
      throw new ConformanceInputException(name, "plugin: expected a plugin name");
    }
    JsonNode cases = obj.get("cases");
    if (cases == null || !cases.isArray()) {
      throw new ConformanceInputException(name, "cases: expected a list of cases");
    }
    List<ObjectNode> list = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      if (!(c instanceof ObjectNode co)) {
        throw new ConformanceInputException(name, "cases[" + i + "]: expected an object");
      }
      JsonNode caseName = co.get("name");
      if (caseName == null || !caseName.isTextual()) {
        throw new ConformanceInputException(name, "cases[" + i + "].name: expected a string");
      }
      list.add(co);
    }
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        unknown.add(key);
      }
    }
    return new CaseFile(name, plugin.asText(), present(obj.get("args")), present(obj.get("profile")), list, unknown);
  }

  private static JsonNode present(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    // Jackson appends where an unclosed array or object began, naming a redacted source.
    int marker = line.indexOf(" (start marker at ");
    return marker < 0 ? line : line.substring(0, marker);
  }
}
