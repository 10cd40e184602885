package io.schedlab.framework;

/**
 * A scheduling plugin. A plugin is one class that implements the stage interfaces it serves
 * ({@link FilterPlugin}, {@link ScorePlugin}, ...); the framework calls each stage in upstream's
 * order. {@link #name()} is the name used in {@code KubeSchedulerConfiguration}.
 */
public interface Plugin {
  String name();
}
