package io.schedlab.plugins.gpushare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * FGDScore's args: the workload's typical pods, each a demand class and its popularity (its share
 * of the pods, in (0, 1]; the shares add up to at most 1). Omitted fields of a class are 0 (or no
 * model); popularity is required. When the list is absent or empty, the typical pods are derived
 * from the cluster (see {@link FgdScore}).
 *
 * <p>{@code dimExtMethod} and {@code normMethod} are accepted, checked and unused: the artifact's
 * FGDScore takes the same GpuPluginCfg as DotProductScore, and its configurations set them.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record FgdScoreArgs(List<TypicalPod> typicalPods, String dimExtMethod, String normMethod) {
  /**
   * One class: CPU milli, per-GPU milli (1000 for whole GPUs), GPU count, accepted models ("" for
   * any, '|' between several), popularity.
   */
  public record TypicalPod(Long cpuMilli, Integer gpuMilli, Integer gpuCount, String gpuModel,
      Double popularity) {}

  public FgdScoreArgs {
    // Not List.copyOf: a null entry must reach validation, which names it.
    typicalPods = typicalPods == null ? List.of()
        : Collections.unmodifiableList(new ArrayList<>(typicalPods));
    dimExtMethod = dimExtMethod == null ? "share" : dimExtMethod;
    normMethod = normMethod == null ? "max" : normMethod;
  }

  public static FgdScoreArgs defaults() {
    return new FgdScoreArgs(null, null, null);
  }
}
