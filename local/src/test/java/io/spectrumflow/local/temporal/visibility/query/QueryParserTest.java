package io.spectrumflow.local.temporal.visibility.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.IndexedValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  private static final Map<String, IndexedValueType> TYPES =
      Map.of(
          "WorkflowId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "ExecutionStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          "StartTime", IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
          "ExecutionDuration", IndexedValueType.INDEXED_VALUE_TYPE_INT,
          "Rows", IndexedValueType.INDEXED_VALUE_TYPE_INT,
          "Score", IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
          "Dates", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
          "Done", IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
          "Notes", IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
          "Odd Name", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

  private static final AttributeSource RUN =
      Map.<String, Object>of(
              "WorkflowId",
              "export-events-b1",
              "ExecutionStatus",
              "Completed",
              "StartTime",
              Instant.parse("2026-11-24T10:00:00Z"),
              "ExecutionDuration",
              90_000_000_000L,
              "Rows",
              42L,
              "Score",
              0.5,
              "Dates",
              List.of("2026-11-23", "2026-11-24"),
              "Done",
              true,
              "Notes",
              "Loaded the Daily batch",
              "Odd Name",
              "x")
          ::get;

  private static boolean matches(String query) {
    return VisibilityQuery.parse(query, name -> Optional.ofNullable(TYPES.get(name)))
        .where()
        .matches(RUN);
  }

  @Test
  void comparesEachType() {
    assertThat(matches("WorkflowId = 'export-events-b1'")).isTrue();
    assertThat(matches("WorkflowId = \"export-events-b1\"")).isTrue();
    assertThat(matches("WorkflowId STARTS_WITH 'export-'")).isTrue();
    assertThat(matches("WorkflowId NOT STARTS_WITH 'export-'")).isFalse();
    assertThat(matches("ExecutionStatus = 'Completed'")).isTrue();
    assertThat(matches("ExecutionStatus = 'WORKFLOW_EXECUTION_STATUS_COMPLETED'")).isTrue();
    assertThat(matches("ExecutionStatus = 2")).isTrue();
    assertThat(matches("StartTime > '2026-11-24T09:59:59.5Z'")).isTrue();
    assertThat(matches("StartTime >= '2026-11-24T11:00:00+01:00'")).isTrue();
    assertThat(matches("StartTime < '2026-11-24T10:00:00Z'")).isFalse();
    assertThat(matches("StartTime BETWEEN '2026-11-24T00:00:00Z' AND '2026-11-25T00:00:00Z'"))
        .isTrue();
    assertThat(matches("Rows = 42 AND Rows != 41 AND Rows <= 42.0 AND Rows > 41.5")).isTrue();
    assertThat(matches("Rows IN (1, 42)")).isTrue();
    assertThat(matches("Rows NOT IN (1, 2)")).isTrue();
    assertThat(matches("Rows NOT BETWEEN 40 AND 50")).isFalse();
    assertThat(matches("Score < 1")).isTrue();
    assertThat(matches("Done = true")).isTrue();
    assertThat(matches("Dates = '2026-11-24'")).isTrue();
    assertThat(matches("Dates != '2026-11-24'")).isFalse();
    assertThat(matches("Dates IN ('2026-01-01', '2026-11-23')")).isTrue();
    assertThat(matches("Notes = 'daily'")).isTrue();
    assertThat(matches("`Odd Name` = 'x'")).isTrue();
    assertThat(matches("ExecutionDuration > '1m' AND ExecutionDuration < '00:02:00'")).isTrue();
  }

  @Test
  void combinesWithAndOrNotAndParentheses() {
    assertThat(matches("Rows = 1 OR Rows = 42 AND Done = true")).isTrue();
    assertThat(matches("(Rows = 1 OR Rows = 42) AND Done = false")).isFalse();
    assertThat(matches("NOT (Rows = 1) and done = true".replace("done", "Done"))).isTrue();
    assertThat(matches("")).isTrue();
  }

  @Test
  void absentAttributesOnlyMatchIsNull() {
    Map<String, IndexedValueType> types =
        Map.of("Other", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    AttributeSource empty = name -> null;
    assertThat(
            VisibilityQuery.parse("Other = 'x'", n -> Optional.ofNullable(types.get(n)))
                .where()
                .matches(empty))
        .isFalse();
    assertThat(
            VisibilityQuery.parse("Other != 'x'", n -> Optional.ofNullable(types.get(n)))
                .where()
                .matches(empty))
        .isFalse();
    assertThat(
            VisibilityQuery.parse("Other IS NULL", n -> Optional.ofNullable(types.get(n)))
                .where()
                .matches(empty))
        .isTrue();
    assertThat(
            VisibilityQuery.parse("Other IS NOT NULL", n -> Optional.ofNullable(types.get(n)))
                .where()
                .matches(empty))
        .isFalse();
  }

  @Test
  void readsOrderAndGroup() {
    VisibilityQuery query =
        VisibilityQuery.parse(
            "Rows > 1 ORDER BY StartTime DESC, WorkflowId",
            name -> Optional.ofNullable(TYPES.get(name)));
    assertThat(query.orderBy())
        .extracting(term -> term.column().name() + (term.descending() ? " desc" : ""))
        .containsExactly("StartTime desc", "WorkflowId");

    VisibilityQuery grouped =
        VisibilityQuery.parse(
            "GROUP BY ExecutionStatus", name -> Optional.ofNullable(TYPES.get(name)));
    assertThat(grouped.groupBy()).map(Column::name).contains("ExecutionStatus");
  }

  @Test
  void refusesWhatTheServerRefuses() {
    assertRefused(
        "Rows = ",
        "invalid query: malformed SQL query: syntax error at position 8 near end of query");
    assertRefused("Rows == 1", "malformed SQL query: syntax error");
    assertRefused("WorkflowId = 'open", "unterminated quoted text");
    assertRefused("Rows = 1 LIMIT 3", "operation is not supported: 'LIMIT' clause");
    assertRefused("Nope = 1", "column name 'Nope' is not a valid search attribute");
    assertRefused("WorkflowId = export", "did you forget to quote 'export'?");
    assertRefused(
        "Rows = '42'",
        "invalid value type for search attribute Rows of type Int: \"42\" (type: string)");
    assertRefused("Done = 1", "invalid value type for search attribute Done of type Bool");
    assertRefused(
        "Dates STARTS_WITH '2026'",
        "operator 'starts_with' not supported for KeywordList type search attribute 'Dates'");
    assertRefused("Notes IN ('a')", "operator 'in' not supported for Text type");
    assertRefused(
        "Dates BETWEEN 'a' AND 'b'",
        "cannot do range condition on search attribute 'Dates' of type KeywordList");
    assertRefused("GROUP BY WorkflowId", "'GROUP BY' clause is only supported for ExecutionStatus");
    assertRefused("ORDER BY Notes", "unable to sort by search attribute type Text");
    assertRefused(
        "ExecutionDuration > 'soon'",
        "invalid duration value for search attribute ExecutionDuration");
  }

  private static void assertRefused(String query, String message) {
    assertThatThrownBy(
            () -> VisibilityQuery.parse(query, name -> Optional.ofNullable(TYPES.get(name))))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining(message)
        .hasMessageStartingWith("invalid query: ");
  }
}
