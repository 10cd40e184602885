package io.schedlab.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Short descriptions of JSON values for error messages: what was found. */
final class JsonValues {
  private static final int MAX_TEXT = 60;

  private JsonValues() {}

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String text = node.asText();
      return "\"" + (text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text) + "\"";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return node.asText();
  }
}
