package io.spectrumflow.local.aws.redshift.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void findsTablesOfKnownSchemasOutsideLiteralsAndComments() {
    String sql =
        "SELECT * FROM Spectrum.events e JOIN \"spectrum\".\"Users\" u ON e.id = u.id"
            + " JOIN public.local l ON true WHERE e.note <> 'spectrum.fake' -- spectrum.comment\n"
            + " AND x IN (SELECT 1 FROM dev.spectrum.third)";

    assertThat(SqlText.tablesIn(sql, Set.of("spectrum")))
        .containsExactly(
            new SqlText.TableName("spectrum", "events"),
            new SqlText.TableName("spectrum", "users"),
            new SqlText.TableName("spectrum", "third"));
  }

  @Test
  void seesPseudoColumnsOnlyOutsideLiterals() {
    assertThat(SqlText.mentionsPseudoColumns("SELECT \"$path\" FROM s.t")).isTrue();
    assertThat(SqlText.mentionsPseudoColumns("SELECT '$path' FROM s.t")).isFalse();
  }

  @Test
  void bindsParametersAsLiteralsButNotCastsOrQuotedText() {
    String sql = "SELECT :a::int, ':a', \":a\", :b -- :a\n";
    assertThat(SqlParameters.apply(sql, Map.of("a", "1", "b", "it's")))
        .isEqualTo("SELECT '1'::int, ':a', \":a\", 'it''s' -- :a\n");
  }

  @Test
  void namesColumnsAsRedshiftDoes() {
    assertThat(ColumnLabels.of("count_star()", "SELECT count(*) FROM t")).isEqualTo("count");
    assertThat(ColumnLabels.of("sum(n)", "SELECT sum(n) FROM t")).isEqualTo("sum");
    assertThat(ColumnLabels.of("CAST(id AS INTEGER)", "SELECT id::int FROM t")).isEqualTo("id");
    assertThat(ColumnLabels.of("(1 + 1)", "SELECT 1 + 1")).isEqualTo("?column?");
    assertThat(ColumnLabels.of("Name", "SELECT Name FROM t")).isEqualTo("name");
    assertThat(ColumnLabels.of("a b", "SELECT 1 AS \"a b\"")).isEqualTo("a b");
  }
}
