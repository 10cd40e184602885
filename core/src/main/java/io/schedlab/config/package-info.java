/**
 * Scheduler configuration: reading {@code kubescheduler.config.k8s.io/v1
 * KubeSchedulerConfiguration} files into the resolved {@link io.schedlab.config.SchedulerConfig}
 * the framework runtime consumes.
 *
 * <p>The pipeline is upstream kube-scheduler's: the raw document ({@link
 * io.schedlab.config.KubeSchedulerConfiguration} and its records, nothing defaulted) is defaulted
 * (parallelism 16, adaptive percentageOfNodesToScore, backoff 1s/10s, one {@code
 * default-scheduler} profile), each profile's plugin sets are merged into the default set of
 * {@link io.schedlab.config.DefaultPlugins} and multiPoint is expanded into the extension points
 * using a {@link io.schedlab.config.PluginCatalog}, then the result is validated. Errors are
 * {@link io.schedlab.config.ConfigException}s naming the file and field.
 */
package io.schedlab.config;
