package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;

/**
 * Turns resolved records into Avro records for parquet-avro. Every field is a nullable union.
 * TIMESTAMP is, by the pipeline's encoding, a long with the {@code timestamp-micros} logical type,
 * which parquet-avro writes as INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true), or a {@code
 * fixed(12)} written as INT96 (see {@link Int96Timestamps}). One Avro record is refilled for every
 * row: the Parquet writer consumes it before the next.
 */
final class AvroRecordEncoder {

  private final Schema schema;
  private final ColumnType[] types;
  private final String[] names;
  private final int[] sources;

  /** Per written column, its INT96 encoder, or null. */
  private final Int96Timestamps[] int96;

  private final GenericData.Record row;

  AvroRecordEncoder(WrittenColumns written, TimestampEncoding timestamps) {
    List<ColumnSpec> columns = written.columns();
    this.schema = schemaOf(columns, timestamps);
    this.types = columns.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);
    this.names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
    this.sources = written.sources();
    this.int96 = new Int96Timestamps[types.length];
    for (int c = 0; c < types.length; c++) {
      if (types[c] == ColumnType.TIMESTAMP && timestamps == TimestampEncoding.INT96) {
        int96[c] = new Int96Timestamps(schema.getFields().get(c).schema().getTypes().get(1));
      }
    }
    this.row = new GenericData.Record(schema);
  }

  static Schema schemaOf(List<ColumnSpec> columns, TimestampEncoding timestamps) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("row").namespace("io.spectrumflow").fields();
    for (ColumnSpec column : columns) {
      Schema nullable =
          Schema.createUnion(Schema.create(Schema.Type.NULL), avroType(column, timestamps));
      fields = fields.name(column.name()).type(nullable).withDefault(null);
    }
    return fields.endRecord();
  }

  private static Schema avroType(ColumnSpec column, TimestampEncoding timestamps) {
    return switch (column.type()) {
      case BIGINT -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case STRING -> Schema.create(Schema.Type.STRING);
      case TIMESTAMP ->
          switch (timestamps) {
            case INT64_MICROS ->
                LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
            case INT96 -> Int96Timestamps.schemaFor(column.name());
          };
    };
  }

  Schema schema() {
    return schema;
  }

  /** The row for {@code record}; valid until the next call. */
  GenericData.Record encode(SourceRecord record, RecordColumns columns) {
    for (int c = 0; c < types.length; c++) {
      int i = columns.fieldOf(sources[c]);
      Object value = i < 0 ? null : TypedValues.convert(types[c], names[c], record, i);
      if (int96[c] != null && value != null) {
        value = int96[c].of((Long) value);
      }
      row.put(c, value);
    }
    return row;
  }
}
