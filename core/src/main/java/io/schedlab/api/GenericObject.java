package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

  private static final ObjectMapper METADATA_MAPPER = new ObjectMapper();

  public GenericObject {
    metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
    body = body == null || !body.isObject() ? JsonNodeFactory.instance.objectNode() : body.deepCopy();
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
    JsonNode meta = METADATA_MAPPER.valueToTree(metadata);
    if (meta != null && !meta.isEmpty()) {
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
