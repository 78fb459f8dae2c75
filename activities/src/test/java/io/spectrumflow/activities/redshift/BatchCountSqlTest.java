package io.spectrumflow.activities.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.activities.support.Pipelines;
import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BatchCountSqlTest {

  private static final Pattern LITERAL = Pattern.compile("'([^']*)'");
  private final RedshiftSpec redshift = Pipelines.events(KeyLayout.HIVE).redshift();

  @Test
  void tenThousandObjectsAreCountedInStatementsTheDataApiTakesEachObjectOnce() {
    List<String> dates = List.of("2026-11-22", "2026-11-23", "2026-11-24");
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      uris.add(
          "s3://analytics-lake/exports/events/date="
              + dates.get(i % 3)
              + "/01JD3K7Q5Y8VZ2X4N6M0P9R1ST-"
              + String.format("%05d", i)
              + ".parquet");
    }

    List<String> statements =
        SpectrumSql.countBatchRows(new CountRequest(redshift, "events", "date", dates, uris));

    assertThat(statements).hasSizeGreaterThan(1);
    Map<String, Integer> named = new HashMap<>();
    for (String sql : statements) {
      assertThat(sql.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(BatchCountSql.MAX_STATEMENT_BYTES)
          .isLessThan(100_000);
      String[] halves = sql.split(" AND \"\\$path\" IN ", 2);
      List<String> partitions = literals(halves[0]);
      List<String> objects = literals(halves[1]);
      for (String uri : objects) {
        named.merge(uri, 1, Integer::sum);
        // the statement names the partition of each of its objects
        assertThat(partitions).anyMatch(p -> uri.contains("date=" + p + "/"));
      }
      // and no partition that none of its objects is in
      assertThat(partitions).allMatch(p -> objects.stream().anyMatch(u -> u.contains(p)));
    }
    assertThat(named).hasSize(10_000).containsOnlyKeys(uris);
    assertThat(named.values()).containsOnly(1);
  }

  @Test
  void aBatchWithoutObjectsCountsNothing() {
    assertThat(
            SpectrumSql.countBatchRows(
                new CountRequest(redshift, "events", "date", List.of("2026-11-24"), List.of())))
        .containsExactly(
            "SELECT count(*) FROM \"spectrum\".\"events\" WHERE \"date\" IN ('2026-11-24')"
                + " AND \"$path\" IN ('')");
  }

  private static List<String> literals(String sql) {
    List<String> values = new ArrayList<>();
    Matcher matcher = LITERAL.matcher(sql);
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }
}
