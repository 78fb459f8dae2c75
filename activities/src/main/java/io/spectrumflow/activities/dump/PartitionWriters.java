package io.spectrumflow.activities.dump;

import io.spectrumflow.activities.dump.parquet.FlatParquetFile;
import io.spectrumflow.activities.dump.parquet.RowBatch;
import io.spectrumflow.workflows.export.PartFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Routes rows to one open Parquet file per partition. Memory stays bounded whatever the number of
 * partitions: at most {@code maxOpen} files are open (each buffering up to a row group); when
 * another partition needs one, the least recently used file is closed, and a later row of its
 * partition starts that partition's next file. A file is also closed once its size reaches the
 * target. Files of a partition are numbered from 0 in the order they are opened.
 */
final class PartitionWriters implements Closeable {

  /** Opens a new Parquet file. */
  interface FileOpener {
    FlatParquetFile open(Path file) throws IOException;
  }

  private static final class OpenFile {
    final String partition;
    final int sequence;
    final Path path;
    final FlatParquetFile file;

    /** When it was last written to, for choosing the least recently used. */
    long lastUsed;

    OpenFile(String partition, int sequence, Path path, FlatParquetFile file) {
      this.partition = partition;
      this.sequence = sequence;
      this.path = path;
      this.file = file;
    }
  }

  private final BatchLayout layout;
  private final FileOpener opener;
  private final long targetFileBytes;
  private final int maxOpen;
  // Not an access-ordered LinkedHashMap: that relinks an entry on every row written.
  private final Map<String, OpenFile> open = new HashMap<>();
  private long clock;
  private final Map<String, Integer> nextSequence = new HashMap<>();
  private final List<PartFile> written = new ArrayList<>();

  PartitionWriters(BatchLayout layout, FileOpener opener, long targetFileBytes, int maxOpen) {
    this.layout = layout;
    this.opener = opener;
    this.targetFileBytes = targetFileBytes;
    this.maxOpen = maxOpen;
  }

  /** Writes row {@code row} of {@code batch} to its partition's file. */
  void write(String partition, RowBatch batch, int row) throws IOException {
    OpenFile file = open.get(partition);
    if (file == null) {
      file = openNext(partition);
    }
    file.lastUsed = ++clock;
    file.file.write(batch, row);
    if (file.file.dataSize() >= targetFileBytes) {
      open.remove(partition);
      finish(file);
    }
  }

  private OpenFile openNext(String partition) throws IOException {
    if (open.size() >= maxOpen) {
      OpenFile evicted =
          open.values().stream().min(Comparator.comparingLong(f -> f.lastUsed)).orElseThrow();
      open.remove(evicted.partition);
      finish(evicted);
    }
    int sequence = nextSequence.merge(partition, 1, Integer::sum) - 1;
    Path path = layout.fileFor(partition, sequence);
    Files.createDirectories(path.getParent());
    OpenFile file = new OpenFile(partition, sequence, path, opener.open(path));
    open.put(partition, file);
    return file;
  }

  private void finish(OpenFile file) throws IOException {
    file.file.close();
    written.add(
        new PartFile(
            file.partition,
            file.sequence,
            file.path.toString(),
            file.file.rows(),
            Files.size(file.path)));
  }

  /** Closes every open file; returns all files written, by partition then sequence. */
  List<PartFile> finishAll() throws IOException {
    for (Iterator<OpenFile> files = open.values().iterator(); files.hasNext(); ) {
      OpenFile file = files.next();
      files.remove();
      finish(file);
    }
    List<PartFile> files = new ArrayList<>(written);
    files.sort(Comparator.comparing(PartFile::partitionValue).thenComparing(PartFile::sequence));
    return List.copyOf(files);
  }

  /** After a failure: closes what is still open, without finishing it. */
  @Override
  public void close() {
    for (OpenFile file : open.values()) {
      file.file.abort();
    }
    open.clear();
  }
}
