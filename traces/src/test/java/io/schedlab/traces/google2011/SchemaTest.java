package io.schedlab.traces.google2011;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.traces.google2011.GoogleClusterData2011Format.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader's tables have the field counts of the shipped schema.csv. */
class SchemaTest {
  @Test
  void fieldCountsAgreeWithTheShippedSchema() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/resources/google-clusterdata-2011/schema.csv"));
    Map<String, Integer> fields = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String table = line.substring(0, line.indexOf('/'));
      fields.merge(table, 1, Integer::sum);
    }
    assertThat(lines).hasSize(58 + 1);
    for (Table t : Table.values()) {
      assertThat(fields.get(t.folder)).as(t.folder).isEqualTo(t.fields);
    }
  }
}
