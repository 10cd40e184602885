package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * An object of a kind the model does not know (StorageClass, a CRD, a tool's config), kept
 * whole so that it can be written back unchanged.
 *
 * <p>{@code body} is the complete document. The record's own {@code apiVersion}, {@code kind} and
 * {@code metadata} win over the body's when the object is written, so {@link #withMetadata}
 * takes effect. The body is copied on the way in and out because JSON trees are mutable.
 */
public record GenericObject(String apiVersion, String kind, ObjectMeta metadata, JsonNode body)
    implements KubeObject {

  private static final ObjectMapper METADATA_MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final List<String> KNOWN_METADATA_FIELDS = knownMetadataFields();

  public GenericObject {
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    body = body == null || !body.isObject()
        ? JsonNodeFactory.instance.objectNode()
        : body.deepCopy();
  }

  private static List<String> knownMetadataFields() {
    List<String> names = new ArrayList<>();
    for (RecordComponent c : ObjectMeta.class.getRecordComponents()) {
      names.add(c.getName());
    }
    return List.copyOf(names);
  }

  /** Reads a whole document; apiVersion, kind and metadata are taken from it. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static GenericObject fromJsonNode(ObjectNode document) {
    JsonNode meta = document.get("metadata");
    ObjectMeta metadata;
    try {
      metadata = meta == null || meta.isNull()
          ? null
          : METADATA_MAPPER.treeToValue(meta, ObjectMeta.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata: " + e.getOriginalMessage(), e);
    }
    return new GenericObject(text(document.get("apiVersion")), text(document.get("kind")),
        metadata, document);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** A copy of the whole document. */
  @Override
  public JsonNode body() {
    return body.deepCopy();
  }

  @Override
  public GenericObject withMetadata(ObjectMeta value) {
    return new GenericObject(apiVersion, kind, value, body);
  }

  /** The document as written: the body with this record's apiVersion, kind and metadata. */
  @JsonValue
  public ObjectNode toJsonNode() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (apiVersion != null) {
      out.put("apiVersion", apiVersion);
    }
    if (kind != null) {
      out.put("kind", kind);
    }
    // Metadata fields the model does not know (managedFields, selfLink) stay as read; the ones
    // it knows come from the record, so that withMetadata is honoured.
    ObjectNode meta = body.get("metadata") instanceof ObjectNode original
        ? original.deepCopy()
        : JsonNodeFactory.instance.objectNode();
    for (String known : KNOWN_METADATA_FIELDS) {
      meta.remove(known);
    }
    meta.setAll((ObjectNode) METADATA_MAPPER.valueToTree(metadata));
    if (!meta.isEmpty()) {
      out.set("metadata", meta);
    }
    body.properties().forEach(e -> {
      String name = e.getKey();
      if (!name.equals("apiVersion") && !name.equals("kind") && !name.equals("metadata")) {
        out.set(name, e.getValue().deepCopy());
      }
    });
    return out;
  }
}
