package io.schedlab.node;

import io.schedlab.api.Quantity;
import io.schedlab.sim.Durations;
import java.nio.file.Path;
import java.util.Map;

/**
 * The kubelet's settings that the node model uses, with upstream's defaults
 * ({@code KubeletConfiguration} v1beta1 and the kubelet's flags).
 *
 * @param nodeStatusUpdateFrequencyNanos how often node status is computed (default 10 s)
 * @param nodeStatusReportFrequencyNanos how often an unchanged status is still written (default
 *     5 min, with the node lease enabled)
 * @param nodeLeaseDurationSeconds the lease's leaseDurationSeconds (default 40); the lease is
 *     renewed every quarter of it (nodeLeaseRenewIntervalFraction 0.25: 10 s)
 * @param kubeReserved --kube-reserved (default none)
 * @param systemReserved --system-reserved (default none)
 * @param evictionHardMemoryBytes evictionHard memory.available (default 100Mi)
 * @param evictionHardNodefsPercent evictionHard nodefs.available, percent of capacity (default 10)
 * @param evictionHardPidsAvailable pid.available threshold; 0 means none (upstream sets none)
 * @param evictionPressureTransitionPeriodNanos how long a pressure condition stays True after the
 *     signal last crossed its threshold (--eviction-pressure-transition-period, default 5 min)
 * @param maxPods maxPods (default 110), the node's pods capacity unless its template sets one
 * @param pidMax the node's process id limit, the capacity PID pressure is measured against
 * @param imagePullBytesPerSecond simulated registry bandwidth (schedlab's default: 50 MB/s)
 * @param imagePullLatencyNanos fixed cost of one pull (schedlab's default: 1 s)
 * @param defaultImageSizeBytes size of an image nothing states (schedlab's default: 100 MB)
 * @param serializeImagePulls --serialize-image-pulls (default true): one pull at a time
 * @param kubeletVersion reported as nodeInfo.kubeletVersion
 * @param staticPodPath the manifest folder of the file source, or null for none
 * @param imageSizes sizes in bytes of images by name, for pulls of images the node lacks
 */
