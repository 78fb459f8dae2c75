package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH_TIME;
import static io.spectrumflow.activities.dump.DumpTestSupport.avroRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.duck;
import static io.spectrumflow.activities.dump.DumpTestSupport.duckRows;
import static io.spectrumflow.activities.dump.DumpTestSupport.dump;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.row;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Partitions, file rolling, the open-file limit, codecs, determinism and progress. */
class ParquetDumperFilesTest {

  @TempDir Path dir;

  @Test
  void partitionsByBatchTimeWithoutAPartitionField() throws Exception {
    Path input =
        write(dir, "in.ndjson", "{\"ts\": \"2020-01-01T00:00:00Z\"}\n{\"ts\": \"2021-05-05\"}\n");

    DumpOutcome outcome = dump(pipeline(SourceFormat.JSON, null), dir.resolve("o"), input);

    assertThat(outcome.files())
        .extracting(PartFile::partitionValue, PartFile::sequence, PartFile::rows)
        .containsExactly(tuple("2026-11-24", 0, 2L));
    assertThat(Path.of(outcome.files().get(0).localPath()))
        .isEqualTo(dir.resolve("o/2026-11-24/batch-1-00000.parquet"))
        .isAbsolute()
        .exists();
  }

  @Test
  void thePartitionFieldMayBeNamedAsInTheInputOrAsItsColumn() throws Exception {
    Path input =
        write(
            dir,
            "in.csv",
            "Event ID,Event Time\n1,2026-11-23T23:30:00-01:00\n2,2026-11-23T10:00:00Z\n");

    for (String field : List.of("Event Time", "event_time")) {
      DumpOutcome outcome =
          dump(pipeline(SourceFormat.CSV, field), dir.resolve("o-" + field.length()), input);
      assertThat(outcome.files())
          .extracting(PartFile::partitionValue, PartFile::rows)
          .containsExactly(tuple("2026-11-23", 1L), tuple("2026-11-24", 1L));
    }
  }

  @Test
  void rollsToTheNextFileAtTheTargetSize() throws Exception {
    StringBuilder ndjson = new StringBuilder();
    int records = 30_000;
    for (int i = 0; i < records; i++) {
      ndjson.append("{\"id\": ").append(i).append(", \"text\": \"value number ").append(i * 7919L);
      ndjson.append("\"}\n");
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());
    ParquetSpec small =
        new ParquetSpec(Compression.SNAPPY, 100_000, 50_000, TimestampEncoding.INT64_MICROS);

    DumpOutcome outcome =
        dump(pipeline(SourceFormat.JSON, null, small, List.of()), dir.resolve("o"), input);

    assertThat(outcome.files()).hasSizeGreaterThan(2);
    assertThat(outcome.files())
        .extracting(PartFile::sequence)
        .containsExactlyElementsOf(IntStream.range(0, outcome.files().size()).boxed().toList());
    assertThat(outcome.files().stream().mapToLong(PartFile::rows).sum()).isEqualTo(records);
    assertThat(outcome.rows()).isEqualTo(records);
    for (PartFile file : outcome.files()) {
      assertThat(Files.size(Path.of(file.localPath()))).isEqualTo(file.bytes());
      assertThat(duck("SELECT count(*) AS n FROM read_parquet('" + file.localPath() + "')"))
          .containsExactly(row("n", file.rows()));
    }
    List<Object> ids = avroRows(outcome.files()).stream().map(r -> r.get("id")).toList();
    assertThat(ids)
        .containsExactlyElementsOf(
            LongStream.range(0, records).boxed().map(Object.class::cast).toList());
  }

