package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.PartFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetWriter;

/**
 * Routes rows to one open Parquet file per partition. Memory stays bounded whatever the number of
 * partitions: at most {@code maxOpen} files are open (each buffering up to a row group); when
 * another partition needs one, the least recently used file is closed, and a later row of its
 * partition starts that partition's next file. A file is also closed once its size reaches the
 * target. Files of a partition are numbered from 0 in the order they are opened.
 *
 * @param <T> the row type the writers take
 */
final class PartitionWriters<T> implements Closeable {

  /** Opens a new Parquet file. */
  interface FileOpener<T> {
    ParquetWriter<T> open(Path file) throws IOException;
  }

  private static final class OpenFile<T> {
    final String partition;
    final int sequence;
    final Path path;
    final ParquetWriter<T> writer;
    long rows;

    OpenFile(String partition, int sequence, Path path, ParquetWriter<T> writer) {
      this.partition = partition;
      this.sequence = sequence;
      this.path = path;
      this.writer = writer;
    }
  }

  private final BatchLayout layout;
  private final FileOpener<T> opener;
  private final long targetFileBytes;
  private final int maxOpen;
  // Access order: iteration starts at the least recently used file.
  private final LinkedHashMap<String, OpenFile<T>> open = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Integer> nextSequence = new HashMap<>();
  private final List<PartFile> written = new ArrayList<>();

  PartitionWriters(BatchLayout layout, FileOpener<T> opener, long targetFileBytes, int maxOpen) {
    this.layout = layout;
    this.opener = opener;
    this.targetFileBytes = targetFileBytes;
    this.maxOpen = maxOpen;
  }

  void write(String partition, T row) throws IOException {
    OpenFile<T> file = open.get(partition);
    if (file == null) {
      file = openNext(partition);
    }
    file.writer.write(row);
    file.rows++;
    if (file.writer.getDataSize() >= targetFileBytes) {
      open.remove(partition);
      finish(file);
    }
  }

  private OpenFile<T> openNext(String partition) throws IOException {
    if (open.size() >= maxOpen) {
      Iterator<OpenFile<T>> leastRecentlyUsed = open.values().iterator();
      OpenFile<T> evicted = leastRecentlyUsed.next();
      leastRecentlyUsed.remove();
      finish(evicted);
    }
    int sequence = nextSequence.merge(partition, 1, Integer::sum) - 1;
    Path path = layout.fileFor(partition, sequence);
    Files.createDirectories(path.getParent());
    OpenFile<T> file = new OpenFile<>(partition, sequence, path, opener.open(path));
    open.put(partition, file);
    return file;
  }

  private void finish(OpenFile<T> file) throws IOException {
    file.writer.close();
    written.add(
        new PartFile(
            file.partition, file.sequence, file.path.toString(), file.rows, Files.size(file.path)));
  }

  /** Closes every open file; returns all files written, by partition then sequence. */
  List<PartFile> finishAll() throws IOException {
    for (Iterator<OpenFile<T>> files = open.values().iterator(); files.hasNext(); ) {
      OpenFile<T> file = files.next();
      files.remove();
      finish(file);
    }
    List<PartFile> files = new ArrayList<>(written);
    files.sort(Comparator.comparing(PartFile::partitionValue).thenComparing(PartFile::sequence));
    return List.copyOf(files);
  }

  /** After a failure: closes what is still open, without reporting it. */
  @Override
  public void close() {
    for (OpenFile<T> file : open.values()) {
      try {
        file.writer.close();
      } catch (IOException | RuntimeException e) {
        // The dump already failed; that failure is the one to report.
      }
    }
    open.clear();
  }
}
