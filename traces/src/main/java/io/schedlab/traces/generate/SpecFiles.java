package io.schedlab.traces.generate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.schedlab.api.codec.KubeCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads generator specs and fitted documents (YAML, or JSON which is YAML too) strictly: an
 * unknown field is an error, since a misspelt field silently ignored would generate another trace
 * than the one meant. Errors name the file, the field path and the line.
 */
public final class SpecFiles {
  private static final ObjectMapper YAML = KubeCodec.yamlMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private SpecFiles() {}

  public static GeneratorSpec readSpec(Path file) {
    return read(file, GeneratorSpec.class);
  }

  public static GeneratorSpec readSpec(String text, String origin) {
    return read(text, origin, GeneratorSpec.class);
  }

  public static FitDocument readFit(Path file) {
    return read(file, FitDocument.class);
  }

  /** The document as YAML (JSON when {@code file} ends in {@code .json}). */
  public static void writeFit(FitDocument fit, Path file) {
    try {
      ObjectMapper m = file.toString().endsWith(".json") ? KubeCodec.jsonMapper() : YAML;
      m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), fit);
    } catch (IOException e) {
      throw new GeneratorSpecException(file.toString(), "", "cannot write: " + e.getMessage(), e);
    }
  }

  public static String toYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new GeneratorSpecException(file.toString(), "", "no such file");
    } catch (IOException e) {
      throw new GeneratorSpecException(file.toString(), "", "cannot read: " + e.getMessage(), e);
    }
    return read(text, file.toString(), type);
  }

  static <T> T read(String text, String origin, Class<T> type) {
    try {
      T value = YAML.readValue(text, type);
      if (value == null) {
        throw new GeneratorSpecException(origin, "", "the document is empty");
      }
      return value;
    } catch (JsonMappingException e) {
      throw new GeneratorSpecException(origin, path(e), detail(e), e);
    } catch (JacksonException e) {
      throw new GeneratorSpecException(origin, "", detail(e), e);
    } catch (IOException e) {
      throw new GeneratorSpecException(origin, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      }
    }
    return b.toString();
  }

  private static String detail(JacksonException e) {
    if (e instanceof MismatchedInputException m && m.getTargetType() != null
        && !(e instanceof UnrecognizedPropertyException)) {
      return withLine("expected " + describe(m.getTargetType()), e);
    }
    String msg = e.getOriginalMessage();
    if (msg == null) {
      msg = "malformed";
    }
    int nl = msg.indexOf('\n');
    if (nl >= 0) {
      msg = msg.substring(0, nl);
    }
    // Jackson's own wording names Java classes; keep the part a spec writer can act on.
    int paren = msg.indexOf(" (class ");
    if (paren >= 0) {
      msg = msg.substring(0, paren);
    }
    return withLine(msg.strip(), e);
  }

  private static String withLine(String msg, JacksonException e) {
    JsonLocation loc = e.getLocation();
    return loc != null && loc.getLineNr() > 0 ? msg + " (line " + loc.getLineNr() + ")" : msg;
  }

  private static String describe(Class<?> type) {
    if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == io.schedlab.api.Quantity.class) {
      return "a quantity such as 500m or 2Gi";
    }
    return "a mapping";
  }
}
