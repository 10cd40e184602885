package io.schedlab.traces.alibaba2018;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskNameTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "M1; 1; ''",
      "R2_1; 2; 1",
      "J3_1_2; 3; 1 2",
      "M12_3_10_11; 12; 3 10 11",
      "task_Nzg3ODAwNDgzMTAwNTc2NTQ2Mw==; -1; ''",
      "MergeTask; -1; ''",
      "M; -1; ''",
      "1_2; -1; ''",
      "M2__1; -1; ''",
      "M2_; -1; ''",
      "M2_x; -1; ''"})
  void parsesTheDagEncoding(String name, int number, String deps) {
    TaskName t = TaskName.parse(name);
    assertThat(t.number()).isEqualTo(number);
    assertThat(t.dependsOn()).containsExactly(deps.isEmpty() ? new int[0]
        : java.util.Arrays.stream(deps.split(" ")).mapToInt(Integer::parseInt).toArray());
  }
}
