package io.schedlab.plugins.gpushare;

import io.schedlab.api.Affinity;
import io.schedlab.api.Container;
import io.schedlab.api.NodeSelector;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.Pod;
import io.schedlab.api.PodSpec;
import io.schedlab.api.Quantity;
import java.util.List;
import java.util.Map;

/**
 * What one pod asks of a GPU-sharing node: CPU, memory, and either a share of one GPU
 * ({@code gpuCount == 1 && gpuMilli < 1000}) or {@code gpuCount} whole GPUs ({@code gpuMilli ==
 * 1000}). {@code gpuModel} is empty for "any model", else one or more models separated by '|'.
 */
public record GpuDemand(long cpuMilli, long memory, int gpuCount, int gpuMilli, String gpuModel) {

  /** Milli-GPUs in one whole device. */
  public static final int MILLI = 1000;

  public static final String GPU_COUNT_ANNOTATION = "alibabacloud.com/gpu-count";
  public static final String GPU_MILLI_ANNOTATION = "alibabacloud.com/gpu-milli";
  public static final String GPU_MODEL_KEY = "alibabacloud.com/gpu-card-model";

  /** Kubernetes' non-zero defaults, applied per container as the artifact's pod resource does. */
  static final long DEFAULT_CPU_MILLI = 100;

  static final long DEFAULT_MEMORY = 200L * 1024 * 1024;

  public GpuDemand {
    gpuModel = gpuModel == null ? "" : gpuModel;
    if (cpuMilli < 0 || memory < 0 || gpuCount < 0 || gpuMilli < 0 || gpuMilli > MILLI) {
      throw new IllegalArgumentException(
          "GpuDemand: expected cpuMilli, memory, gpuCount >= 0 and gpuMilli in [0, 1000], got "
              + cpuMilli + ", " + memory + ", " + gpuCount + ", " + gpuMilli);
    }
  }

  /** True for a pod that takes a share of one GPU. */
  public boolean isShare() {
    return gpuCount == 1 && gpuMilli < MILLI;
  }

  /** Total milli-GPU asked for. */
  public long totalGpuMilli() {
    return (long) gpuCount * gpuMilli;
  }

  /**
   * Whether a node with GPU model {@code nodeModel} ("" for a CPU node) may host this pod: no
   * constraint matches anything, a constraint never matches a CPU node, else one listed model must
   * equal the node's.
   */
  public boolean acceptsModel(String nodeModel) {
    return modelAccepts(gpuModel, nodeModel);
  }

  static boolean modelAccepts(String gpuModel, String nodeModel) {
    if (gpuModel.isEmpty()) {
      return true;
    }
    if (nodeModel == null || nodeModel.isEmpty()) {
      return false;
    }
    int listed = 0;
    int start = 0;
    while (start <= gpuModel.length()) {
      int bar = gpuModel.indexOf('|', start);
      int end = bar < 0 ? gpuModel.length() : bar;
      if (end > start) {
        listed++;
        if (gpuModel.regionMatches(start, nodeModel, 0, end - start)
            && nodeModel.length() == end - start) {
          return true;
        }
      }
      start = end + 1;
    }
    return listed == 0;
  }

  /**
   * Reads a pod in the openb mapping: GPU count and per-GPU milli from the annotations, the model
   * constraint from the annotation, else the node selector, else the first required node-affinity
   * term's {@code In} requirement on that key (models joined by '|'); CPU and memory are the sum of the containers' requests with
   * the non-zero defaults.
   */
  public static GpuDemand of(Pod pod) {
    Map<String, String> annotations = pod.metadata().annotations();
    int count = intAnnotation(annotations, GPU_COUNT_ANNOTATION);
    int milli = intAnnotation(annotations, GPU_MILLI_ANNOTATION);
    if (count == 0) {
      milli = 0;
    }
    String model = modelConstraint(pod);
    long cpu = 0;
    long memory = 0;
    for (Container c : pod.spec().containers()) {
      Map<String, Quantity> requests = c.resources().requests();
      // kube's non-zero defaults replace a request that is absent, not one set to zero.
      Quantity q = requests == null ? null : requests.get("cpu");
      cpu += q == null ? DEFAULT_CPU_MILLI : q.milliValue();
      q = requests == null ? null : requests.get("memory");
      memory += q == null ? DEFAULT_MEMORY : q.value();
    }
    return new GpuDemand(cpu, memory, count, milli, model);
  }

  private static String modelConstraint(Pod pod) {
    String model = pod.metadata().annotations().get(GPU_MODEL_KEY);
    if (model != null && !model.isEmpty()) {
      return model;
    }
    PodSpec spec = pod.spec();
    if (spec.nodeSelector() != null) {
      model = spec.nodeSelector().get(GPU_MODEL_KEY);
      if (model != null && !model.isEmpty()) {
        return model;
      }
    }
    Affinity affinity = spec.affinity();
    if (affinity == null || affinity.nodeAffinity() == null) {
      return "";
    }
    NodeSelector required = affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution();
    if (required == null || required.nodeSelectorTerms() == null
        || required.nodeSelectorTerms().isEmpty()) {
      return "";
    }
    List<NodeSelectorRequirement> expressions =
        required.nodeSelectorTerms().get(0).matchExpressions();
    if (expressions == null) {
      return "";
    }
    for (NodeSelectorRequirement r : expressions) {
      if (GPU_MODEL_KEY.equals(r.key()) && "In".equals(r.operator()) && r.values() != null) {
        return String.join("|", r.values());
      }
    }
    return "";
  }

  private static int intAnnotation(Map<String, String> annotations, String key) {
    String text = annotations.get(key);
    if (text == null || text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "annotation " + key + ": expected an integer, got '" + text + "'");
    }
  }
}
