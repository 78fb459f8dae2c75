package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.InferredColumn;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnNames;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a batch's input files (JSON, NDJSON or CSV) into Parquet files on the local disk, one or
 * more per date partition.
 *
 * <p>Without a schema in the pipeline, the columns are inferred from all records: a first pass over
 * the first {@value #SPECULATION_RECORDS} records infers them (and checks those records' partition
 * field), then the pass that writes keeps inferring from the others. If none of those changes a
 * column, the files are what two full passes would have written, after reading the input once; if
 * one does (a new field, a wider type), the files written so far are deleted, a full first pass
 * infers the columns from every record and a second pass writes (see {@link SpeculativeSchema}).
 * Bad input fails the dump at the same record either way, and its files are deleted. With a schema,
 * one pass writes and checks values against it. Memory is bounded by the open files ({@value
 * WritePass#MAX_OPEN_FILES} at most, a row group each) and a few megabytes of rows in flight
 * between threads, not by the input; a batch spanning more partitions than that is written in
 * groups of partitions, one more pass over the input per group (see {@link WritePass}). Reading and
 * encoding run on the calling thread, writing files on others (see {@link DumpThreads}). A dumper
 * keeps no state between dumps: one instance may run several, also at the same time.
 *
 * <p>Timestamps are written as the pipeline's {@link TimestampEncoding} says: INT64
 * TIMESTAMP(MICROS, isAdjustedToUTC=true), or the deprecated 12-byte INT96 that older Spectrum,
 * Hive and Impala readers expect. Both hold microseconds.
 *
 * <p>When the table already exists, its columns are passed to {@link #dump(List, Path, String,
 * Instant, List, LongConsumer)} and each batch column of the same name is written in a type the
 * table takes, decided once from the inferred (or given) columns before any of their rows is
 * written; a conflict fails the dump with a {@link BadInputException} and leaves no file (see
 * {@link TableTyping} and {@link TableColumnType} for the rules).
 */
public final class ParquetDumper {

  private static final int MAX_NAMES_LOGGED = 50;

  /**
   * Records the columns are first inferred from; the write pass checks the others. DuckDB's
   * read_json_auto samples a similar number, but only decides from them: here every record is still
   * looked at.
   */
  static final long SPECULATION_RECORDS = 20_000;

  private static final Logger LOG = LoggerFactory.getLogger(ParquetDumper.class);

  private final PipelineSpec pipeline;
  private final long speculationRecords;
  private final DumpThreads threads;

  /** The pipeline's columns, checked; empty to infer them. */
  private final List<ColumnSpec> schema;

  /**
   * @throws IllegalArgumentException when the pipeline's settings cannot work
   */
  public ParquetDumper(PipelineSpec pipeline) {
    this(pipeline, DumpThreads.available());
  }

  /**
   * @param threads how many threads each dump uses (see {@link DumpThreads}); the files are the
   *     same for any number
   * @throws IllegalArgumentException when the pipeline's settings cannot work
   */
  public ParquetDumper(PipelineSpec pipeline, DumpThreads threads) {
    this(pipeline, threads, SPECULATION_RECORDS);
  }

  /**
   * @param speculationRecords the records columns are first inferred from (a test seam: small to
   *     exercise the check, {@code Long.MAX_VALUE} for a full first pass)
   */
  ParquetDumper(PipelineSpec pipeline, DumpThreads threads, long speculationRecords) {
    this.threads = Objects.requireNonNull(threads, "threads");
    this.speculationRecords = speculationRecords;
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    ParquetSpec parquet = pipeline.parquet();
    if (pipeline.format() == null || pipeline.partition() == null || parquet == null) {
      throw new IllegalArgumentException(
          "Pipeline " + pipeline.name() + " needs a format, a partition and parquet settings.");
    }
    String partitionColumn = pipeline.partition().column();
    if (partitionColumn == null || !ColumnNames.isLegal(partitionColumn)) {
      throw new IllegalArgumentException(
          "Pipeline "
              + pipeline.name()
              + " has partition column \""
              + partitionColumn
              + "\": use"
              + " a name of lowercase letters, digits and '_', such as date.");
    }
    if (parquet.compression() == null
        || parquet.timestampEncoding() == null
        || parquet.targetFileBytes() <= 0
        || parquet.rowGroupBytes() <= 0) {
      throw new IllegalArgumentException(
          "Pipeline "
              + pipeline.name()
              + " needs a compression, a timestamp encoding and"
              + " positive targetFileBytes and rowGroupBytes, not "
              + parquet
              + ".");
    }
    this.schema = pipeline.schema() == null ? List.of() : List.copyOf(pipeline.schema());
    if (!schema.isEmpty()) {
      givenSchema(); // checks the columns now, so that a bad schema fails before any input is read
    }
  }

  /** A fresh given schema: it keeps per-dump state, so that one dumper may run several dumps. */
  private GivenSchema givenSchema() {
    return new GivenSchema(schema, pipeline.partition().column(), pipeline.partition().field());
  }

  /**
   * Reads the input files only to tell their columns, as the dump would infer them (every record
   * read, partition fields checked), for a batch whose chunks are dumped apart with one schema.
   *
   * @throws BadInputException as the dump would
   */
  public List<InferredColumn> infer(List<Path> inputs, Instant batchTime, LongConsumer heartbeat)
      throws IOException {
    return infer(inputs, batchTime, List.of(), heartbeat);
  }

  /**
   * As {@link #infer(List, Instant, LongConsumer)}, naming the columns by the existing table's
   * columns (see {@link io.spectrumflow.workflows.pipeline.ColumnMap}); the table's columns no
   * field of these inputs lands in come last, as {@link InferredColumn.InTable#ONLY_IN_TABLE}.
   *
   * @param tableColumns the existing table's data columns; empty when there is no table yet
   */
  public List<InferredColumn> infer(
      List<Path> inputs, Instant batchTime, List<TableColumn> tableColumns, LongConsumer heartbeat)
      throws IOException {
    SchemaInference inference =
        new SchemaInference(
            pipeline.partition().column(), pipeline.partition().field(), tableColumns);
    inference.run(
        new RecordScan(pipeline.format(), inputs),
        new PartitionDates(pipeline.partition().field(), batchTime),
        heartbeat);
    Set<String> inTable = new HashSet<>();
    tableColumns.forEach(c -> inTable.add(ColumnNames.sanitize(c.name(), 0)));
    List<InferredColumn> inferred = new ArrayList<>();
    Set<String> held = new HashSet<>();
    for (BatchColumn column : inference.columns()) {
      boolean inTheTable = inTable.contains(column.name());
      if (inTheTable) {
        held.add(column.name());
      }
      inferred.add(
          new InferredColumn(
              column.name(),
              column.type(),
              column.allNull(),
              column.field(),
              inTheTable ? InferredColumn.InTable.HELD : InferredColumn.InTable.NEW));
    }
    for (TableColumn column : tableColumns) {
      String name = ColumnNames.sanitize(column.name(), 0);
      if (held.add(name)) {
        inferred.add(
            new InferredColumn(
                name, null, true, column.field(), InferredColumn.InTable.ONLY_IN_TABLE));
      }
    }
    return inferred;
  }

  /** Streams the input files into Parquet files for a table that does not exist yet. */
  public DumpOutcome dump(
      List<Path> inputs, Path outputDir, String batchId, Instant batchTime, LongConsumer rowsSoFar)
      throws IOException {
    return dump(inputs, outputDir, batchId, batchTime, List.of(), rowsSoFar);
  }

  /**
   * Streams the input files, in order, into Parquet files under outputDir, typed to fit the
   * existing table's columns.
   *
   * <p>A batch column whose name matches a table column (compared after sanitizing the table's
   * name) is written as follows: the same type unchanged; table string, varchar or char: STRING
   * (any value as its text); table double or float: BIGINT and DOUBLE as DOUBLE; table bigint, int,
   * smallint or tinyint: BIGINT as BIGINT and DOUBLE as DOUBLE (the catalog widens the table); an
   * inferred column of only nulls takes the table's type, or is left out of the files when that is
   * one the dump does not write exactly (int, smallint, tinyint, float, decimal, date, ...).
   * Anything else is a conflict. Batch columns not in the table keep their type; table columns
   * missing from the batch are absent from the files. A given schema's types are checked the same
   * way.
   *
   * @param outputDir files go to {@code outputDir/<partition>/<batchId>-<sequence>.parquet}; this
   *     batch's files from an earlier attempt are deleted first
   * @param batchTime the partition of every record when the pipeline names no partition field
   * @param tableColumns the existing table's data columns (no partition keys); empty when there is
   *     no table yet
   * @param rowsSoFar called with the rows written so far every {@value WritePass#PROGRESS_EVERY}
   *     records (with 0 while a first pass infers the schema), and once at the end
   * @return what was written; its columns are the types as written
   * @throws BadInputException when the input cannot become the table, including a column the table
   *     cannot take (then no file is written); not worth retrying. This batch's files are deleted.
   * @throws IOException when reading or writing the local files fails
   */
  public DumpOutcome dump(
      List<Path> inputs,
      Path outputDir,
      String batchId,
      Instant batchTime,
      List<TableColumn> tableColumns,
      LongConsumer rowsSoFar)
      throws IOException {
    long started = System.nanoTime();
    Objects.requireNonNull(tableColumns, "tableColumns");
    BatchLayout layout = new BatchLayout(outputDir, batchId);
    layout.clearPrevious();
    RecordScan scan = new RecordScan(pipeline.format(), inputs);
    PartitionDates partitions = new PartitionDates(pipeline.partition().field(), batchTime);
    GivenSchema given = schema.isEmpty() ? null : givenSchema();
    Written written;
    try {
      written =
          given != null
              ? write(
                  typed(tableColumns, given.columns()),
                  given.index(),
                  scan,
                  layout,
                  partitions,
                  rowsSoFar,
                  null)
              : inferAndWrite(tableColumns, scan, layout, partitions, rowsSoFar);
    } catch (IOException | RuntimeException e) {
      try {
        layout.clearPrevious();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    WritePass write = written.pass();
    List<PartFile> files = written.files();
    WrittenColumns columns = written.columns();
    if (given != null) {
      logNames(
          "Ignored " + write.ignoredValues() + " values of fields not in the pipeline's schema: ",
          given.ignoredFields().stream().map(BadInput::quote).toList());
    }
    long rows = files.stream().mapToLong(PartFile::rows).sum();
    long bytes = files.stream().mapToLong(PartFile::bytes).sum();
    rowsSoFar.accept(rows);
    LOG.info(
        "Pipeline {} batch {}: {} rows, {} columns, {} files, {} bytes in {} ms",
        pipeline.name(),
        batchId,
        rows,
        columns.columns().size(),
        files.size(),
        bytes,
        (System.nanoTime() - started) / 1_000_000);
    return new DumpOutcome(columns.columns(), files, rows, bytes, columns.fields());
  }

  /** The columns written, the files, and the pass that wrote them. */
  private record Written(WrittenColumns columns, List<PartFile> files, WritePass pass) {}

  /**
   * Infers the columns from the first {@value #SPECULATION_RECORDS} records and writes the batch on
   * them, checking the rest as they are written (see {@link SpeculativeSchema}); should a later
   * record change the columns, or the first records' columns not fit the table, infers from every
   * record first and writes again.
   */
  private Written inferAndWrite(
      List<TableColumn> tableColumns,
      RecordScan scan,
      BatchLayout layout,
      PartitionDates partitions,
      LongConsumer rowsSoFar)
      throws IOException {
    SchemaInference inference =
        new SchemaInference(
            pipeline.partition().column(), pipeline.partition().field(), tableColumns);
    boolean complete = inference.runUpTo(scan, partitions, rowsSoFar, speculationRecords);
    if (!complete && inference.hasColumns()) {
      Typed typed = null;
      try {
        typed = typed(tableColumns, inference.columns());
      } catch (BadInputException conflict) {
        // Decided below on every record's columns, with the sample a full inference keeps.
      }
      if (typed != null) {
        try {
          Written written =
              write(
                  typed,
                  inference.index(),
                  scan,
                  layout,
                  partitions,
                  rowsSoFar,
                  new SpeculativeSchema(inference, speculationRecords));
          logNames("Renamed fields to legal column names: ", renames(inference.renamed()));
          return written;
        } catch (SpeculativeSchema.SchemaChanged changed) {
          LOG.info(
              "Pipeline {}: {}; inferring the columns from every record, then writing again",
              pipeline.name(),
              changed.getMessage());
          layout.clearPrevious();
        }
      }
    }
    if (!complete) {
      inference.run(scan, partitions, rowsSoFar);
    }
    logNames("Renamed fields to legal column names: ", renames(inference.renamed()));
    return write(
        typed(tableColumns, inference.columns()),
        inference.index(),
        scan,
        layout,
        partitions,
        rowsSoFar,
        null);
  }

  /** Batch columns typed to fit the table, and what typing changed. */
  private record Typed(WrittenColumns columns, List<TableTyping.Change> changes) {}

  /**
   * @throws BadInputException when a batch column conflicts with the table
   */
  private static Typed typed(List<TableColumn> tableColumns, List<BatchColumn> batchColumns) {
    TableTyping typing = new TableTyping(tableColumns);
    return new Typed(typing.apply(batchColumns), typing.changes());
  }

  private Written write(
      Typed typed,
      FieldIndex index,
      RecordScan scan,
      BatchLayout layout,
      PartitionDates partitions,
      LongConsumer rowsSoFar,
      SpeculativeSchema speculative)
      throws IOException {
    logNames(
        "Typed columns to fit the table: ",
        typed.changes().stream().map(TableTyping.Change::shown).toList());
    WritePass write =
        new WritePass(
            typed.columns(), index, pipeline.parquet(), threads, "dump-" + pipeline.name());
    List<PartFile> files = write.run(scan, layout, partitions, rowsSoFar, speculative);
    return new Written(typed.columns(), files, write);
  }

  private static List<String> renames(Map<String, String> renamed) {
    return renamed.entrySet().stream()
        .map(e -> BadInput.quote(e.getKey()) + " -> " + e.getValue())
        .toList();
  }

  private static void logNames(String prefix, Collection<String> names) {
    if (names.isEmpty()) {
      return;
    }
    String shown = names.stream().limit(MAX_NAMES_LOGGED).collect(Collectors.joining(", "));
    String more =
        names.size() > MAX_NAMES_LOGGED
            ? " and " + (names.size() - MAX_NAMES_LOGGED) + " more"
            : "";
    LOG.info("{}{}{}", prefix, shown, more);
  }
}
