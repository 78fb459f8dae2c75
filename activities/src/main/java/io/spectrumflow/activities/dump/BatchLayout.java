package io.spectrumflow.activities.dump;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a batch's files go: {@code <outputDir>/<partition>/<batchId>-<sequence, 5 digits>.parquet}.
 * Other batches' files in the same directory are left alone.
 */
record BatchLayout(Path outputDir, String batchId) {

  BatchLayout {
    if (batchId == null
        || batchId.isEmpty()
        || batchId.equals(".")
        || batchId.equals("..")
        || batchId.contains("/")
        || batchId.contains("\\")) {
      throw new IllegalArgumentException(
          "A batch id must be a non-empty file name without slashes, not \"" + batchId + "\".");
    }
    outputDir = outputDir.toAbsolutePath();
  }

  Path fileFor(String partition, int sequence) {
    return outputDir
        .resolve(partition)
        .resolve(String.format("%s-%05d.parquet", batchId, sequence));
  }

  /**
   * Deletes this batch's files from an earlier attempt (and partition folders left empty), so that
   * a retry on the same host never sees stale files; creates the output directory if missing.
   */
  void clearPrevious() throws IOException {
    Files.createDirectories(outputDir);
    try (DirectoryStream<Path> partitions = Files.newDirectoryStream(outputDir)) {
      for (Path partition : partitions) {
        if (!Files.isDirectory(partition)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(partition)) {
          for (Path file : files) {
            if (isBatchFile(file.getFileName().toString())) {
              Files.delete(file);
            }
          }
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(partition)) {
          if (!left.iterator().hasNext()) {
            Files.delete(partition);
          }
        }
      }
    }
  }

  private boolean isBatchFile(String name) {
    String prefix = batchId + "-";
    String suffix = ".parquet";
    if (!name.startsWith(prefix)
        || !name.endsWith(suffix)
        || name.length() < prefix.length() + 5 + suffix.length()) {
      return false;
    }
    for (int i = prefix.length(); i < name.length() - suffix.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
