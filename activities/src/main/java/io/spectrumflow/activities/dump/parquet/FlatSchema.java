package io.spectrumflow.activities.dump.parquet;

import java.util.List;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The columns of the files, in order, and the Parquet schema they make. The message is named as
 * parquet-avro named it when the dump wrote through it, so that footers stay the same.
 */
public record FlatSchema(List<FlatColumn> columns, MessageType messageType) {

  static final String MESSAGE_NAME = "io.spectrumflow.row";

  public FlatSchema {
    columns = List.copyOf(columns);
  }

  public static FlatSchema of(List<FlatColumn> columns) {
    List<Type> fields = columns.stream().map(c -> (Type) c.kind().type(c.name())).toList();
    return new FlatSchema(columns, new MessageType(MESSAGE_NAME, fields));
  }

  public int size() {
    return columns.size();
  }

  public ParquetKind kind(int column) {
    return columns.get(column).kind();
  }
}
