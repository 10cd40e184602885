package io.schedlab.traces.alibaba2018;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Small schema-conforming fixtures (src/test/resources/alibaba2018-fixture) mapped event by event.
 * Memory figures: normalised × 512 GiB / 100, rounded half-up to bytes (e.g. 0.39 → 2144047674).
 */
class Alibaba2018FixtureTest {
  private static final Path DIR = Path.of("src/test/resources/alibaba2018-fixture");
  private static final String J1 = " owner=Job:j_1 {alibaba.com/job=j_1} ";
  private static final String TASK = "task_Nzg3ODAwNDgzMTAwNTc2NTQ2Mw==";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("machine_meta: first row adds, a changed row updates, an unchanged row is dropped, -1 memory is absent",
            List.of("machine_meta.csv"), List.of(
                "0 add m_2 {cpu=96, memory=512Gi, pods=110} {alibaba.com/failure-domain-1=7, kubernetes.io/hostname=m_2} {alibaba.com/machine-status=USING}",
                "0 add m_1 {cpu=96, memory=512Gi, pods=110} {alibaba.com/failure-domain-1=3, alibaba.com/failure-domain-2=5, kubernetes.io/hostname=m_1} {alibaba.com/machine-status=USING}",
                "200 add m_3 {cpu=96, pods=110} unschedulable {alibaba.com/failure-domain-1=8, alibaba.com/failure-domain-2=1, kubernetes.io/hostname=m_3} {alibaba.com/machine-status=IMPORT_INSTALLING}",
                "400 update m_1 {cpu=96, memory=512Gi, pods=110} {alibaba.com/failure-domain-1=3, alibaba.com/failure-domain-2=6, kubernetes.io/hostname=m_1} {alibaba.com/machine-status=USING}")),
        Arguments.of("container_meta: sorted by time, stopped deletes, 101/-1 memory and empty limit are absent",
            List.of("container_meta.csv"), List.of(
                "0 submit online/c_1 req={cpu=4, memory=8576190697} lim={cpu=4, memory=8576190697} dur=500 usage={} deps=[] {alibaba.com/app-du=app_1} {alibaba.com/container-status=started, alibaba.com/recorded-machine=m_1}",
                "20 submit online/c_3 req={cpu=1010m} lim={} dur=? usage={} deps=[] {alibaba.com/app-du=app_1} {alibaba.com/container-status=allocated, alibaba.com/recorded-machine=m_2}",
                "50 submit online/c_2 req={cpu=1} lim={cpu=2} dur=? usage={} deps=[] {alibaba.com/app-du=app_2} {alibaba.com/container-status=started, alibaba.com/recorded-machine=m_5}",
                "500 delete online/c_1 DELETED")),
        Arguments.of("batch_task alone: instance_num pods per task, DAG deps on every pod of the predecessors",
            List.of("batch_task.csv"), List.of(
                "100 submit batch/j_1-M1-0 req={cpu=1, memory=2144047674} lim={} dur=100 usage={} deps=[]" + J1 + "{alibaba.com/status=Terminated, alibaba.com/task=M1, alibaba.com/task-type=1}",
                "100 submit batch/j_1-M1-1 req={cpu=1, memory=2144047674} lim={} dur=100 usage={} deps=[]" + J1 + "{alibaba.com/status=Terminated, alibaba.com/task=M1, alibaba.com/task-type=1}",
                "150 submit batch/j_2-" + TASK + "-0 req={cpu=2, memory=8246337208} lim={} dur=? usage={} deps=[] owner=Job:j_2 {alibaba.com/job=j_2} {alibaba.com/status=Running, alibaba.com/task=" + TASK + ", alibaba.com/task-type=12}",
                "200 delete batch/j_1-M1-0 FINISHED",
                "200 delete batch/j_1-M1-1 FINISHED",
                "210 submit batch/j_1-R2_1-0 req={cpu=500m} lim={} dur=90 usage={} deps=[batch/j_1-M1-0, batch/j_1-M1-1]" + J1 + "{alibaba.com/status=Terminated, alibaba.com/task=R2_1, alibaba.com/task-type=1}",
                "300 delete batch/j_1-R2_1-0 FINISHED",
                "310 submit batch/j_1-J3_1_2-0 req={} lim={} dur=10 usage={} deps=[batch/j_1-M1-0, batch/j_1-M1-1, batch/j_1-R2_1-0]" + J1 + "{alibaba.com/status=Failed, alibaba.com/task=J3_1_2, alibaba.com/task-type=1}",
                "320 delete batch/j_1-J3_1_2-0 FAILED")),
        Arguments.of("batch_task + batch_instance: one pod per instance row, requests from the task, usage from the instance",
            List.of("batch_task.csv", "batch_instance.csv"), List.of(
                "100 submit batch/j_1-M1-0 req={cpu=1, memory=2144047674} lim={} dur=50 usage={cpu=800m, memory=1099511628} deps=[]" + J1 + "{alibaba.com/instance-name=ins_1, alibaba.com/recorded-machine=m_1, alibaba.com/seq-no=1, alibaba.com/status=Terminated, alibaba.com/task=M1, alibaba.com/task-type=1, alibaba.com/total-seq-no=1}",
                "105 submit batch/j_1-M1-1 req={cpu=1, memory=2144047674} lim={} dur=95 usage={} deps=[]" + J1 + "{alibaba.com/instance-name=ins_2, alibaba.com/recorded-machine=m_2, alibaba.com/seq-no=1, alibaba.com/status=Terminated, alibaba.com/task=M1, alibaba.com/task-type=1, alibaba.com/total-seq-no=1}",
                "150 delete batch/j_1-M1-0 FINISHED",
                "150 submit batch/j_2-" + TASK + "-0 req={cpu=2, memory=8246337208} lim={} dur=? usage={cpu=1500m, memory=5497558139} deps=[] owner=Job:j_2 {alibaba.com/job=j_2} {alibaba.com/instance-name=ins_3, alibaba.com/recorded-machine=m_3, alibaba.com/seq-no=1, alibaba.com/status=Running, alibaba.com/task=" + TASK + ", alibaba.com/task-type=12, alibaba.com/total-seq-no=1}",
                "160 submit batch/j_1-M1-2 req={cpu=1, memory=2144047674} lim={} dur=10 usage={} deps=[]" + J1 + "{alibaba.com/instance-name=ins_4, alibaba.com/recorded-machine=m_1, alibaba.com/seq-no=1, alibaba.com/status=Failed, alibaba.com/task=M1, alibaba.com/task-type=1, alibaba.com/total-seq-no=2}",
                "170 delete batch/j_1-M1-2 FAILED",
                "171 submit batch/j_1-M1-3 req={cpu=1, memory=2144047674} lim={} dur=28 usage={cpu=900m, memory=1374389535} deps=[]" + J1 + "{alibaba.com/instance-name=ins_4, alibaba.com/recorded-machine=m_1, alibaba.com/seq-no=2, alibaba.com/status=Terminated, alibaba.com/task=M1, alibaba.com/task-type=1, alibaba.com/total-seq-no=2}",
                "199 delete batch/j_1-M1-3 FINISHED",
                "200 delete batch/j_1-M1-1 FINISHED",
                "210 submit batch/j_1-R2_1-0 req={cpu=500m} lim={} dur=90 usage={cpu=500m, memory=2748779069} deps=[batch/j_1-M1-0, batch/j_1-M1-1, batch/j_1-M1-2, batch/j_1-M1-3]" + J1 + "{alibaba.com/instance-name=ins_5, alibaba.com/recorded-machine=m_2, alibaba.com/seq-no=1, alibaba.com/status=Terminated, alibaba.com/task=R2_1, alibaba.com/task-type=1, alibaba.com/total-seq-no=1}",
                "300 delete batch/j_1-R2_1-0 FINISHED",
                "310 submit batch/j_1-J3_1_2-0 req={} lim={} dur=10 usage={} deps=[batch/j_1-M1-0, batch/j_1-M1-1, batch/j_1-M1-2, batch/j_1-M1-3, batch/j_1-R2_1-0]" + J1 + "{alibaba.com/instance-name=ins_6, alibaba.com/recorded-machine=m_3, alibaba.com/seq-no=1, alibaba.com/status=Failed, alibaba.com/task=J3_1_2, alibaba.com/task-type=1, alibaba.com/total-seq-no=1}",
                "320 delete batch/j_1-J3_1_2-0 FAILED")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void mapsEveryRow(String name, List<String> files, List<String> expected) {
    try (TraceSource source = new Alibaba2018Format().open(files.stream().map(DIR::resolve).toList(), TraceOptions.DEFAULTS)) {
      assertThat(EventText.all(source)).containsExactlyElementsOf(expected);
      assertThat(source.badRows()).isZero();
    }
  }

  @Test
  void aFolderMergesTheFourTablesByTimeNodesFirstThenDeletionsThenContainersThenBatch() {
    try (TraceSource source = new Alibaba2018Format().open(List.of(DIR), TraceOptions.DEFAULTS)) {
      List<String> lines = EventText.all(source);
      assertThat(lines).hasSize(4 + 4 + 13);
      assertThat(source.header().format()).isEqualTo("alibaba-2018");
      assertThat(source.header().source())
          .isEqualTo("machine_meta.csv,container_meta.csv,batch_task.csv,batch_instance.csv");
      assertThat(lines.stream().map(l -> l.substring(0, l.indexOf(' ', l.indexOf(' ') + 1) + 1)
          + l.split(" ")[2]).toList()).containsExactly(
          "0 add m_2", "0 add m_1", "0 submit online/c_1", "20 submit online/c_3", "50 submit online/c_2",
          "100 submit batch/j_1-M1-0", "105 submit batch/j_1-M1-1", "150 delete batch/j_1-M1-0",
          "150 submit batch/j_2-" + TASK + "-0", "160 submit batch/j_1-M1-2", "170 delete batch/j_1-M1-2",
          "171 submit batch/j_1-M1-3", "199 delete batch/j_1-M1-3", "200 add m_3", "200 delete batch/j_1-M1-1",
          "210 submit batch/j_1-R2_1-0", "300 delete batch/j_1-R2_1-0", "310 submit batch/j_1-J3_1_2-0",
          "320 delete batch/j_1-J3_1_2-0", "400 update m_1", "500 delete online/c_1");
    }
  }

  @Test
  void eventTimesAreNanoseconds() {
    try (TraceSource source = new Alibaba2018Format().open(List.of(DIR.resolve("container_meta.csv")), TraceOptions.DEFAULTS)) {
      source.next();
      TraceEvent second = source.next();
      assertThat(second.timeNanos()).isEqualTo(20_000_000_000L);
    }
  }
}
