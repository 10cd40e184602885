package io.schedlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The events a {@code simulate --events-out} run wrote, read back for assertions. */
final class EventLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventLog() {}

  /** Every event, in file order. */
  static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** The events of one type whose pod key starts with {@code podPrefix}, in file order. */
  static List<JsonNode> of(Path file, String type, String podPrefix) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : read(file)) {
      if (e.get("type").asText().equals(type) && e.path("pod").asText().startsWith(podPrefix)) {
        out.add(e);
      }
    }
    return out;
  }
}
