package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.framework.Code;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of expectation values; a value of the wrong shape makes the case not evaluable. */
public final class ExpectValues {
  private ExpectValues() {}

  public static Code code(JsonNode n, String where) {
    String s = text(n, where);
    try {
      return Code.fromUpstreamName(s);
    } catch (IllegalArgumentException e) {
      throw new NotEvaluatedException(where + ": " + e.getMessage());
    }
  }

  public static String text(JsonNode n, String where) {
    if (n == null || !n.isTextual()) {
      throw new NotEvaluatedException(where + ": expected a string, found " + n);
    }
    return n.asText();
  }

  public static long integer(JsonNode n, String where) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new NotEvaluatedException(where + ": expected an integer, found " + n);
    }
    return n.asLong();
  }

  public static boolean bool(JsonNode n, String where) {
    if (n == null || !n.isBoolean()) {
      throw new NotEvaluatedException(where + ": expected true or false, found " + n);
    }
    return n.asBoolean();
  }

  /** An object's entries, in file order. */
  public static Map<String, JsonNode> object(JsonNode n, String where) {
    if (n == null || !n.isObject()) {
      throw new NotEvaluatedException(where + ": expected an object, found " + n);
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  public static List<String> texts(JsonNode n, String where) {
    if (n == null || !n.isArray()) {
      throw new NotEvaluatedException(where + ": expected a list of strings, found " + n);
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(text(n.get(i), where + "[" + i + "]"));
    }
    return out;
  }
}
