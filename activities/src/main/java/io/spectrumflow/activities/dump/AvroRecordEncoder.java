package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;

/**
 * Turns resolved records into Avro records for parquet-avro. Every field is a nullable union;
 * TIMESTAMP is a long with the {@code timestamp-micros} logical type, which parquet-avro writes as
 * INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true). One Avro record is refilled for every row: the
 * Parquet writer consumes it before the next.
 */
final class AvroRecordEncoder {

  private final Schema schema;
  private final ColumnType[] types;
  private final String[] names;
  private final GenericData.Record row;

  AvroRecordEncoder(List<ColumnSpec> columns) {
    this.schema = schemaOf(columns);
    this.types = columns.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);
    this.names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
    this.row = new GenericData.Record(schema);
  }

  static Schema schemaOf(List<ColumnSpec> columns) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("row").namespace("io.spectrumflow").fields();
    for (ColumnSpec column : columns) {
      Schema nullable =
          Schema.createUnion(Schema.create(Schema.Type.NULL), avroType(column.type()));
      fields = fields.name(column.name()).type(nullable).withDefault(null);
    }
    return fields.endRecord();
  }

  private static Schema avroType(ColumnType type) {
    return switch (type) {
      case BIGINT -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case STRING -> Schema.create(Schema.Type.STRING);
      case TIMESTAMP -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    };
  }

  Schema schema() {
    return schema;
  }

  /** The row for {@code record}; valid until the next call. */
  GenericData.Record encode(SourceRecord record, RecordColumns columns) {
    for (int c = 0; c < types.length; c++) {
      int i = columns.fieldOf(c);
      row.put(c, i < 0 ? null : TypedValues.convert(types[c], names[c], record, i));
    }
    return row;
  }
}
