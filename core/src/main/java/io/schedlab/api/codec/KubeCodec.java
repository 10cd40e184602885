package io.schedlab.api.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.schedlab.api.GenericObject;
import io.schedlab.api.IntOrString;
import io.schedlab.api.KubeObject;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes Kubernetes objects as JSON and YAML.
 *
 * <p>Reading is as strict as the API server's decoder about types (a number where a string is
 * expected, {@code 1.5} for an integer, a list for an object: all errors) and lenient about
 * fields (unknown ones are ignored). Quantities may be written as strings or numbers.
 *
 * <p>{@link #readAll(Path)} reads a file or a whole folder: every {@code .yaml}, {@code .yml} and
 * {@code .json} file below it, in path order; multi-document YAML ({@code ---}), {@code kind:
 * List} and any {@code ...List} kind are expanded into their items; known kinds become their
 * records ({@link KubeKinds}), others {@link GenericObject}. In a folder, a file none of whose
 * documents has a {@code kind} (a tool's own data file) is skipped with a warning, see {@link
 * #readAllWithWarnings}; a single file named directly must hold Kubernetes objects. Every error
 * is a {@link ManifestException} with a one-line message naming the file and location.
 */
public final class KubeCodec {
  private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
  private static final YAMLMapper YAML = configure(YAMLMapper.builder(yamlFactory())).build();

  private KubeCodec() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions loader = new LoaderOptions();
    // The default 3 MB cap is too small for a cluster snapshot in one file.
    loader.setCodePointLimit(Integer.MAX_VALUE);
    return YAMLFactory.builder()
        .loaderOptions(loader)
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .build();
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B b) {
    b.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        // Go's decoder refuses a number or boolean where a string belongs; so do we.
        .withCoercionConfig(LogicalType.Textual, c -> c
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    return b;
  }

  /** A copy of the JSON mapper, configured as this codec reads and writes. */
  public static ObjectMapper jsonMapper() {
    return JSON.copy();
  }

  /** A copy of the YAML mapper, configured as this codec reads and writes. */
  public static YAMLMapper yamlMapper() {
    return YAML.copy();
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads one JSON or YAML document into {@code type}. With {@code KubeObject.class} the record
   * class is chosen by the document's {@code kind}.
   *
   * @throws ManifestException for malformed text, a wrong type, or not exactly one document
   */
  public static <T> T read(String text, Class<T> type) {
    List<JsonNode> docs = parseText(text, null);
    List<JsonNode> nonEmpty = new ArrayList<>();
    for (JsonNode d : docs) {
      if (!isEmptyDocument(d)) {
        nonEmpty.add(d);
      }
    }
    if (nonEmpty.size() != 1) {
      throw new ManifestException(null, null,
          "expected exactly one document, found " + nonEmpty.size());
    }
    JsonNode doc = nonEmpty.get(0);
    if (type == KubeObject.class) {
      List<KubeObject> out = new ArrayList<>();
      expand(doc, null, null, "", out);
      if (out.size() != 1) {
        throw new ManifestException(null, null, "expected one object, found " + out.size());
      }
      return type.cast(out.get(0));
    }
    return convert(doc, type, null, null, "");
  }

  /**
   * All objects in a file or, recursively, in a folder, in order; skipped files are dropped
   * silently (see {@link #readAllWithWarnings} to see them).
   */
  public static List<KubeObject> readAll(Path path) {
    return readAllWithWarnings(path).objects();
  }

  /** All objects in a file or folder, with a warning for each folder file that was skipped. */
  public static ReadResult readAllWithWarnings(Path path) {
    List<KubeObject> objects = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (Files.isDirectory(path)) {
      for (Path file : manifestFiles(path)) {
        readFile(file, false, objects, warnings);
      }
    } else {
      readFile(path, true, objects, warnings);
    }
    return new ReadResult(objects, warnings);
  }

  /**
   * All objects in a text of one or more documents (YAML, or JSON when it starts with {@code {}
   * or {@code [}); {@code source} names the text in error messages and may be null.
   */
  public static List<KubeObject> readAllText(String text, String source) {
    List<KubeObject> out = new ArrayList<>();
    readDocuments(parseText(text, source), source, true, out, new ArrayList<>());
    return out;
  }

  /** Parses JSON-looking text as JSON, falling back to YAML for YAML flow style ({a: b}). */
  private static List<JsonNode> parseText(String text, String source) {
    if (!isJsonText(text)) {
      return parseDocuments(text, false, source);
    }
    try {
      return parseDocuments(text, true, source);
    } catch (ManifestException jsonError) {
      try {
        return parseDocuments(text, false, source);
      } catch (ManifestException yamlError) {
        throw jsonError;
      }
    }
  }

  private static List<Path> manifestFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> isManifestName(p.getFileName().toString()))
          .filter(p -> !isHidden(dir.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ManifestException(dir.toString(), null, ioMessage(e));
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManifestName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static void readFile(
      Path file, boolean single, List<KubeObject> objects, List<String> warnings) {
    String name = file.toString();
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ManifestException(name, null, "not valid UTF-8 text");
    } catch (IOException e) {
      throw new ManifestException(name, null, ioMessage(e));
    }
    boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
    readDocuments(parseDocuments(text, json, name), name, single, objects, warnings);
  }

  private static void readDocuments(List<JsonNode> docs, String file, boolean single,
      List<KubeObject> objects, List<String> warnings) {
    boolean anyKind = false;
    for (JsonNode doc : docs) {
      if (doc instanceof ObjectNode o && o.has("kind")) {
        anyKind = true;
        break;
      }
    }
    if (!anyKind && !single) {
      boolean empty = true;
      for (JsonNode doc : docs) {
        empty &= isEmptyDocument(doc);
      }
      if (!empty) {
        warnings.add(file + ": skipped, holds no Kubernetes object (no \"kind\" field)");
      }
      return;
    }
    for (int i = 0; i < docs.size(); i++) {
      JsonNode doc = docs.get(i);
      if (isEmptyDocument(doc)) {
        continue;
      }
      String where = "document " + (i + 1);
      expand(doc, file, where, "", objects);
    }
  }

  /** An empty YAML document ({@code ---} then nothing, or only comments) reads as null or "". */
  private static boolean isEmptyDocument(JsonNode doc) {
    return doc == null || doc.isMissingNode() || doc.isNull()
        || (doc.isTextual() && doc.asText().isEmpty());
  }

  /** Adds the object of one document or list item to {@code out}, or a list's items. */
  private static void expand(JsonNode node, String file, String where, String path,
      List<KubeObject> out) {
    if (!(node instanceof ObjectNode obj)) {
      throw new ManifestException(file, location(where, path),
          "expected a Kubernetes object, got " + describeNode(node));
    }
    JsonNode kindNode = obj.get("kind");
    if (kindNode == null || kindNode.isNull()) {
      throw new ManifestException(file, location(where, path), "missing \"kind\"");
    }
    if (!kindNode.isTextual()) {
      throw new ManifestException(file, location(where, join(path, "kind")),
          "expected a string, got " + describeNode(kindNode));
    }
    String kind = kindNode.asText();
    JsonNode items = obj.get("items");
    if (KubeKinds.isListKind(kind, items != null)) {
      if (items == null || items.isNull()) {
        return;
      }
      if (!items.isArray()) {
        throw new ManifestException(file, location(where, join(path, "items")),
            "expected a list, got " + describeNode(items));
      }
      String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - 4);
      JsonNode listApiVersion = obj.get("apiVersion");
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        String itemPath = join(path, "items") + "[" + i + "]";
        if (item instanceof ObjectNode itemObj && itemKind != null && !itemObj.hasNonNull("kind")) {
          // Items of a typed list (PodList) usually omit their kind and apiVersion.
          ObjectNode filled = itemObj.deepCopy();
          filled.put("kind", itemKind);
          if (!filled.hasNonNull("apiVersion") && listApiVersion != null) {
            filled.set("apiVersion", listApiVersion);
          }
          item = filled;
        }
        expand(item, file, where, itemPath, out);
      }
      return;
    }
    Class<? extends KubeObject> type = KubeKinds.classFor(kind);
    if (type != null) {
      out.add(convert(obj, type, file, where, path));
    } else {
      JsonNode apiVersion = obj.get("apiVersion");
      JsonNode meta = obj.get("metadata");
      ObjectMeta metadata = meta == null
          ? null
          : convert(meta, ObjectMeta.class, file, where, join(path, "metadata"));
      out.add(new GenericObject(
          apiVersion == null || apiVersion.isNull() ? null : apiVersion.asText(),
          kind, metadata, obj));
    }
  }

  private static <T> T convert(JsonNode node, Class<T> type, String file, String where,
      String path) {
    // Not try-with-resources: describing an error reads the parser's current token, so the
    // parser must still be open in the catch blocks.
    JsonParser p = JSON.treeAsTokens(node);
    try {
      return JSON.readerFor(type).readValue(p);
    } catch (JsonMappingException e) {
      throw new ManifestException(file, location(where, join(path, renderPath(e))),
          describe(e), e);
    } catch (IOException e) {
      throw new ManifestException(file, location(where, path), ioMessage(e), e);
    } finally {
      try {
        p.close();
      } catch (IOException ignored) {
        // a tree parser holds no resource
      }
    }
  }

  private static List<JsonNode> parseDocuments(String text, boolean json, String file) {
    ObjectMapper mapper = json ? JSON : YAML;
    List<JsonNode> docs = new ArrayList<>();
    // One tree per top-level value: a YAML document, or one of several concatenated JSON values.
    // (A MappingIterator would also split a top-level array, which is not a document stream.)
    try (JsonParser p = mapper.createParser(text)) {
      while (p.nextToken() != null) {
        JsonNode doc = mapper.readTree(p);
        docs.add(doc);
      }
    } catch (JsonProcessingException e) {
      throw syntaxError(e, json, file);
    } catch (IOException e) {
      throw new ManifestException(file, null, ioMessage(e), e);
    }
    return docs;
  }

  private static ManifestException syntaxError(JsonProcessingException e, boolean json,
      String file) {
    String what = json ? "malformed JSON: " : "malformed YAML: ";
    MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
    if (marked != null) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
      String loc = mark == null ? null : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      return new ManifestException(file, loc, what + problem, e);
    }
    JsonLocation l = e.getLocation();
    String loc = l == null || l.getLineNr() < 1 ? null : l.getLineNr() + ":" + l.getColumnNr();
    String detail = e.getOriginalMessage();
    if (e instanceof MismatchedInputException && detail != null
        && detail.startsWith("Duplicate field")) {
      detail = "duplicate key " + between(detail, '\'', '\'');
    }
    return new ManifestException(file, loc, what + ManifestException.oneLine(detail), e);
  }

  private static String between(String s, char open, char close) {
    int a = s.indexOf(open);
    int b = a < 0 ? -1 : s.indexOf(close, a + 1);
    return a < 0 || b < 0 ? s : "\"" + s.substring(a + 1, b) + "\"";
  }

  private static <X extends Throwable> X findCause(Throwable t, Class<X> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static boolean isJsonText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- error text

  private static String location(String where, String path) {
    if (where == null) {
      return path == null || path.isEmpty() ? null : path;
    }
    return path == null || path.isEmpty() ? where : where + ", " + path;
  }

  private static String join(String prefix, String path) {
    if (prefix == null || prefix.isEmpty()) {
      return path;
    }
    if (path == null || path.isEmpty()) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }

  /** Jackson's path reference as {@code a.b[0].c}; a map key with dots is quoted. */
  static String renderPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      String field = ref.getFieldName();
      if (field != null) {
        if (field.indexOf('.') >= 0 || field.indexOf(' ') >= 0 || field.isEmpty()) {
          sb.append("[\"").append(field).append("\"]");
        } else {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(field);
        }
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof InvalidFormatException f
        && (f.getTargetType() == Quantity.class || f.getTargetType() == IntOrString.class)) {
      return e.getOriginalMessage();
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      JsonToken token = null;
      Object processor = m.getProcessor();
      if (processor instanceof JsonParser p) {
        token = p.currentToken();
      }
      return "expected " + describeType(m.getTargetType()) + ", got " + describeToken(token, m);
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    Throwable cause = e.getCause();
    if (cause instanceof InputCoercionException ic) {
      String text = null;
      try {
        text = ic.getProcessor() instanceof JsonParser p ? p.getText() : null;
      } catch (IOException ignored) {
        // keep the generic wording
      }
      String range = ic.getTargetType() == Integer.TYPE || ic.getTargetType() == Integer.class
          ? "a 32-bit integer" : "a 64-bit integer";
      return "expected " + range + ", got " + (text == null ? "a larger number" : text);
    }
    if (cause instanceof JacksonException je) {
      return je.getOriginalMessage();
    }
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    return e.getOriginalMessage();
  }

  private static String describeType(Class<?> t) {
    if (t == String.class) {
      return "a string";
    }
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class
        || t == Short.class || t == short.class) {
      return "an integer";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "a boolean";
    }
    if (Number.class.isAssignableFrom(t) || t == double.class || t == float.class) {
      return "a number";
    }
    if (t == Quantity.class) {
      return "a quantity (string or number)";
    }
    if (t == IntOrString.class) {
      return "an integer or a string";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(t)) {
      return "a map";
    }
    return "an object";
  }

  private static String describeToken(JsonToken token, MismatchedInputException e) {
    if (token == null) {
      return "something else";
    }
    return switch (token) {
      case START_OBJECT, FIELD_NAME, END_OBJECT -> "an object";
      case START_ARRAY, END_ARRAY -> "a list";
      case VALUE_STRING -> "a string" + quotedValue(e);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number" + plainValue(e);
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> "something else";
    };
  }

  private static String quotedValue(MismatchedInputException e) {
    String v = tokenText(e);
    return v == null ? "" : " \"" + abbreviate(v) + "\"";
  }

  private static String plainValue(MismatchedInputException e) {
    String v = tokenText(e);
    return v == null ? "" : " " + abbreviate(v);
  }

  private static String tokenText(MismatchedInputException e) {
    try {
      return e.getProcessor() instanceof JsonParser p ? p.getText() : null;
    } catch (IOException ignored) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 40 ? one : one.substring(0, 37) + "...";
  }

  private static String describeNode(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "null";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isTextual()) {
      return "a string \"" + abbreviate(n.asText()) + "\"";
    }
    if (n.isNumber()) {
      return "the number " + n.asText();
    }
    return n.asText();
  }

  private static String ioMessage(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof UncheckedIOException u) {
      return ioMessage(u.getCause());
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : ManifestException.oneLine(m);
  }

  // ---------------------------------------------------------------- writing

  /** Compact JSON. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Indented JSON. */
  public static String toPrettyJson(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** One YAML document, without a leading {@code ---}. */
  public static String toYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** A multi-document YAML stream, each object introduced by {@code ---}. */
  public static String toYamlList(List<? extends KubeObject> objects) {
    StringBuilder sb = new StringBuilder();
    for (KubeObject o : objects) {
      sb.append("---\n").append(toYaml(o));
    }
    return sb.toString();
  }
}
