package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** INT96 (the seed's choice) and INT64 micros give the same instants through SQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampEncodingTest {

  private static final String RECORDS =
      """
      {"id": 1, "ts": "2026-11-24T08:54:13.443244Z"}
      {"id": 2, "ts": "2026-11-24T10:15:30+02:00"}
      {"id": 3, "ts": "1969-07-20T20:17:40.000001Z"}
      {"id": 4, "ts": "2026-11-24 23:59:59.999999"}
      """;

  @TempDir static Path dir;
  private RunningStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private PipelineSpec pipeline(String encoding) throws Exception {
    String name = "ts-" + encoding;
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %s:
            format: ndjson
            storage: {bucket: lake, prefix: encodings}
            parquet: {timestampEncoding: %s}
            catalog: {database: encodings, table: %s}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: encodings
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, encoding, name.replace('-', '_')));
  }

  @Test
  void int96AndInt64GiveTheSameInstants() throws Exception {
    List<String> expected =
        List.of(
            "1 2026-11-24 08:54:13.443244",
            "2 2026-11-24 08:15:30",
            "3 1969-07-20 20:17:40.000001",
            "4 2026-11-24 23:59:59.999999");
    for (String encoding : List.of("int64-micros", "int96")) {
      PipelineSpec pipeline = pipeline(encoding);
      assertThat(stack.export(pipeline, "b1", RECORDS).rowsVerified()).isEqualTo(4);
      List<String> rows =
          stack
              .query(
                  pipeline,
                  "SELECT id, ts FROM \"encodings\".\""
                      + pipeline.catalog().table()
                      + "\" ORDER BY id")
              .stream()
              .map(r -> r.get(0).longValue() + " " + r.get(1).stringValue())
              .toList();
      assertThat(rows).as(encoding).containsExactlyElementsOf(expected);
    }
  }
}
