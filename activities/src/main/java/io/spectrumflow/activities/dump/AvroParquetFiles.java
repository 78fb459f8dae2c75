package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Opens Parquet files through parquet-avro on the local file system, without a Hadoop FileSystem:
 * {@link LocalOutputFile} and a plain configuration.
 */
final class AvroParquetFiles implements PartitionWriters.FileOpener<GenericRecord> {

  private final Schema schema;
  private final CompressionCodecName codec;
  private final long rowGroupBytes;

  AvroParquetFiles(Schema schema, ParquetSpec spec) {
    this.schema = schema;
    this.codec = codecOf(spec.compression());
    this.rowGroupBytes = spec.rowGroupBytes();
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
    return AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration())
        // Plain generic data: TIMESTAMP values are longs (microseconds), not java.time objects.
        .withDataModel(GenericData.get())
        .withSchema(schema)
        .withCompressionCodec(codec)
        .withRowGroupSize(rowGroupBytes)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build();
  }
}
