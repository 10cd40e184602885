package io.schedlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code schedlab conformance}: exit 0 when every case passes, 1 when one fails, with one line per
 * failed expectation and the count last. Unreadable input (exit 2) is in {@link BadInputTest}.
 */
class ConformanceCommandTest {
  @Test
  void foldersOfPassingFilesExitZeroWithOnlyTheCount() {
    // NodeName.json and NodeUnschedulable.json as upstream wrote them: two cases each.
    Cli r = Cli.run("conformance", "--cases", Cli.fixture("conformance/passing"));
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.outLines()).containsExactly("4 passed, 0 failed");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aWrongExpectationExitsOneWithItsFailureLineBeforeTheCount() {
    Cli r = Cli.run("conformance", "--cases", Cli.fixture("conformance/wrong-expectation"));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.outLines()).containsExactly(
        "NodeName-wrong.json: case \"host doesn't match\": node foo: filter: expected Unschedulable,"
            + " got UnschedulableAndUnresolvable: node(s) didn't match the requested node name",
        "1 passed, 1 failed");
    assertThat(r.err()).isEmpty();
  }
}
