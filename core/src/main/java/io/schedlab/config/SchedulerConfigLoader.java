package io.schedlab.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration} from YAML or JSON
 * (JSON is YAML) and resolves it against a plugin catalog. Every failure is a {@link
 * ConfigException} naming the source and the place in it.
 */
public final class SchedulerConfigLoader {
  private static final Set<String> OLD_API_VERSIONS = Set.of(
      "kubescheduler.config.k8s.io/v1alpha1",
      "kubescheduler.config.k8s.io/v1alpha2",
      "kubescheduler.config.k8s.io/v1beta1",
      "kubescheduler.config.k8s.io/v1beta2",
      "kubescheduler.config.k8s.io/v1beta3");
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

  // Strict like upstream's decoder: no duplicate keys, no "16" or 1.5 where an integer belongs,
  // no 5 where a string belongs.
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Integer, c -> c
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
      .build();

  private SchedulerConfigLoader() {}

  /** Reads and resolves the configuration in {@code file}; the file name is the error source. */
  public static SchedulerConfig load(Path file, PluginCatalog catalog) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw ConfigException.atField(source, null, "no such file");
    } catch (CharacterCodingException e) {
      throw ConfigException.atField(source, null, "not UTF-8 text");
    } catch (IOException e) {
      throw ConfigException.atField(source, null, "cannot read: " + e.getMessage());
    }
    return parse(text, source, catalog);
  }

  /** Parses and resolves {@code yamlOrJson}; {@code sourceName} starts every error message. */
  public static SchedulerConfig parse(String yamlOrJson, String sourceName, PluginCatalog catalog) {
    return ConfigResolver.resolve(read(yamlOrJson, sourceName), sourceName, catalog);
  }

  /**
   * Resolves a configuration built in code rather than read from a file: defaults, merge,
   * expansion and validation as for a file; apiVersion and kind are not looked at.
   */
  public static SchedulerConfig resolve(
      KubeSchedulerConfiguration raw, String sourceName, PluginCatalog catalog) {
    return ConfigResolver.resolve(raw, sourceName, catalog);
  }

  /** The document as written, with apiVersion and kind checked and nothing defaulted. */
  static KubeSchedulerConfiguration read(String text, String source) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, source);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw ConfigException.atField(source, null,
          "empty document; expected a " + KubeSchedulerConfiguration.KIND);
    }
    if (!tree.isObject()) {
      throw ConfigException.atField(source, null,
          "expected a mapping at the top level, got " + JsonValues.describe(tree));
    }
    checkTypeMeta(tree, source);
    JsonNode extenders = tree.get("extenders");
    if (extenders != null && !extenders.isEmpty()) {
      throw ConfigException.atField(source, "extenders",
          "not supported by schedlab (extenders are HTTP services outside the scheduler)");
    }
    try {
      return MAPPER.readValue(text, KubeSchedulerConfiguration.class);
    } catch (JsonMappingException e) {
      throw typeError(e, tree, source);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, source);
    }
  }

  private static void checkTypeMeta(JsonNode tree, String source) {
    JsonNode apiVersion = tree.get("apiVersion");
    String wanted = "\"" + KubeSchedulerConfiguration.API_VERSION + "\"";
    if (apiVersion == null || apiVersion.isNull()) {
      throw ConfigException.atField(source, "apiVersion", "required, expected " + wanted);
    }
    String version = apiVersion.isTextual() ? apiVersion.asText() : null;
    if (OLD_API_VERSIONS.contains(version)) {
      throw ConfigException.atField(source, "apiVersion",
          "\"" + version + "\" is no longer supported; use " + wanted);
    }
    if (!KubeSchedulerConfiguration.API_VERSION.equals(version)) {
      throw ConfigException.atField(source, "apiVersion",
          "expected " + wanted + ", got " + JsonValues.describe(apiVersion));
    }
    JsonNode kind = tree.get("kind");
    String wantedKind = "\"" + KubeSchedulerConfiguration.KIND + "\"";
    if (kind == null || kind.isNull()) {
      throw ConfigException.atField(source, "kind", "required, expected " + wantedKind);
    }
    if (!kind.isTextual() || !KubeSchedulerConfiguration.KIND.equals(kind.asText())) {
      throw ConfigException.atField(source, "kind",
          "expected " + wantedKind + ", got " + JsonValues.describe(kind));
    }
  }

  private static ConfigException syntaxError(JsonProcessingException e, String source) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml
        && yaml.getProblemMark() != null) {
      String problem = yaml.getContext() == null
          ? yaml.getProblem()
          : yaml.getContext() + ": " + yaml.getProblem();
      return ConfigException.atPosition(source, yaml.getProblemMark().getLine() + 1,
          yaml.getProblemMark().getColumn() + 1, null, "invalid YAML: " + oneLine(problem));
    }
    String problem = e.getOriginalMessage();
    Matcher duplicate = DUPLICATE_FIELD.matcher(problem);
    if (duplicate.matches()) {
      problem = "duplicate field \"" + duplicate.group(1) + "\"";
    } else {
      problem = "invalid YAML or JSON: " + oneLine(problem);
    }
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return ConfigException.atField(source, null, problem);
    }
    return ConfigException.atPosition(
        source, location.getLineNr(), location.getColumnNr(), null, problem);
  }

  /** A value of the wrong type: names the field path, what it should be and what it is. */
  private static ConfigException typeError(JsonMappingException e, JsonNode tree, String source) {
    StringBuilder field = new StringBuilder();
    JsonNode found = tree;
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(reference.getFieldName());
        found = found == null ? null : found.get(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
        found = found == null ? null : found.get(reference.getIndex());
      }
    }
    String problem;
    if (e.getCause() instanceof InputCoercionException) {
      problem = "expected an integer, got " + JsonValues.describe(found) + " (out of range)";
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      problem = "expected " + expected(mismatch.getTargetType()) + ", got "
          + JsonValues.describe(found);
    } else {
      problem = "invalid value " + JsonValues.describe(found) + ": " + oneLine(
          e.getOriginalMessage());
    }
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 1) {
      return ConfigException.atField(source, field.toString(), problem);
    }
    return ConfigException.atPosition(
        source, location.getLineNr(), location.getColumnNr(), field.toString(), problem);
  }

  private static String expected(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "an integer";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping";
    }
    return type.getSimpleName();
  }

  private static String oneLine(String text) {
    List<String> lines = text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    return String.join(" ", lines);
  }
}
