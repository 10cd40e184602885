/**
 * The cluster-level controllers of kube-controller-manager, as {@link
 * io.schedlab.cluster.ClusterComponent}s in virtual time: node lifecycle (heartbeats, condition
 * taints, zone-aware rate-limited NoExecute tainting), taint eviction, pod GC, node IPAM,
 * namespace, service account and disruption; plus the API server's DefaultTolerationSeconds
 * admission. They read and write only through the store, act only in event-loop callbacks, and
 * use upstream's default flags, cited where each number appears. Every action is recorded as a
 * {@code controller_action} event (controller, action, object), alongside {@code node_condition},
 * {@code taint_added}, {@code taint_removed} and {@code pod_evicted}.
 */
package io.schedlab.controller;
