package io.schedlab.plugins.gpushare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.api.Node;
import io.schedlab.framework.Handle;
import io.schedlab.framework.Plugin;
import io.schedlab.plugins.InTreeRegistry;
import io.schedlab.testing.NodeBuilder;
import io.schedlab.testing.PodBuilder;

/** Small GPU nodes and pods in the openb mapping, and plugins built as a profile builds them. */
final class GpuWorld {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GpuWorld() {}

  /** A node with {@code gpus} devices of {@code model}, 64 GiB of memory. */
  static Node gpuNode(String name, String cpu, int gpus, String model) {
    NodeBuilder b = NodeBuilder.node(name).capacity("cpu", cpu, "memory", "64Gi",
        GpuDeviceLedger.GPU_COUNT_RESOURCE, Integer.toString(gpus));
    if (model != null) {
      b.label(GpuDemand.GPU_MODEL_KEY, model);
    }
    return b.build();
  }

  static Node cpuNode(String name, String cpu) {
    return NodeBuilder.node(name).capacity("cpu", cpu, "memory", "64Gi").build();
  }

  /** A pod asking {@code count} GPUs of {@code milli} each (none when count is 0). */
  static PodBuilder gpuPod(String name, String cpu, int count, int milli) {
    PodBuilder b = PodBuilder.pod(name).container("c", "cpu", cpu, "memory", "1Gi");
    if (count > 0) {
      b.annotation(GpuDemand.GPU_COUNT_ANNOTATION, Integer.toString(count))
          .annotation(GpuDemand.GPU_MILLI_ANNOTATION, Integer.toString(milli));
    }
    return b;
  }

  /** A GPU pod already running on {@code node}, on the devices of {@code index} ("0-1"). */
  static PodBuilder running(String name, String node, String cpu, int count, int milli,
      String index) {
    return gpuPod(name, cpu, count, milli).nodeName(node)
        .annotation(GpuDeviceLedger.GPU_INDEX_ANNOTATION, index);
  }

  /** The plugin as the registry builds it, with {@code json} args (null for none). */
  @SuppressWarnings("unchecked")
  static <T extends Plugin> T plugin(String name, String json, Handle handle) {
    try {
      JsonNode args = json == null ? null : JSON.readTree(json);
      return (T) InTreeRegistry.create().create(name, args, handle);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
