package io.schedlab.plugins.gpushare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Open-Gpu-Share's args, as the artifact's OpenGpuSharePluginCfg: how a pod's devices are chosen
 * on its node ({@code gpuSelMethod}: best, worst, random, FGDScore or DotProductScore; default
 * best), and, for DotProductScore's choice, how GPUs become dimensions ({@code dimExtMethod}:
 * merge, share, divide or extend; default share) and what the vectors are divided by
 * ({@code normMethod}: node, pod or max; default max). A null value means the default.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record OpenGpuShareArgs(String gpuSelMethod, String dimExtMethod, String normMethod) {
  public OpenGpuShareArgs {
    gpuSelMethod = gpuSelMethod == null ? "best" : gpuSelMethod;
    dimExtMethod = dimExtMethod == null ? "share" : dimExtMethod;
    normMethod = normMethod == null ? "max" : normMethod;
  }

  public static OpenGpuShareArgs defaults() {
    return new OpenGpuShareArgs(null, null, null);
  }
}
