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
    labels = ApiCollections.strings(labels);
    annotations = ApiCollections.strings(annotations);
    ownerReferences = ApiCollections.list(ownerReferences);
    finalizers = ApiCollections.list(finalizers);
  }

  /** Metadata with nothing set; what an object without {@code metadata} gets. */
  public static final ObjectMeta EMPTY =
      new ObjectMeta(null, null, null, null, null, null, null, null, null, null, null, null, null);

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

  /**
   * {@code namespace/name}, or the name alone without a namespace: how a validation message names
   * the object (an absent name reads as empty).
   */
  public String qualifiedName() {
    String n = name == null ? "" : name;
    return namespace == null || namespace.isEmpty() ? n : namespace + "/" + n;
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

  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, newAnnotations,
        ownerReferences, finalizers);
  }

  public ObjectMeta withOwnerReferences(List<OwnerReference> refs) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        refs, finalizers);
  }

  public ObjectMeta withGeneration(Long newGeneration) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, newGeneration,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers);
  }

  public ObjectMeta withCreationTimestamp(String ts) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, ts,
        deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences,
        finalizers);
  }

  public ObjectMeta withDeletionGracePeriodSeconds(Long seconds) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, seconds, labels, annotations, ownerReferences,
        finalizers);
  }

  public ObjectMeta withFinalizers(List<String> newFinalizers) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, newFinalizers);
  }

  /** The controller owner reference ({@code controller: true}), or null. */
  public OwnerReference controllerRef() {
    for (OwnerReference ref : ownerReferences) {
      if (Boolean.TRUE.equals(ref.controller())) {
        return ref;
      }
    }
    return null;
  }
}
