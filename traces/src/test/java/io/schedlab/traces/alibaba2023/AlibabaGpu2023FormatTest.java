package io.schedlab.traces.alibaba2023;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.NodeSelectorRequirement;
import io.schedlab.api.Pod;
import io.schedlab.api.Quantity;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceEvent.NodeAdded;
import io.schedlab.traces.TraceEvent.PodDeleted;
import io.schedlab.traces.TraceEvent.PodSubmitted;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceFormats;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlibabaGpu2023FormatTest {
  private static final Path DIR = Path.of("samples/alibaba-gpu-v2023");
  private static final Path GPU_NODES = DIR.resolve("openb_node_list_gpu_node.csv");
  private static final Path ALL_NODES = DIR.resolve("openb_node_list_all_node.csv");
  private static final Path DEFAULT_PODS = DIR.resolve("openb_pod_list_default.csv");
  private static final long SECOND = 1_000_000_000L;
  private static final long MIB = 1L << 20;

  @TempDir Path tmp;

  // ------------------------------------------------------------------ nodes

  @Test
  void gpuNodeListHas1213NodesAnd6212Gpus() throws IOException {
    List<TraceEvent> events = read(GPU_NODES);
    Totals t = nodeTotals(events);
    assertThat(t.count).isEqualTo(1213);
    assertThat(t.gpus).isEqualTo(6212);
    assertThat(t.gpuMilli).isEqualTo(6_212_000);
    assertThat(t.cpuMilli).isEqualTo(107_018_000L); // 107,018 cores (source README)
    assertThat(t.memoryMib).isEqualTo(503_828_480L);
    // The same figures by a plain sum over the CSV columns.
    List<String[]> rows = csv(GPU_NODES);
    assertThat(t.count).isEqualTo(rows.size());
    assertThat(t.cpuMilli).isEqualTo(sum(rows, 1));
    assertThat(t.memoryMib).isEqualTo(sum(rows, 2));
    assertThat(t.gpus).isEqualTo(sum(rows, 3));
    assertThat(events).allMatch(e -> e.timeNanos() == 0);
  }

  @Test
  void allNodeListAdds310CpuOnlyNodes() throws IOException {
    List<TraceEvent> events = read(ALL_NODES);
    Totals t = nodeTotals(events);
    assertThat(t.count).isEqualTo(1523);
    assertThat(t.gpus).isEqualTo(6212);
    long cpuOnly = events.stream()
        .map(e -> ((NodeAdded) e).node())
        .filter(n -> !n.metadata().labels().containsKey(AlibabaGpu2023Format.GPU_MODEL)
            && !n.status().capacity().containsKey(AlibabaGpu2023Format.GPU_COUNT))
        .count();
    assertThat(cpuOnly).isEqualTo(310);
    List<String[]> rows = csv(ALL_NODES);
    assertThat(t.cpuMilli).isEqualTo(sum(rows, 1)).isEqualTo(125_514_000L);
    assertThat(t.memoryMib).isEqualTo(sum(rows, 2));
  }

  /** Our mapping of the CSV must give the Nodes the FGD artifact ships as YAML. */
  @Test
  void gpuNodesMatchTheArtifactsNodeYaml() {
    List<KubeObject> yaml = KubeCodec.readAll(DIR.resolve("openb_node_list_gpu_node.yaml"));
    List<TraceEvent> events = read(GPU_NODES);
    assertThat(events).hasSize(yaml.size());
    for (int i = 0; i < yaml.size(); i++) {
      Node expected = (Node) yaml.get(i);
      Node actual = ((NodeAdded) events.get(i)).node();
      assertThat(actual.metadata().name()).isEqualTo(expected.metadata().name());
      assertThat(actual.metadata().labels()).isEqualTo(expected.metadata().labels());
      assertThat(actual.status().capacity()).isEqualTo(expected.status().capacity());
      assertThat(actual.status().allocatable()).isEqualTo(expected.status().allocatable());
    }
  }

  // ------------------------------------------------------------------ pods

  @Test
  void defaultPodListHas8152PodsWithTheirRequestsAndTimes() throws IOException {
    List<TraceEvent> events = read(DEFAULT_PODS);
    List<String[]> rows = csv(DEFAULT_PODS);
    List<PodSubmitted> submitted = new ArrayList<>();
    Map<PodDeleted.Reason, Integer> reasons = new HashMap<>();
    long durationSeconds = 0;
    for (TraceEvent e : events) {
      if (e instanceof PodSubmitted s) {
        submitted.add(s);
        durationSeconds += s.durationNanos() / SECOND;
      } else if (e instanceof PodDeleted d) {
        reasons.merge(d.reason(), 1, Integer::sum);
      }
    }
    assertThat(submitted).hasSize(8152).hasSize(rows.size());
    assertThat(reasons).containsOnly(Map.entry(PodDeleted.Reason.FINISHED, 192),
        Map.entry(PodDeleted.Reason.FAILED, 1870), Map.entry(PodDeleted.Reason.DELETED, 6090));
    Totals t = podTotals(submitted);
    assertThat(t.cpuMilli).isEqualTo(sum(rows, 1)).isEqualTo(85_436_012L);
    assertThat(t.memoryMib).isEqualTo(sum(rows, 2)).isEqualTo(303_546_211L);
    assertThat(t.gpuMilli).isEqualTo(gpuDemand(rows)).isEqualTo(6_086_800L); // 6086.8 GPUs
    long expectedDuration = 0;
    for (String[] r : rows) {
      expectedDuration += Long.parseLong(r[9]) - Long.parseLong(r[10].isEmpty() ? r[8] : r[10]);
    }
    assertThat(durationSeconds).isEqualTo(expectedDuration).isEqualTo(210_197_755L);
    long pending = submitted.stream()
        .filter(s -> "Pending".equals(s.pod().metadata().annotations()
            .get(AlibabaGpu2023Format.PHASE_ANNOTATION)))
        .count();
    assertThat(pending).isEqualTo(897);
    assertThat(events.get(events.size() - 1).timeNanos()).isEqualTo(12_902_960L * SECOND);
    assertTimeOrderedAndSubmittedBeforeDeleted(events);
  }

  @Test
  void firstPodIsMappedAsDocumented() {
    PodSubmitted first = (PodSubmitted) read(DEFAULT_PODS).get(0);
    // openb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0
    Pod pod = first.pod();
    assertThat(first.timeNanos()).isZero();
    assertThat(first.durationNanos()).isEqualTo(12_537_496L * SECOND);
    assertThat(pod.metadata().name()).isEqualTo("openb-pod-0000");
    assertThat(pod.metadata().namespace()).isEqualTo("default");
    assertThat(pod.metadata().labels()).containsExactly(Map.entry("alibabacloud.com/qos", "LS"));
    assertThat(pod.metadata().annotations()).containsOnly(
        Map.entry("alibabacloud.com/gpu-count", "1"),
        Map.entry("alibabacloud.com/gpu-milli", "1000"),
        Map.entry("alibabacloud.com/pod-phase", "Running"));
    var resources = pod.spec().containers().get(0).resources();
    assertThat(resources.requests()).containsOnly(
        Map.entry("cpu", Quantity.parse("12")),
        Map.entry("memory", Quantity.parse("16Gi")),
        Map.entry("alibabacloud.com/gpu-milli", Quantity.parse("1000")));
    assertThat(resources.limits())
        .containsOnly(Map.entry("alibabacloud.com/gpu-milli", Quantity.parse("1000")));
    assertThat(pod.spec().affinity()).isNull();
  }

  @Test
  void gpuSpecBecomesARequiredNodeAffinityWithoutDuplicates() throws IOException {
    Path file = DIR.resolve("openb_pod_list_gpuspec33.csv");
    List<String[]> rows = csv(file);
    Map<String, String> specByName = new HashMap<>();
    for (String[] r : rows) {
      if (!r[5].isEmpty()) {
        specByName.put(r[0], r[5]);
      }
    }
    int constrained = 0;
    for (TraceEvent e : read(file)) {
      if (e instanceof PodSubmitted s && s.pod().spec().affinity() != null) {
        constrained++;
        var terms = s.pod().spec().affinity().nodeAffinity()
            .requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms();
        assertThat(terms).hasSize(1);
        NodeSelectorRequirement req = terms.get(0).matchExpressions().get(0);
        assertThat(req.key()).isEqualTo(AlibabaGpu2023Format.GPU_MODEL);
        assertThat(req.operator()).isEqualTo("In");
        String spec = specByName.get(s.pod().metadata().name());
        assertThat(req.values())
            .containsExactlyElementsOf(new LinkedHashSet<>(List.of(spec.split("\\|"))));
      }
    }
    assertThat(constrained).isEqualTo(specByName.size()).isEqualTo(2388);
  }

  /** The 5-column files: everything at time 0 in file order, never deleted. */
  @ParameterizedTest
  @CsvSource({
      "openb_pod_list_multigpu20.csv, 8324",
      "openb_pod_list_multigpu30.csv, 8508",
      "openb_pod_list_multigpu40.csv, 8746",
      "openb_pod_list_multigpu50.csv, 9061"})
  void multiGpuVariantsHaveNoTimes(String name, int pods) throws IOException {
    Path file = DIR.resolve(name);
    List<TraceEvent> events = read(file);
    List<String[]> rows = csv(file);
    assertThat(events).hasSize(pods).hasSize(rows.size());
    List<PodSubmitted> submitted = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      PodSubmitted s = (PodSubmitted) events.get(i);
      assertThat(s.timeNanos()).isZero();
      assertThat(s.durationNanos()).isEqualTo(PodSubmitted.UNKNOWN_DURATION);
      assertThat(s.pod().metadata().name()).isEqualTo(rows.get(i)[0]);
      assertThat(s.pod().metadata().labels()).isEmpty();
      submitted.add(s);
    }
    Totals t = podTotals(submitted);
    assertThat(t.cpuMilli).isEqualTo(sum(rows, 1));
    assertThat(t.memoryMib).isEqualTo(sum(rows, 2));
    assertThat(t.gpuMilli).isEqualTo(gpuDemand(rows));
  }

  @Test
  void multiGpu50Totals() {
    List<PodSubmitted> submitted = new ArrayList<>();
    for (TraceEvent e : read(DIR.resolve("openb_pod_list_multigpu50.csv"))) {
      submitted.add((PodSubmitted) e);
    }
    Totals t = podTotals(submitted);
    assertThat(t.cpuMilli).isEqualTo(137_776_412L);
    assertThat(t.memoryMib).isEqualTo(530_427_459L);
    assertThat(t.gpuMilli).isEqualTo(11_358_800L);
  }

  /** Variants append rows out of creation order; the reader must still emit in time order. */
  @ParameterizedTest
  @ValueSource(strings = {"openb_pod_list_cpu300.csv", "openb_pod_list_gpushare40.csv",
      "openb_pod_list_cpu0.csv"})
  void unsortedVariantsComeOutInTimeOrder(String name) throws IOException {
    Path file = DIR.resolve(name);
    List<TraceEvent> events = read(file);
    assertThat(events).hasSize(2 * csv(file).size());
    assertTimeOrderedAndSubmittedBeforeDeleted(events);
  }

  @Test
  void nodesComeFirstWhateverTheInputOrder() {
    List<TraceEvent> events = read(DEFAULT_PODS, GPU_NODES);
    assertThat(events).hasSize(1213 + 2 * 8152);
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i) instanceof NodeAdded).isEqualTo(i < 1213);
    }
    try (TraceSource s = new AlibabaGpu2023Format().open(List.of(DEFAULT_PODS, GPU_NODES),
        TraceOptions.DEFAULTS)) {
      assertThat(s.header().format()).isEqualTo("alibaba-gpu-2023");
      assertThat(s.header().attributes()).containsEntry("nodeList", GPU_NODES.toString())
          .containsEntry("podList", DEFAULT_PODS.toString());
    }
  }

  @Test
  void registeredInTraceFormats() {
    assertThat(TraceFormats.get("alibaba-gpu-2023")).isInstanceOf(AlibabaGpu2023Format.class);
  }

  // ------------------------------------------------------------------ bad rows

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "non-numeric gpu | name,cpu_milli,memory_mib,num_gpu,gpu_milli | p1,1000,10,x,0"
          + " | 'num_gpu: expected a non-negative integer, got \"x\"'",
      "negative cpu | name,cpu_milli,memory_mib,num_gpu,gpu_milli | p1,-5,10,0,0"
          + " | 'cpu_milli: expected a non-negative integer, got \"-5\"'",
      "missing column | name,cpu_milli,memory_mib,num_gpu,gpu_milli | p1,1000,10,0"
          + " | 'row: expected 5 columns, got 4'",
      "gpu share over 1000 | name,cpu_milli,memory_mib,num_gpu,gpu_milli | p1,1000,10,1,1500"
          + " | 'gpu_milli: expected an integer from 0 to 1000, got \"1500\"'",
      "empty name | name,cpu_milli,memory_mib,num_gpu,gpu_milli | ,1000,10,0,0"
          + " | 'name: expected a value, got an empty field'",
      "empty creation | " + "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,"
          + "creation_time,deletion_time,scheduled_time | p1,1000,10,0,0,,LS,Running,,5,3"
          + " | 'creation_time: expected a non-negative integer, got \"\"'",
      "deleted before scheduled | " + "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,"
          + "pod_phase,creation_time,deletion_time,scheduled_time | p1,1000,10,0,0,,LS,Running,1,2,3"
          + " | 'deletion_time: expected at least scheduled_time 3, got \"2\"'",
      "scheduled before created | " + "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,"
          + "pod_phase,creation_time,deletion_time,scheduled_time | p1,1000,10,0,0,,LS,Running,4,9,3"
          + " | 'scheduled_time: expected at least creation_time 4, got \"3\"'",
      "node gpu count | sn,cpu_milli,memory_mib,gpu,model | n1,1000,10,two,T4"
          + " | 'gpu: expected a non-negative integer, got \"two\"'"})
  void badRowNamesFileLineColumnAndValue(String name, String header, String bad, String message)
      throws IOException {
    String good = header.startsWith("sn") ? "n0,1000,10,1,T4"
        : header.split(",").length == 5 ? "p0,1000,10,0,0" : "p0,1000,10,0,0,,LS,Running,0,5,1";
    Path file = tmp.resolve("bad.csv");
    String otherGood = good.charAt(0) + "9" + good.substring(2);
    Files.writeString(file, header + "\n" + good + "\n" + bad + "\n" + otherGood + "\n");
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(file + ":3: " + message)
        .satisfies(e -> assertThat(((TraceFormatException) e).line()).isEqualTo(3));
    List<TraceEvent> events = new ArrayList<>();
    try (TraceSource s = new AlibabaGpu2023Format().open(List.of(file),
        new TraceOptions(true, Map.of()))) {
      s.forEachRemaining(events::add);
      assertThat(s.badRows()).isEqualTo(1);
    }
    Set<String> names = new HashSet<>();
    for (TraceEvent e : events) {
      if (e instanceof PodSubmitted p) {
        names.add(p.pod().metadata().name());
      } else if (e instanceof NodeAdded n) {
        names.add(n.node().metadata().name());
      }
    }
    assertThat(names).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown header | a,b,c | 'bad.csv:1: header: expected \"sn,cpu_milli,memory_mib,gpu,model\","
          + " \"name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,"
          + "deletion_time,scheduled_time\" or \"name,cpu_milli,memory_mib,num_gpu,gpu_milli\","
          + " got \"a,b,c\"'",
      "empty file | '' | 'bad.csv:1: header: expected a header line, got an empty file'"})
  void unreadableInputs(String name, String content, String message) throws IOException {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, content);
    assertThatThrownBy(() -> read(file)).isInstanceOf(TraceFormatException.class)
        .hasMessage(tmp + "/" + message);
  }

  @Test
  void twoPodListsAreRefused() {
    Path other = DIR.resolve("openb_pod_list_cpu0.csv");
    assertThatThrownBy(() -> read(DEFAULT_PODS, other))
        .hasMessage(other + ":1: expected at most one pod list, got a second one after "
            + DEFAULT_PODS);
  }

  @Test
  void missingFileIsNamed() {
    Path missing = tmp.resolve("nope.csv");
    assertThatThrownBy(() -> read(missing))
        .hasMessage(missing + ": expected a CSV file, got nothing (no such file)");
  }

  // ------------------------------------------------------------------ helpers

  private static List<TraceEvent> read(Path... inputs) {
    List<TraceEvent> events = new ArrayList<>();
    try (TraceSource s = new AlibabaGpu2023Format().open(List.of(inputs), TraceOptions.DEFAULTS)) {
      s.forEachRemaining(events::add);
      assertThat(s.badRows()).isZero();
    }
    return events;
  }

  private static void assertTimeOrderedAndSubmittedBeforeDeleted(List<TraceEvent> events) {
    Set<String> live = new HashSet<>();
    long last = 0;
    for (TraceEvent e : events) {
      assertThat(e.timeNanos()).isGreaterThanOrEqualTo(last);
      last = e.timeNanos();
      if (e instanceof PodSubmitted s) {
        assertThat(live.add(s.pod().metadata().name())).isTrue();
      } else if (e instanceof PodDeleted d) {
        assertThat(live.remove(d.name())).as(d.name()).isTrue();
      }
    }
    assertThat(live).isEmpty();
  }

  private static final class Totals {
    long count;
    long cpuMilli;
    long memoryMib;
    long gpus;
    long gpuMilli;
  }

  private static Totals nodeTotals(List<TraceEvent> events) {
    Totals t = new Totals();
    for (TraceEvent e : events) {
      Map<String, Quantity> cap = ((NodeAdded) e).node().status().capacity();
      t.count++;
      t.cpuMilli += cap.get("cpu").milliValue();
      t.memoryMib += cap.get("memory").value() / MIB;
      t.gpus += cap.getOrDefault(AlibabaGpu2023Format.GPU_COUNT, Quantity.ZERO).value();
      t.gpuMilli += cap.getOrDefault(AlibabaGpu2023Format.GPU_MILLI, Quantity.ZERO).value();
    }
    return t;
  }

  private static Totals podTotals(List<PodSubmitted> pods) {
    Totals t = new Totals();
    for (PodSubmitted s : pods) {
      Map<String, Quantity> req = s.pod().spec().containers().get(0).resources().requests();
      t.count++;
      t.cpuMilli += req.get("cpu").milliValue();
      t.memoryMib += req.get("memory").value() / MIB;
      t.gpuMilli += req.getOrDefault(AlibabaGpu2023Format.GPU_MILLI, Quantity.ZERO).value();
    }
    return t;
  }

  private static List<String[]> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    return rows;
  }

  private static long sum(List<String[]> rows, int column) {
    long total = 0;
    for (String[] r : rows) {
      total += Long.parseLong(r[column]);
    }
    return total;
  }

  private static long gpuDemand(List<String[]> rows) {
    long total = 0;
    for (String[] r : rows) {
      total += Long.parseLong(r[3]) * Long.parseLong(r[4]);
    }
    return total;
  }
}
