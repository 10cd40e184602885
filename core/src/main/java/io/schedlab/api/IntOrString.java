package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * {@code intstr.IntOrString}: a JSON integer or a JSON string (usually a percentage such as
 * {@code "25%"}). Exactly one of the two components is set, and it is written back in the form
 * it was read.
 */
@JsonDeserialize(using = IntOrString.JsonReader.class)
public record IntOrString(Integer intVal, String strVal) {

  public IntOrString {
    if ((intVal == null) == (strVal == null)) {
      throw new IllegalArgumentException("IntOrString needs exactly one of intVal and strVal");
    }
  }

  public static IntOrString ofInt(int value) {
    return new IntOrString(value, null);
  }

  public static IntOrString ofString(String value) {
    return new IntOrString(null, value);
  }

  public boolean isInt() {
    return intVal != null;
  }

  @JsonValue
  Object jsonValue() {
    return intVal != null ? intVal : strVal;
  }

  /**
   * {@code intstr.GetScaledValueFromIntOrPercent}: an integer as is, or a percentage of {@code
   * total} rounded up or down.
   *
   * @throws IllegalArgumentException for a string that is not an integer percentage
   */
  public int scaled(int total, boolean roundUp) {
    if (intVal != null) {
      return intVal;
    }
    if (!strVal.endsWith("%")) {
      throw new IllegalArgumentException(
          "invalid value for IntOrString: invalid type: string is not a percentage: \""
              + strVal + "\"");
    }
    int percent = parsePercent(strVal.substring(0, strVal.length() - 1));
    // Same float arithmetic as upstream, so results agree at the rounding edges.
    double scaled = (double) percent * (double) total / 100;
    return (int) (roundUp ? Math.ceil(scaled) : Math.floor(scaled));
  }

  private int parsePercent(String digits) {
    int i = 0;
    boolean negative = false;
    if (!digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-')) {
      negative = digits.charAt(0) == '-';
      i = 1;
    }
    if (i == digits.length()) {
      throw invalidPercent();
    }
    long v = 0;
    for (; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw invalidPercent();
      }
      v = v * 10 + (c - '0');
      if (v > Integer.MAX_VALUE + 1L) {
        throw invalidPercent();
      }
    }
    v = negative ? -v : v;
    if (v != (int) v) {
      throw invalidPercent();
    }
    return (int) v;
  }

  private IllegalArgumentException invalidPercent() {
    return new IllegalArgumentException(
        "invalid value for IntOrString: invalid value \"" + strVal + "\"");
  }

  @Override
  public String toString() {
    return String.valueOf(jsonValue());
  }

  /** Reads a JSON integer or string; anything else is a type error. */
  static final class JsonReader extends StdDeserializer<IntOrString> {
    JsonReader() {
      super(IntOrString.class);
    }

    @Override
    public IntOrString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        return ofInt(p.getIntValue());
      }
      if (t == JsonToken.VALUE_STRING) {
        return ofString(p.getText());
      }
      return (IntOrString) ctxt.handleUnexpectedToken(IntOrString.class, p);
    }
  }
}
