package io.spectrumflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.pipeline.ColumnMap.Held;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMapTest {

  @Test
  void clashingNewFieldsGetTheSameColumnsInEitherOrder() {
    Map<String, String> one = ColumnMap.of(List.of("A b", "a_b", "A.B"), "date", List.of());
    Map<String, String> other = ColumnMap.of(List.of("A.B", "a_b", "A b"), "date", List.of());

    // "a_b" is legal: it keeps its name; the others follow in string order ("A b" < "A.B").
    assertThat(one)
        .containsExactly(
            Map.entry("A b", "a_b_2"), Map.entry("a_b", "a_b"), Map.entry("A.B", "a_b_3"));
    assertThat(other).containsExactlyInAnyOrderEntriesOf(one);
  }

  @Test
  void aFieldNamedLikeThePartitionColumnOrATakenSuffixMovesOn() {
    assertThat(ColumnMap.of(List.of("Date", "date", "a", "A", "a_2"), "date", List.of()))
        .containsExactly(
            Map.entry("Date", "date_2"),
            Map.entry("date", "date_3"),
            Map.entry("a", "a"),
            Map.entry("A", "a_3"),
            Map.entry("a_2", "a_2"));
  }

  @Test
  void recordedFieldsKeepTheirColumnsAndNewFieldsTakeNoTableColumn() {
    List<Held> table = List.of(new Held("a_b", "A b"), new Held("x", "x"));

    Map<String, String> mapped = ColumnMap.of(List.of("a_b", "A b", "X"), "date", table);

    // "a_b" is new and its name is the table's: it gets a free one, as does "X" (x is taken).
    assertThat(mapped)
        .containsExactly(Map.entry("a_b", "a_b_2"), Map.entry("A b", "a_b"), Map.entry("X", "x_2"));
    assertThat(ColumnMap.of(List.of("A b", "a_b", "X"), "date", table))
        .containsExactlyInAnyOrderEntriesOf(mapped);
  }

  @Test
  void aColumnThatRecordsNoFieldIsHeldByTheFieldOfItsNameElseTheFirstInStringOrder() {
    List<Held> table = List.of(new Held("a_b", null), new Held("c_d", null));

    assertThat(ColumnMap.of(List.of("A b", "a_b", "C d", "C.d"), "date", table))
        .containsExactly(
            Map.entry("A b", "a_b_2"),
            Map.entry("a_b", "a_b"),
            Map.entry("C d", "c_d"),
            Map.entry("C.d", "c_d_2"));
    assertThat(ColumnMap.of(List.of("C.d", "C d", "a_b", "A b"), "date", table))
        .containsEntry("C d", "c_d")
        .containsEntry("C.d", "c_d_2")
        .containsEntry("a_b", "a_b");
  }

  @Test
  void longNamesKeepTheirSuffixWithin127Characters() {
    String upper = "X".repeat(130);
    String lower = "x".repeat(127);

    assertThat(ColumnMap.of(List.of(upper, lower), null, List.of()))
        .containsExactly(Map.entry(upper, "x".repeat(125) + "_2"), Map.entry(lower, lower));
  }
}
