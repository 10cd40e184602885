package io.schedlab.plugins.gpushare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * DotProductScore's args, as the artifact's GpuPluginCfg: {@code dimExtMethod} (merge, share,
 * divide or extend; default share) and {@code normMethod} (node, pod or max; default max), the
 * same defaults as Open-Gpu-Share's. A null value means the default.
 */
@JsonIgnoreProperties({"apiVersion", "kind"})
public record DotProductScoreArgs(String dimExtMethod, String normMethod) {
  public DotProductScoreArgs {
    dimExtMethod = dimExtMethod == null ? "share" : dimExtMethod;
    normMethod = normMethod == null ? "max" : normMethod;
  }

  public static DotProductScoreArgs defaults() {
    return new DotProductScoreArgs(null, null);
  }
}
