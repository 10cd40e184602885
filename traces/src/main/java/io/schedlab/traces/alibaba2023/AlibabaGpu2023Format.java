package io.schedlab.traces.alibaba2023;

import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The Alibaba GPU cluster trace v2023 ("openb", the FGD paper's traces): a node list CSV
 * ({@code sn,cpu_milli,memory_mib,gpu,model}) and a pod list CSV (11 columns {@code name,
 * cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,
 * scheduled_time}, or the 5-column {@code multigpu} variant without constraints and times).
 *
 * <p>Inputs: files, in any order, each recognised by its header line; at most one node list and
 * at most one pod list. Events: a {@code NodeAdded} at time 0 for every node (file order), then
 * the pods. Mapping, chosen to match the Node YAML the FGD artifact ships
 * ({@code openb_node_list_gpu_node.yaml}) and its {@code pod_csv_to_yaml.py}:
 *
 * <ul>
 *   <li>Node {@code sn}; capacity = allocatable = {@code cpu: <cpu_milli>m}, {@code memory:
 *       <memory_mib>Mi}, {@code pods: 1001}, and when {@code gpu > 0}
 *       {@value #GPU_COUNT} = gpu and {@value #GPU_MILLI} = 1000 × gpu; labels
 *       {@code kubernetes.io/hostname}, {@code kubernetes.io/os} and {@code beta.kubernetes.io/os}
 *       = linux, and {@value #GPU_MODEL} = model when the model is not empty.
 *   <li>Pod {@code name} in namespace {@value #NAMESPACE}, one container {@code main} requesting
 *       {@code cpu: <cpu_milli>m}, {@code memory: <memory_mib>Mi} and, when {@code num_gpu > 0},
 *       {@value #GPU_MILLI} = num_gpu × gpu_milli (requests and limits, as Kubernetes wants for
 *       extended resources). The pod's GPU share is only expressible per GPU, so annotations keep
 *       the trace's own figures: {@value #GPU_COUNT} = num_gpu and {@value #GPU_MILLI} = gpu_milli
 *       (per GPU, as the FGD simulator reads them), and {@value #GPU_MODEL} = gpu_spec when set.
 *   <li>A non-empty {@code gpu_spec} ({@code |}-separated models, duplicates dropped) becomes a
 *       required node affinity {@value #GPU_MODEL} In [models].
 *   <li>{@code qos} becomes the label {@value #QOS_LABEL}; {@code pod_phase} the annotation
 *       {@value #PHASE_ANNOTATION}.
 *   <li>{@code PodSubmitted} at creation_time seconds, with recorded duration deletion − scheduled
 *       (deletion − creation when scheduled_time is empty, i.e. for Pending pods), unknown
 *       without a deletion time. {@code PodDeleted} at deletion_time when given, reason FINISHED
 *       for Succeeded, FAILED for Failed, DELETED otherwise.
 *   <li>The 5-column variant has no times: every pod is submitted at time 0, in file order,
 *       never deleted, duration unknown.
 * </ul>
 *
 * <p>Ordering: the pod lists are not all sorted by creation time (variants append rows), and
 * deletions interleave with submissions. The pod files are small (≤ 1 MB, about 10,000 rows),
 * so the reader loads the pod list into memory once the nodes are streamed, sorts submissions
 * and deletions stably by time and merges them; at equal times submissions come before
 * deletions, so a pod deleted the second it was created is submitted first. The node list is
 * streamed. CSV fields are plain (the files use no quoting).
 */
public final class AlibabaGpu2023Format implements TraceFormat {
  public static final String NAME = "alibaba-gpu-2023";
  public static final String NAMESPACE = "default";
  public static final String GPU_COUNT = "alibabacloud.com/gpu-count";
  public static final String GPU_MILLI = "alibabacloud.com/gpu-milli";
  public static final String GPU_MODEL = "alibabacloud.com/gpu-card-model";
  public static final String QOS_LABEL = "alibabacloud.com/qos";
  public static final String PHASE_ANNOTATION = "alibabacloud.com/pod-phase";
  /** The pod capacity of every node, as in the FGD artifact's node YAML. */
  public static final long NODE_POD_CAPACITY = 1001;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Alibaba GPU trace v2023 (openb): a node list CSV and/or a pod list CSV, "
        + "each recognised by its header";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    return AlibabaGpu2023Source.open(inputs, options);
  }
}
