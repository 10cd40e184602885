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

  /**
   * The object in the Go template {@code name} for one index: {@code {{.Index}}}, {@code
   * {{.podsPerGroup}}} and {@code {{DivideInt .Index .podsPerGroup}}} are filled in, the only
   * expressions the gang templates use; any other expression is an error.
   */
  public static <T extends KubeObject> T rendered(String name, Class<T> type, int index, int podsPerGroup) {
    return parse(name, render(name, text(name), index, podsPerGroup), type);
  }

  static String render(String name, String text, int index, int podsPerGroup) {
    String out = text.replace("{{.Index}}", Integer.toString(index))
        .replace("{{.podsPerGroup}}", Integer.toString(podsPerGroup));
    if (out.contains("{{DivideInt .Index .podsPerGroup}}")) {
      if (podsPerGroup <= 0) {
        throw new IllegalArgumentException(
            "scheduler_perf template " + name + ": DivideInt needs podsPerGroup > 0, got " + podsPerGroup);
      }
      out = out.replace("{{DivideInt .Index .podsPerGroup}}", Integer.toString(index / podsPerGroup));
    }
    int at = out.indexOf("{{");
    if (at >= 0) {
      int end = out.indexOf("}}", at);
      throw new IllegalArgumentException("scheduler_perf template " + name + ": expected only {{.Index}},"
          + " {{.podsPerGroup}} and {{DivideInt .Index .podsPerGroup}}, found "
          + out.substring(at, end < 0 ? out.length() : end + 2));
    }
    return out;
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
    return parse(name, text(name), type);
  }

  private static <T extends KubeObject> T parse(String name, String text, Class<T> type) {
    KubeObject o = KubeCodec.read(text, KubeObject.class);
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
