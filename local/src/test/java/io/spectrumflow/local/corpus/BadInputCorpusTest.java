package io.spectrumflow.local.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spectrumflow.activities.dump.BadInputException;
import io.spectrumflow.activities.dump.DumpOutcome;
import io.spectrumflow.activities.dump.InputCheck;
import io.spectrumflow.activities.dump.ParquetDumper;
import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the bad-input corpus gets its documented outcome: a rejection that names the
 * record, line and field and says what to do, or a documented lenient behaviour.
 */
class BadInputCorpusTest {

  private static final StringBuilder SUMMARY = new StringBuilder();
  private static final Pattern COLUMN_RANGE =
      Pattern.compile("([a-z_]+)([0-9]+)\\.\\.[a-z_]+([0-9]+) ([A-Z]+)");
  @TempDir static Path dir;
  private static PipelineSpec json;
  private static PipelineSpec csv;

  @BeforeAll
  static void pipelines() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("corpus.yml"),
            """
            pipelines:
              corpus-json:
                format: json
                storage: {bucket: b}
                partition: {field: event_time}
                catalog: {database: d}
                redshift: {workgroupName: w, iamRole: r}
              corpus-csv:
                format: csv
                storage: {bucket: b}
                partition: {field: event_time}
                catalog: {database: d}
                redshift: {workgroupName: w, iamRole: r}
            """);
    json = PipelinesFile.load(config).pipeline("corpus-json");
    csv = PipelinesFile.load(config).pipeline("corpus-csv");
  }

  @AfterAll
  static void printSummary() {
    System.out.println("Bad-input corpus:\n" + SUMMARY);
  }

  static Stream<CorpusCase> cases() throws IOException {
    try (InputStream manifest =
        BadInputCorpusTest.class.getResourceAsStream("/bad-input/cases.yml")) {
      return Stream.concat(
          new ObjectMapper(new YAMLFactory())
              .readValue(manifest, new TypeReference<List<CorpusCase>>() {}).stream(),
          InvalidUtf8Cases.cases().stream());
    }
  }

  @Test
  void theCorpusHasAtLeastTwentyFiveCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseHasItsDocumentedOutcome(CorpusCase c) throws Exception {
    Path input = input(c);
    PipelineSpec pipeline = pipelineFor(c);
    Path out = Files.createTempDirectory(dir, "out");
    if (c.outcome().equals("rejected")) {
      BadInputException bad =
          catchThrowableOfType(BadInputException.class, () -> dump(pipeline, input, out));
      assertThat(bad).as("%s should be rejected", c.file()).isNotNull();
      if (c.record() != null) {
        assertThat(bad.record()).as("record").isEqualTo(c.record());
      }
      if (c.line() != null) {
        assertThat(bad.line()).as("line").isEqualTo(c.line());
        assertThat(bad.getMessage()).contains("line " + c.line());
      }
      if (c.column() != null) {
        assertThat(bad.column()).isEqualTo(c.column());
      }
      assertThat(bad.getMessage()).contains(c.says());
      try (Stream<Path> left = Files.walk(out)) {
        assertThat(left.filter(Files::isRegularFile)).as("files left by a rejected dump").isEmpty();
      }
      if (syntaxOnly(c)) {
        // the starter's intake refuses such a body with the same rule, before staging it
        assertThat(
                catchThrowableOfType(
                    BadInputException.class, () -> InputCheck.records(pipeline.format(), input)))
            .as("intake check of %s", c.file())
            .isNotNull();
      }
      SUMMARY.append(
          String.format("  %-44s rejected: %s%n", c.file(), firstSentence(bad.getMessage())));
      if (c.file().startsWith(InvalidUtf8Cases.PREFIX)) {
        AdversarialLedger.refused(
            "utf-8",
            c.file().substring(InvalidUtf8Cases.PREFIX.length()),
            "bad input at line " + bad.line());
      }
    } else {
      DumpOutcome outcome = dump(pipeline, input, out);
      assertThat(outcome.rows()).isEqualTo(c.rows());
      assertThat(outcome.columns().stream().map(col -> col.name() + " " + col.type()).toList())
          .containsExactlyElementsOf(expanded(c.columns()));
      if (c.partitions() != null) {
        assertThat(outcome.files().stream().map(PartFile::partitionValue).distinct().toList())
            .containsExactlyElementsOf(c.partitions());
      }
      SUMMARY.append(String.format("  %-44s accepted: %s%n", c.file(), c.behaviour()));
      if (c.file().startsWith("number-beyond-double")) {
        AdversarialLedger.rows(
            "numbers", c.file(), "kept as lossless text", c.rows(), outcome.rows());
      }
    }
  }

  /** Rejections the intake check can see: those of reading, not of partition fields or types. */
  private static boolean syntaxOnly(CorpusCase c) {
    return c.column() == null && c.schema() == null;
  }

  private static DumpOutcome dump(PipelineSpec pipeline, Path input, Path out) throws IOException {
    return new ParquetDumper(pipeline)
        .dump(
            List.of(input),
            out,
            "corpus",
            Instant.parse("2026-11-24T12:00:00Z"),
            List.of(),
            r -> {});
  }

  private static PipelineSpec pipelineFor(CorpusCase c) {
    PipelineSpec base = c.file().endsWith(".csv") ? csv : json;
    if (c.schema() == null) {
      return base;
    }
    List<ColumnSpec> schema =
        c.schema().stream()
            .map(s -> s.split(" "))
            .map(p -> new ColumnSpec(p[0], ColumnType.valueOf(p[1])))
            .toList();
    return new PipelineSpec(
        base.name(),
        base.format(),
        base.storage(),
        base.partition(),
        base.parquet(),
        base.catalog(),
        base.redshift(),
        schema);
  }

  private static Path input(CorpusCase c) throws IOException, URISyntaxException {
    return switch (c.file()) {
      case "generated:single-record-50MB.ndjson" -> generated(c, 800, 65_535);
      case "generated:single-value-over-20M-characters.ndjson" -> generated(c, 1, 21L << 20);
      case "generated:value-over-65535-bytes.ndjson" -> generated(c, 1, 65_536);
      case "generated:value-over-65535-bytes.csv" ->
          Files.writeString(
              dir.resolve("value-over-65535-bytes.csv"),
              "id,event_time,payload\n1,2026-11-24T10:00:00Z,short\n2,2026-11-24T11:00:00Z,"
                  + "é".repeat(40_000)
                  + "\n");
      default ->
          c.file().startsWith(InvalidUtf8Cases.PREFIX)
              ? Files.write(
                  dir.resolve(c.file().substring("generated:".length())),
                  InvalidUtf8Cases.input(c.file()))
              : Path.of(BadInputCorpusTest.class.getResource("/bad-input/" + c.file()).toURI());
    };
  }

  /**
   * One record of {@code fields} text fields of exactly {@code bytes} each (ASCII), written without
   * a copy in memory.
   */
  private static Path generated(CorpusCase c, int fields, long bytes) throws IOException {
    Path file = dir.resolve(c.file().substring("generated:".length()));
    if (!Files.exists(file)) {
      String chunk = "0123456789abcdefghijklmnopqrstuvwxyz ".repeat(1000);
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("{\"id\": 1, \"event_time\": \"2026-11-24T10:00:00Z\"");
        for (int f = 0; f < fields; f++) {
          out.write(fields == 1 ? ", \"payload\": \"" : ", \"f" + f + "\": \"");
          for (long written = 0; written < bytes; written += chunk.length()) {
            out.write(chunk, 0, (int) Math.min(chunk.length(), bytes - written));
          }
          out.write("\"");
        }
        out.write("}\n");
      }
    }
    return file;
  }

  /** Columns as the manifest lists them; {@code f0..f799 STRING} stands for 800 columns. */
  private static List<String> expanded(List<String> columns) {
    List<String> all = new ArrayList<>();
    for (String column : columns) {
      Matcher range = COLUMN_RANGE.matcher(column);
      if (range.matches()) {
        for (int i = Integer.parseInt(range.group(2)); i <= Integer.parseInt(range.group(3)); i++) {
          all.add(range.group(1) + i + " " + range.group(4));
        }
      } else {
        all.add(column);
      }
    }
    return all;
  }

  private static String firstSentence(String message) {
    int end = message.indexOf(". ");
    return end < 0 ? message : message.substring(0, end + 1);
  }
}