public record KubeletConfig(
    long nodeStatusUpdateFrequencyNanos,
    long nodeStatusReportFrequencyNanos,
    int nodeLeaseDurationSeconds,
    Map<String, Quantity> kubeReserved,
    Map<String, Quantity> systemReserved,
    long evictionHardMemoryBytes,
    int evictionHardNodefsPercent,
    long evictionHardPidsAvailable,
    long evictionPressureTransitionPeriodNanos,
    int maxPods,
    long pidMax,
    long imagePullBytesPerSecond,
    long imagePullLatencyNanos,
    long defaultImageSizeBytes,
    boolean serializeImagePulls,
    String kubeletVersion,
    Path staticPodPath,
    Map<String, Long> imageSizes) {

  public static final KubeletConfig DEFAULTS = new KubeletConfig(
      10 * Durations.SECOND, // nodeStatusUpdateFrequency: 10s
      5 * Durations.MINUTE, // nodeStatusReportFrequency: 5m
      40, // nodeLeaseDurationSeconds: 40
      Map.of(), Map.of(),
      100L * 1024 * 1024, // evictionHard memory.available<100Mi
      10, // evictionHard nodefs.available<10%
      0, // no pid.available threshold by default
      5 * Durations.MINUTE, // evictionPressureTransitionPeriod: 5m
      110, // maxPods: 110
      4_194_304L, // kernel.pid_max on 64-bit Linux
      50_000_000L, Durations.SECOND, 100_000_000L,
      true, // serializeImagePulls: true
      "v1.34.0",
      null, Map.of());

  public KubeletConfig {
    kubeReserved = kubeReserved == null ? Map.of() : Map.copyOf(kubeReserved);
    systemReserved = systemReserved == null ? Map.of() : Map.copyOf(systemReserved);
    imageSizes = imageSizes == null ? Map.of() : Map.copyOf(imageSizes);
    positive("nodeStatusUpdateFrequency", nodeStatusUpdateFrequencyNanos);
    positive("nodeStatusReportFrequency", nodeStatusReportFrequencyNanos);
    positive("nodeLeaseDurationSeconds", nodeLeaseDurationSeconds);
    positive("maxPods", maxPods);
    positive("imagePullBytesPerSecond", imagePullBytesPerSecond);
    if (evictionHardNodefsPercent < 0 || evictionHardNodefsPercent > 100) {
      throw new IllegalArgumentException("evictionHard nodefs.available: expected a percentage "
          + "0..100, got " + evictionHardNodefsPercent);
    }
    if (evictionHardMemoryBytes < 0 || evictionHardPidsAvailable < 0 || imagePullLatencyNanos < 0
        || defaultImageSizeBytes < 0 || evictionPressureTransitionPeriodNanos < 0) {
      throw new IllegalArgumentException(
          "KubeletConfig: thresholds, latencies and sizes must not be negative");
    }
  }

  /** The lease renew interval: leaseDuration × nodeLeaseRenewIntervalFraction (0.25). */
  public long leaseRenewIntervalNanos() {
    return nodeLeaseDurationSeconds * Durations.SECOND / 4;
  }

  public KubeletConfig withReserved(Map<String, Quantity> kube, Map<String, Quantity> system) {
    return new KubeletConfig(nodeStatusUpdateFrequencyNanos, nodeStatusReportFrequencyNanos,
        nodeLeaseDurationSeconds, kube, system, evictionHardMemoryBytes,
        evictionHardNodefsPercent, evictionHardPidsAvailable,
        evictionPressureTransitionPeriodNanos, maxPods, pidMax, imagePullBytesPerSecond,
        imagePullLatencyNanos, defaultImageSizeBytes, serializeImagePulls, kubeletVersion,
        staticPodPath, imageSizes);
  }

  public KubeletConfig withImagePulls(long bytesPerSecond, long latencyNanos, long defaultSize) {
    return new KubeletConfig(nodeStatusUpdateFrequencyNanos, nodeStatusReportFrequencyNanos,
        nodeLeaseDurationSeconds, kubeReserved, systemReserved, evictionHardMemoryBytes,
        evictionHardNodefsPercent, evictionHardPidsAvailable,
        evictionPressureTransitionPeriodNanos, maxPods, pidMax, bytesPerSecond, latencyNanos,
        defaultSize, serializeImagePulls, kubeletVersion, staticPodPath, imageSizes);
  }

  public KubeletConfig withPidPressure(long pidMax, long pidsAvailableThreshold) {
    return new KubeletConfig(nodeStatusUpdateFrequencyNanos, nodeStatusReportFrequencyNanos,
        nodeLeaseDurationSeconds, kubeReserved, systemReserved, evictionHardMemoryBytes,
        evictionHardNodefsPercent, pidsAvailableThreshold,
        evictionPressureTransitionPeriodNanos, maxPods, pidMax, imagePullBytesPerSecond,
        imagePullLatencyNanos, defaultImageSizeBytes, serializeImagePulls, kubeletVersion,
        staticPodPath, imageSizes);
  }

  public KubeletConfig withStaticPodPath(Path path) {
    return new KubeletConfig(nodeStatusUpdateFrequencyNanos, nodeStatusReportFrequencyNanos,
        nodeLeaseDurationSeconds, kubeReserved, systemReserved, evictionHardMemoryBytes,
        evictionHardNodefsPercent, evictionHardPidsAvailable,
        evictionPressureTransitionPeriodNanos, maxPods, pidMax, imagePullBytesPerSecond,
        imagePullLatencyNanos, defaultImageSizeBytes, serializeImagePulls, kubeletVersion, path,
        imageSizes);
  }

  public KubeletConfig withImageSizes(Map<String, Long> sizes) {
    return new KubeletConfig(nodeStatusUpdateFrequencyNanos, nodeStatusReportFrequencyNanos,
        nodeLeaseDurationSeconds, kubeReserved, systemReserved, evictionHardMemoryBytes,
        evictionHardNodefsPercent, evictionHardPidsAvailable,
        evictionPressureTransitionPeriodNanos, maxPods, pidMax, imagePullBytesPerSecond,
        imagePullLatencyNanos, defaultImageSizeBytes, serializeImagePulls, kubeletVersion,
        staticPodPath, sizes);
  }

  private static void positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + ": expected a positive value, got " + value);
    }
  }
}
