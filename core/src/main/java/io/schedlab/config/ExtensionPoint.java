package io.schedlab.config;

/**
 * The stages of a scheduling framework profile that plugins can extend, in the order the v1 API
 * lists them under {@code profiles[].plugins}.
 */
public enum ExtensionPoint {
  PRE_ENQUEUE("preEnqueue"),
  QUEUE_SORT("queueSort"),
  PRE_FILTER("preFilter"),
  FILTER("filter"),
  POST_FILTER("postFilter"),
  PRE_SCORE("preScore"),
  SCORE("score"),
  RESERVE("reserve"),
  PERMIT("permit"),
  PRE_BIND("preBind"),
  BIND("bind"),
  POST_BIND("postBind");

  private final String configName;

  ExtensionPoint(String configName) {
    this.configName = configName;
  }

  /** The key of this stage in {@code KubeSchedulerConfiguration} YAML, e.g. {@code preFilter}. */
  public String configName() {
    return configName;
  }
}
