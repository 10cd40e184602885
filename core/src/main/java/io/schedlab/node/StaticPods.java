package io.schedlab.node;

import io.schedlab.api.KubeObject;
import io.schedlab.api.ObjectMeta;
import io.schedlab.api.OwnerReference;
import io.schedlab.api.Pod;
import io.schedlab.api.Toleration;
import io.schedlab.api.codec.KubeCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's file source: pods from a manifest folder, defaulted as upstream's config source
 * does (name suffixed with the node's name, namespace "default", bound to the node, config
 * annotations, a toleration of every NoExecute taint), and the mirror pods that show them in the
 * API.
 */
public final class StaticPods {
  public static final String CONFIG_SOURCE = "kubernetes.io/config.source";
  public static final String CONFIG_HASH = "kubernetes.io/config.hash";
  public static final String CONFIG_MIRROR = "kubernetes.io/config.mirror";
  public static final String SOURCE_FILE = "file";

  private StaticPods() {}

  /** Whether the pod came from a file (a static pod) or is its mirror in the API. */
  public static boolean isStatic(Pod pod) {
    Map<String, String> a = pod.metadata().annotations();
    String source = a.get(CONFIG_SOURCE);
    return (source != null && !source.equals("api")) || a.containsKey(CONFIG_MIRROR);
  }

  /** The static pods in {@code folder} for {@code node}, in the folder's file order. */
  public static List<Pod> load(Path folder, String nodeName) {
    List<Pod> pods = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      if (folder != null) {
        throw new IllegalArgumentException("staticPodPath " + folder + ": expected a folder");
      }
      return pods;
    }
    for (KubeObject o : KubeCodec.readAll(folder)) {
      if (o instanceof Pod pod) {
        pods.add(defaulted(pod, nodeName));
      }
    }
    return pods;
  }

  /** A manifest pod as the file source hands it to the kubelet. */
  public static Pod defaulted(Pod pod, String nodeName) {
    ObjectMeta m = pod.metadata();
    if (m.name() == null || m.name().isEmpty()) {
      throw new IllegalArgumentException("static pod: metadata.name is required");
    }
    String ns = m.namespace() == null || m.namespace().isEmpty() ? "default" : m.namespace();
    String hash = hash(KubeCodec.toJson(pod) + "/" + nodeName);
    Map<String, String> annotations = new LinkedHashMap<>(m.annotations());
    annotations.put(CONFIG_SOURCE, SOURCE_FILE);
    annotations.put(CONFIG_HASH, hash);
    List<Toleration> tolerations = new ArrayList<>(pod.spec().tolerations());
    tolerations.add(new Toleration(null, "Exists", null, "NoExecute", null));
    ObjectMeta meta = m.withName(m.name() + "-" + nodeName).withNamespace(ns)
        .withAnnotations(annotations).withUid(hash);
    return Pod.of(meta, pod.spec().withNodeName(nodeName).withTolerations(tolerations), null);
  }

  /** The mirror pod of a static pod: annotated with its config hash and owned by the node. */
  public static Pod mirror(Pod staticPod, String nodeName, String nodeUid) {
    ObjectMeta m = staticPod.metadata();
    Map<String, String> annotations = new LinkedHashMap<>(m.annotations());
    annotations.put(CONFIG_MIRROR, annotations.get(CONFIG_HASH));
    ObjectMeta meta = m.withAnnotations(annotations).withUid(null)
        .withOwnerReferences(List.of(new OwnerReference("v1", "Node", nodeName, nodeUid, null,
            null)));
    return Pod.of(meta, staticPod.spec(), null);
  }

  private static String hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return String.format("%016x", h) + String.format("%016x", Long.rotateLeft(h * 31, 17));
  }
}
