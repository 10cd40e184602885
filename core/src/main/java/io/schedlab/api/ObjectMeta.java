package io.schedlab.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code metav1.ObjectMeta}: the fields the scheduler and controllers read. Collections are never
 * null; an absent map or list is empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    String uid,
    String resourceVersion,
    Long generation,
    String creationTimestamp,
    String deletionTimestamp,
    Long deletionGracePeriodSeconds,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    List<String> finalizers) {

  public ObjectMeta {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    ownerReferences = ownerReferences == null ? List.of() : List.copyOf(ownerReferences);
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
  }

  public static ObjectMeta named(String namespace, String name) {
    return new ObjectMeta(name, null, namespace, null, null, null, null, null, null, null, null, null, null);
  }

  public ObjectMeta withResourceVersion(String rv) {
    return new ObjectMeta(name, generateName, namespace, uid, rv, generation, creationTimestamp,
        deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers);
  }

  public ObjectMeta withUid(String newUid) {
    return new ObjectMeta(name, generateName, namespace, newUid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers);
  }

  public ObjectMeta withName(String newName) {
    return new ObjectMeta(newName, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers);
  }

  public ObjectMeta withNamespace(String ns) {
    return new ObjectMeta(name, generateName, ns, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers);
  }

  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, newLabels, annotations,
        ownerReferences, finalizers);
  }

  public ObjectMeta withDeletionTimestamp(String ts) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, ts, deletionGracePeriodSeconds, labels, annotations, ownerReferences,
        finalizers);
  }
}