  @Test
  void moreThanEightInterleavedPartitionsStillGetOneFileEachAndStayDeterministic()
      throws Exception {
    // 12 dates, 10 records each, twice round: more partitions than open files, interleaved.
    StringBuilder ndjson = new StringBuilder();
    for (int round = 0; round < 2; round++) {
      for (int day = 0; day < 12; day++) {
        for (int n = 0; n < 10; n++) {
          ndjson
              .append("{\"ts\": \"")
              .append(LocalDate.of(2026, 1, 1).plusDays(day))
              .append("T10:00:00Z\", \"round\": ")
              .append(round)
              .append(", \"n\": ")
              .append(n)
              .append("}\n");
        }
      }
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());

    DumpOutcome first = dump(pipeline(SourceFormat.JSON, "ts"), dir.resolve("a"), input);
    DumpOutcome second = dump(pipeline(SourceFormat.JSON, "ts"), dir.resolve("b"), input);

    List<Tuple> expected = new ArrayList<>();
    for (int day = 0; day < 12; day++) {
      expected.add(tuple(LocalDate.of(2026, 1, 1).plusDays(day).toString(), 0, 20L));
    }
    assertThat(first.files())
        .extracting(PartFile::partitionValue, PartFile::sequence, PartFile::rows)
        .containsExactlyElementsOf(expected);
    assertThat(first.rows()).isEqualTo(240);
    for (PartFile file : first.files()) {
      // each file holds its date's records in input order: round 0 first, then round 1
      assertThat(avroRows(List.of(file)).stream().map(r -> r.get("round")).toList())
          .containsExactlyElementsOf(
              LongStream.range(0, 20).map(i -> i / 10).boxed().map(Object.class::cast).toList());
    }
    // Deterministic: the same input gives byte-identical files.
    assertThat(second.files()).hasSameSizeAs(first.files());
    for (int i = 0; i < first.files().size(); i++) {
      Path a = Path.of(first.files().get(i).localPath());
      Path b = Path.of(second.files().get(i).localPath());
      assertThat(dir.resolve("a").relativize(a)).isEqualTo(dir.resolve("b").relativize(b));
      assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyCodecIsWrittenAndReadableByDuckDb(Compression compression) throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      ndjson
          .append("{\"id\": ")
          .append(i)
          .append(", \"s\": \"Zoë ✓ ")
          .append(i % 10)
          .append("\"}\n");
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());

    DumpOutcome outcome =
        dump(
            pipeline(SourceFormat.JSON, null, compression, 1 << 20, List.of()),
            dir.resolve("o"),
            input);

    Path file = Path.of(outcome.files().get(0).localPath());
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec())
          .isEqualTo(CompressionCodecName.valueOf(compression.name()));
    }
    assertThat(
            duck(
                "SELECT count(*) AS n, sum(id) AS total, count(DISTINCT s) AS texts"
                    + " FROM read_parquet('"
                    + file
                    + "')"))
        .containsExactly(row("n", 1000L, "total", BigInteger.valueOf(499_500), "texts", 10L));
    assertThat(duckRows(outcome.files(), outcome.columns()).get(7))
        .isEqualTo(row("id", 7L, "s", "Zoë ✓ 7"));
  }

  @Test
  void clearsThisBatchsFilesFromAnEarlierAttemptOnly() throws Exception {
    Path out = dir.resolve("o");
    Path stale = out.resolve("2020-01-01/" + BATCH + "-00003.parquet");
    Path otherBatch = out.resolve("2020-01-01/other-00000.parquet");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "stale");
    Files.writeString(otherBatch, "keep");
    Path input = write(dir, "in.ndjson", "{\"a\": 1}\n");

    dump(pipeline(SourceFormat.JSON, null), out, input);

    assertThat(stale).doesNotExist();
    assertThat(otherBatch).hasContent("keep");
    assertThat(out.resolve("2026-11-24/" + BATCH + "-00000.parquet")).exists();
  }

  @Test
  void reportsProgressEveryTenThousandRecords() throws Exception {
    StringBuilder csv = new StringBuilder("n\n");
    for (int i = 0; i < 25_000; i++) {
      csv.append(i).append('\n');
    }
    Path input = write(dir, "in.csv", csv.toString());
    List<Long> reported = new ArrayList<>();

    new ParquetDumper(pipeline(SourceFormat.CSV, null))
        .dump(List.of(input), dir.resolve("o"), BATCH, BATCH_TIME, reported::add);

    // Two calls with 0 while inferring, then rows written, then the total.
    assertThat(reported).containsExactly(0L, 0L, 10_000L, 20_000L, 25_000L);
  }

  @Test
  void rejectsUnusableSettingsBeforeReadingInput() {
    ParquetSpec noTarget =
        new ParquetSpec(Compression.SNAPPY, 0, 1 << 20, TimestampEncoding.INT64_MICROS);

    assertThatThrownBy(
            () -> new ParquetDumper(pipeline(SourceFormat.JSON, null, noTarget, List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive targetFileBytes");
    assertThatThrownBy(
            () ->
                new ParquetDumper(
                    pipeline(
                        SourceFormat.JSON,
                        null,
                        Compression.SNAPPY,
                        1 << 20,
                        List.of(DumpTestSupport.column("Event Time", ColumnType.STRING)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Event Time\", which Glue and Redshift do not accept");
    assertThatThrownBy(
            () ->
                new ParquetDumper(
                    pipeline(
                        SourceFormat.JSON,
                        null,
                        Compression.SNAPPY,
                        1 << 20,
                        List.of(DumpTestSupport.column("date", ColumnType.STRING)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leave the partition column out of the schema");
    assertThatThrownBy(
            () ->
                new ParquetDumper(pipeline(SourceFormat.JSON, null))
                    .dump(List.of(), dir.resolve("o"), "../x", BATCH_TIME, rows -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch id");
  }

  @Test
  void oneDumperRunsSeveralDumps() throws Exception {
    ParquetDumper dumper =
        new ParquetDumper(
            pipeline(
                SourceFormat.JSON,
                null,
                Compression.SNAPPY,
                1 << 20,
                List.of(DumpTestSupport.column("a", ColumnType.BIGINT))));
    Path first = write(dir, "1.ndjson", "{\"a\": 1, \"x\": 1}\n");
    Path second = write(dir, "2.ndjson", "{\"y\": 1, \"a\": 2}\n");

    DumpOutcome one = dumper.dump(List.of(first), dir.resolve("1"), "b1", BATCH_TIME, n -> {});
    DumpOutcome two = dumper.dump(List.of(second), dir.resolve("2"), "b2", BATCH_TIME, n -> {});

    assertThat(avroRows(one.files())).containsExactly(row("a", 1L));
    assertThat(avroRows(two.files())).containsExactly(row("a", 2L));
  }

  @Test
  void deletesThePartialFilesOfAFailedDump() throws Exception {
    Path input = write(dir, "in.ndjson", "{\"id\": 1}\n{\"id\": 2}\n");
    Path out = dir.resolve("o");

    assertThatThrownBy(
            () ->
                dump(
                    pipeline(
                        SourceFormat.JSON,
                        null,
                        Compression.SNAPPY,
                        1 << 20,
                        List.of(DumpTestSupport.column("id", ColumnType.BOOLEAN))),
                    out,
                    input))
        .isInstanceOf(BadInputException.class);

    try (var files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
