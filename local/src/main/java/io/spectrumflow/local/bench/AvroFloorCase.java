package io.spectrumflow.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The library's floor: parquet-avro writing records built beforehand (the same generated events, as
 * nullable Avro fields with timestamp-micros), snappy, into one file. Nothing is parsed, so this is
 * what writing alone costs through parquet-avro's generic records.
 */
final class AvroFloorCase {

  /** Records kept in memory at most; a longer run writes them again in turn. */
  static final int MAX_PREBUILT = 1_000_000;

  private final Schema schema;
  private final List<GenericRecord> records;
  private final long rows;
  private final long rowGroupBytes;

  AvroFloorCase(long rows, long seed, long rowGroupBytes) {
    this.schema = schema();
    this.rows = rows;
    this.rowGroupBytes = rowGroupBytes;
    SampleEvents events = new SampleEvents(seed);
    int kept = (int) Math.min(rows, MAX_PREBUILT);
    this.records = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      records.add(record(events.next()));
    }
  }

  private static Schema schema() {
    Schema timestamp = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    return SchemaBuilder.record("row")
        .namespace("io.spectrumflow")
        .fields()
        .name("event_id")
        .type(nullable(Schema.create(Schema.Type.LONG)))
        .withDefault(null)
        .name("event_time")
        .type(nullable(timestamp))
        .withDefault(null)
        .name("user_id")
        .type(nullable(Schema.create(Schema.Type.STRING)))
        .withDefault(null)
        .name("event_type")
        .type(nullable(Schema.create(Schema.Type.STRING)))
        .withDefault(null)
        .name("amount")
        .type(nullable(Schema.create(Schema.Type.DOUBLE)))
        .withDefault(null)
        .name("is_mobile")
        .type(nullable(Schema.create(Schema.Type.BOOLEAN)))
        .withDefault(null)
        .name("duration_ms")
        .type(nullable(Schema.create(Schema.Type.LONG)))
        .withDefault(null)
        .name("message")
        .type(nullable(Schema.create(Schema.Type.STRING)))
        .withDefault(null)
        .endRecord();
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  private GenericRecord record(SampleEvent e) {
    GenericData.Record r = new GenericData.Record(schema);
    r.put(0, e.eventId());
    r.put(1, e.eventMicros());
    r.put(2, e.userId());
    r.put(3, e.eventType());
    r.put(4, e.amountCents() == null ? null : e.amountCents() / 100.0);
    r.put(5, e.mobile());
    r.put(6, e.durationMs());
    r.put(7, e.message());
    return r;
  }

  RunResult run(Path outputDir) throws IOException {
    Files.createDirectories(outputDir);
    Path out = outputDir.resolve("floor.parquet");
    Files.deleteIfExists(out);
    try (ParquetWriter<GenericRecord> writer =
        AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(out))
            .withConf(new PlainParquetConfiguration())
            .withDataModel(GenericData.get())
            .withSchema(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(rowGroupBytes)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build()) {
      for (long i = 0; i < rows; i++) {
        writer.write(records.get((int) (i % records.size())));
      }
    }
    return new RunResult(rows, Files.size(out));
  }
}
