package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Opens Parquet files through parquet-avro on the local file system, without a Hadoop FileSystem:
 * {@link LocalOutputFile} and a plain configuration. Every {@code fixed} field of the schema is an
 * INT96 timestamp ({@link Int96Timestamps}): the configuration lists them under {@link
 * AvroWriteSupport#WRITE_FIXED_AS_INT96}, so that parquet-avro writes them as INT96.
 */
final class AvroParquetFiles implements PartitionWriters.FileOpener<GenericRecord> {

  private final Schema schema;
  private final CompressionCodecName codec;
  private final long rowGroupBytes;
  private final String int96Fields;

  AvroParquetFiles(Schema schema, ParquetSpec spec) {
    this.schema = schema;
    this.codec = codecOf(spec.compression());
    this.rowGroupBytes = spec.rowGroupBytes();
    // Top-level fields: the path parquet-avro matches is the field's name; names have no commas.
    this.int96Fields =
        schema.getFields().stream()
            .filter(f -> f.schema().getTypes().get(1).getType() == Schema.Type.FIXED)
            .map(Schema.Field::name)
            .collect(Collectors.joining(","));
  }

  private static CompressionCodecName codecOf(Compression compression) {
    return switch (compression) {
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case GZIP -> CompressionCodecName.GZIP;
      case ZSTD -> CompressionCodecName.ZSTD;
      case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
    };
  }

  @Override
  public ParquetWriter<GenericRecord> open(Path file) throws IOException {
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    if (!int96Fields.isEmpty()) {
      conf.set(AvroWriteSupport.WRITE_FIXED_AS_INT96, int96Fields);
    }
    return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
        .withConf(conf)
        // Plain generic data: TIMESTAMP values are longs (microseconds) or INT96 fixed bytes, not
        // java.time objects.
        .withDataModel(GenericData.get())
        .withSchema(schema)
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build();
  }
}
