package io.schedlab.benchmarks.perf;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the upstream scheduler_perf templates bundled under {@code scheduler_perf/templates/} with
 * the project's manifest reader, plus upstream's two built-in objects that have no file.
 */
public final class Templates {
  /** The classpath folder the templates are copied to. */
  public static final String FOLDER = "scheduler_perf/templates/";

  /**
   * Upstream's {@code makeBaseNode}: what a createNodes op without a template creates. The
   * generateName is replaced per op ({@code node-<opIndex>-}).
   */
  static final String BASE_NODE_YAML =
      """
      apiVersion: v1
      kind: Node
      metadata:
        generateName: node-
      status:
        capacity:
          pods: "110"
          cpu: "4"
          memory: 32Gi
        allocatable:
          pods: "110"
          cpu: "4"
          memory: 32Gi
        conditions:
        - type: Ready
          status: "True"
        phase: Running
      """;

  /**
   * Upstream's {@code makeBasePod}: one pause container with port 80 and 100m cpu / 500Mi memory
   * as requests and limits, used by a createPods op with no template at all.
   */
  static final String BASE_POD_YAML =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        generateName: pod-
      spec:
        containers:
        - name: pause
          image: registry.k8s.io/pause:3.10.2
          ports:
          - containerPort: 80
          resources:
            requests:
              cpu: 100m
              memory: 500Mi
            limits:
              cpu: 100m
              memory: 500Mi
      """;

  private Templates() {}

  /** The Pod in template {@code name} (a path under {@link #FOLDER}). */
  public static Pod pod(String name) {
    return read(name, Pod.class);
  }

  /** The Node in template {@code name} (a path under {@link #FOLDER}). */
  public static Node node(String name) {
    return read(name, Node.class);
  }

  /** Upstream's built-in default node (see {@link #BASE_NODE_YAML}). */
  public static Node baseNode() {
    return KubeCodec.read(BASE_NODE_YAML, Node.class);
  }

  /** Upstream's built-in default pod (see {@link #BASE_POD_YAML}). */
  public static Pod basePod() {
    return KubeCodec.read(BASE_POD_YAML, Pod.class);
  }

  private static <T extends KubeObject> T read(String name, Class<T> type) {
    KubeObject o = KubeCodec.read(text(name), KubeObject.class);
    if (!type.isInstance(o)) {
      throw new IllegalArgumentException(
          "scheduler_perf template " + name + ": expected kind " + type.getSimpleName() + ", found " + o.kind());
    }
    return type.cast(o);
  }

  private static String text(String name) {
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "scheduler_perf template " + name + ": expected a file under " + FOLDER + " on the classpath, found none");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("scheduler_perf template " + name + ": " + e.getMessage(), e);
    }
  }
}
