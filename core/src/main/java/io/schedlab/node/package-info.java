/**
 * The node model: a {@link io.schedlab.node.Kubelet} per node with its container runtime, in
 * virtual time, talking to the rest of the cluster only through the store.
 *
 * <p>Upstream defaults it follows (kubelet v1beta1 configuration and flags unless noted):
 *
 * <ul>
 *   <li>Lease in {@code kube-node-lease}, leaseDurationSeconds 40, renewed every 40 × 0.25 = 10 s
 *       with wait.JitterUntil's 4 % jitter.
 *   <li>Node status computed every nodeStatusUpdateFrequency (10 s, 4 % jitter) and written when
 *       it changed or when nodeStatusReportFrequency (5 min) has passed; lastHeartbeatTime is the
 *       time of the write.
 *   <li>Allocatable = capacity − kube-reserved − system-reserved − evictionHard
 *       (memory.available 100Mi, nodefs.available 10 % as float32); pods capacity maxPods 110.
 *   <li>Admission: the scheduler's resource fit (pods, cpu, memory, ephemeral-storage, others;
 *       {@code OutOf<resource>} with "Node didn't have enough resource: ..."), required node
 *       affinity, node name, untolerated NoExecute taints; the first failure names it.
 *   <li>Crash-loop back-off: restart at once the first time, then 10 s doubling to 300 s; an
 *       entry left alone for 10 min (2 × cap) starts again at 10 s.
 *   <li>Graceful deletion: the API server marks a bound pod (grace: request, else
 *       terminationGracePeriodSeconds, else 30 s); the kubelet stops it when its containers exit
 *       or the grace period ends, writes its final status and deletes it with grace 0.
 *   <li>Eviction manager every 10 s with the hard thresholds; pressure conditions stay True for
 *       evictionPressureTransitionPeriod (5 min); nodeStatusMaxImages 50.
 *   <li>Static pods from staticPodPath, named {@code <pod>-<node>}, tolerating every NoExecute
 *       taint, mirrored with {@code kubernetes.io/config.mirror}.
 * </ul>
 *
 * <p>What a workload does comes from {@link io.schedlab.node.WorkloadAnnotations}.
 */
package io.schedlab.node;
