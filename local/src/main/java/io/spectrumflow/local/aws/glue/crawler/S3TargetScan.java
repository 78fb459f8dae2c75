package io.spectrumflow.local.aws.glue.crawler;

import io.spectrumflow.local.aws.s3.S3File;
import io.spectrumflow.local.aws.s3.S3Location;
import io.spectrumflow.local.aws.s3.S3ObjectCache;
import io.spectrumflow.local.aws.s3.S3ReadException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Crawls one S3 target: lists its objects through the S3 API, skips folder markers, empty and
 * hidden objects and the excluded ones, reads each Parquet footer, and makes one table of them
 * named after the target's folder, with the folders below it as partitions.
 */
final class S3TargetScan {

  private final S3ObjectCache cache;
  private final Connection duckDb;
  private final BooleanSupplier cancelled;

  S3TargetScan(S3ObjectCache cache, Connection duckDb, BooleanSupplier cancelled) {
    this.cache = cache;
    this.duckDb = duckDb;
    this.cancelled = cancelled;
  }

  /** A table, or why there is none. */
  record Outcome(CrawledTable table, String problem) {}

  private record Found(S3File object, List<String> folders, ParquetFooter footer) {}

  Outcome scan(S3Target target, String tablePrefix) {
    S3Location root;
    List<S3File> objects;
    try {
      root = S3Location.parse(target.path());
      objects = cache.list(root.uri());
    } catch (S3ReadException e) {
      return new Outcome(null, "Cannot crawl " + target.path() + ": " + e.getMessage());
    }
    List<Found> found = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (S3File object : objects) {
      if (cancelled.getAsBoolean()) {
        return new Outcome(null, "cancelled");
      }
      String relative = root.relative(object.key());
      if (target.exclusions().excludes(relative)) {
        continue;
      }
      try {
        ParquetFooter footer = ParquetFooter.read(duckDb, cache.fetch(object));
        String[] parts = relative.split("/");
        found.add(new Found(object, List.of(Arrays.copyOf(parts, parts.length - 1)), footer));
      } catch (SQLException | S3ReadException e) {
        unreadable.add(object.uri());
      }
    }
    if (found.isEmpty()) {
      return new Outcome(null, nothingReadable(root, unreadable));
    }
    return new Outcome(table(root, tablePrefix, found), null);
  }

  private static String nothingReadable(S3Location root, List<String> unreadable) {
    String message = "No readable Parquet data under " + root.uri() + ": ";
    if (unreadable.isEmpty()) {
      return message + "no objects to crawl (empty, hidden and excluded objects are skipped)";
    }
    return message
        + unreadable.size()
        + " object(s) are not Parquet files or are damaged, e.g. "
        + unreadable.get(0);
  }

  private static CrawledTable table(S3Location root, String tablePrefix, List<Found> found) {
    int depth = partitionDepth(found);
    List<Found> kept = found.stream().filter(f -> f.folders().size() == depth).toList();
    List<String> keys = new ArrayList<>();
    List<Boolean> hive = new ArrayList<>();
    for (int level = 0; level < depth; level++) {
      String hiveKey = hiveKey(kept, level);
      keys.add(hiveKey != null ? hiveKey : "partition_" + level);
      hive.add(hiveKey != null);
    }
    Map<List<String>, List<Found>> byFolder = new LinkedHashMap<>();
    kept.stream()
        .sorted(Comparator.comparing(f -> f.object().key()))
        .forEach(f -> byFolder.computeIfAbsent(f.folders(), k -> new ArrayList<>()).add(f));
    List<CrawledPartition> partitions = new ArrayList<>();
    byFolder.forEach(
        (folders, files) -> {
          List<String> values = new ArrayList<>();
          for (int level = 0; level < depth; level++) {
            String folder = folders.get(level);
            values.add(hive.get(level) ? folder.substring(folder.indexOf('=') + 1) : folder);
          }
          String location = root.uri() + String.join("/", folders) + "/";
          partitions.add(
              new CrawledPartition(List.copyOf(values), location, columns(files), stats(files)));
        });
    return new CrawledTable(
        tableName(root, tablePrefix),
        root.uri(),
        columns(kept),
        List.copyOf(keys),
        depth == 0 ? List.of() : List.copyOf(partitions),
        stats(kept));
  }

  /**
   * The folder depth most files have (the deeper one on a tie): files at other depths do not fit
   * the table's partitions and are left out, as a crawler would put them in another table.
   */
  private static int partitionDepth(List<Found> found) {
    Map<Integer, Long> counts =
        found.stream()
            .collect(Collectors.groupingBy(f -> f.folders().size(), Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  /** The key of a level whose folders are all {@code key=value} with one key, else null. */
  private static String hiveKey(List<Found> files, int level) {
    String key = null;
    for (Found file : files) {
      String folder = file.folders().get(level);
      int equals = folder.indexOf('=');
      if (equals <= 0) {
        return null;
      }
      String name = GlueTableNames.sanitize(folder.substring(0, equals));
      if (key != null && !key.equals(name)) {
        return null;
      }
      key = name;
    }
    return key;
  }

  /** The columns of the files in order of first appearance, types widened where they differ. */
  private static List<CrawledColumn> columns(List<Found> files) {
    Map<String, String> types = new LinkedHashMap<>();
    for (Found file : files) {
      for (CrawledColumn column : file.footer().columns()) {
        types.merge(column.name(), column.type(), GlueTypes::merge);
      }
    }
    return types.entrySet().stream().map(e -> new CrawledColumn(e.getKey(), e.getValue())).toList();
  }

  private static ObjectStats stats(List<Found> files) {
    ObjectStats stats = ObjectStats.NONE;
    for (Found file : files) {
      stats = stats.plus(new ObjectStats(1, file.footer().rows(), file.object().size()));
    }
    return stats;
  }

  private static String tableName(S3Location root, String tablePrefix) {
    String prefix = root.prefix();
    String folder =
        prefix.isEmpty()
            ? root.bucket()
            : prefix.substring(
                prefix.lastIndexOf('/', prefix.length() - 2) + 1, prefix.length() - 1);
    return GlueTableNames.sanitize((tablePrefix == null ? "" : tablePrefix) + folder);
  }
}
