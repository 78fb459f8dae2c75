package io.spectrumflow.local.aws;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A Parquet file with one column of each type a crawler maps, written with parquet-mr so that the
 * physical types are exactly these (DuckDB's COPY writes neither INT96 nor a non-UTC INT64
 * timestamp without also writing other annotations).
 */
final class TypedParquet {

  static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          "message sample {"
              + " required int64 id;"
              + " optional int32 n;"
              + " optional double price;"
              + " optional float ratio;"
              + " optional boolean ok;"
              + " optional binary note (STRING);"
              + " optional int64 ts_micros (TIMESTAMP(MICROS,true));"
              + " optional int64 ts_local (TIMESTAMP(MICROS,false));"
              + " optional int96 legacy;"
              + " optional int32 day (DATE);"
              + " optional int64 amount (DECIMAL(10,2));"
              + " optional binary raw;"
              + "}");

  /** 2020-09-13T12:26:40Z in microseconds. */
  static final long MICROS = 1_600_000_000_000_000L;

  private TypedParquet() {}

  static Path write(Path dir, String name, int rows) throws IOException {
    Path file = dir.resolve(name);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withType(SCHEMA)
            .build()) {
      for (int i = 0; i < rows; i++) {
        Group row =
            groups
                .newGroup()
                .append("id", (long) i)
                .append("n", i)
                .append("price", i * 1.5)
                .append("ratio", i * 0.5f)
                .append("ok", i % 2 == 0)
                .append("note", "row " + i)
                .append("ts_micros", MICROS)
                .append("ts_local", MICROS)
                .append("day", 18518) // 2020-09-13
                .append("amount", 12345L)
                .append("raw", Binary.fromString("raw"));
        // 2020-09-13 (Julian day 2459106) at 12:26:40
        row.add("legacy", new NanoTime(2459106, 44_800_000_000_000L));
        writer.write(row);
      }
    }
    return file;
  }
}
