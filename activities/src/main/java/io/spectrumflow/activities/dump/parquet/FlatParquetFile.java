package io.spectrumflow.activities.dump.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * One Parquet file being written, row by row. A row group ends once the columns hold {@code
 * rowGroupBytes} (compressed pages plus the current pages' plain values), as parquet-mr's writer
 * decides; file layout, page headers, checksums, indexes and footer are parquet-mr's.
 */
public final class FlatParquetFile implements Closeable {

  /** parquet-mr's defaults. */
  private static final int COLUMN_INDEX_TRUNCATE_LENGTH = 64;

  private static final int STATISTICS_TRUNCATE_LENGTH = Integer.MAX_VALUE;

  private final ParquetFileWriter writer;
  private final ColumnWriter[] columns;
  private final CompressionCodecName codec;
  private final long rowGroupBytes;
  private final BufferedBytes buffered = new BufferedBytes();
  private long filePosition;
  private long rowsInGroup;
  private long rows;
  private boolean closed;

  /**
   * @param scratch the writing thread's page buffers and compressor, which set the codec
   */
  public FlatParquetFile(Path path, FlatSchema schema, long rowGroupBytes, PageScratch scratch)
      throws IOException {
    this.writer =
        new ParquetFileWriter(
            new LocalOutputFile(path),
            schema.messageType(),
            ParquetFileWriter.Mode.CREATE,
            rowGroupBytes,
            0,
            COLUMN_INDEX_TRUNCATE_LENGTH,
            STATISTICS_TRUNCATE_LENGTH,
            true);
    this.codec = scratch.codec();
    this.rowGroupBytes = rowGroupBytes;
    List<ColumnDescriptor> descriptors = schema.messageType().getColumns();
    this.columns = new ColumnWriter[schema.size()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = ColumnWriter.of(descriptors.get(c), schema.kind(c), scratch, buffered);
    }
    writer.start();
    filePosition = writer.getPos();
  }

  /** Appends row {@code row} of {@code batch}, whose columns are this file's. */
  public void write(RowBatch batch, int row) throws IOException {
    for (int c = 0; c < columns.length; c++) {
      columns[c].append(batch.vector(c), row);
    }
    rows++;
    rowsInGroup++;
    if (buffered.get() >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  /** The file's size so far, counting what is buffered for the current row group. */
  public long dataSize() {
    return filePosition + buffered.get();
  }

  public long rows() {
    return rows;
  }

  private void flushRowGroup() throws IOException {
    if (rowsInGroup == 0) {
      return;
    }
    writer.startBlock(rowsInGroup);
    for (ColumnWriter column : columns) {
      column.finishChunk().writeTo(writer, codec);
    }
    writer.endBlock();
    rowsInGroup = 0;
    filePosition = writer.getPos();
  }

  /** Writes the last row group and the footer. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    flushRowGroup();
    writer.end(Map.of());
  }

  /** After a failure: closes the file without finishing it (the caller deletes it). */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.abort();
      writer.close();
    } catch (IOException | RuntimeException e) {
      // The dump already failed; that failure is the one to report.
    }
  }
}
