package io.spectrumflow.activities.redshift;

import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statements that count a batch's rows. A statement names each of its objects in {@code "$path"
 * IN (...)}, which keeps other batches' rows in the same partitions out of the count, and the Data
 * API takes at most 100 KB a statement (AWS docs): so the objects are split over as many statements
 * as it takes, each naming a disjoint share of them and only the partitions those are in. The
 * counts of the statements add up to the batch's count, whatever its size.
 */
final class BatchCountSql {

  /** Well under the Data API's 100 KB a statement. */
  static final int MAX_STATEMENT_BYTES = 90_000;

  private final String head;
  private final String partitionColumn;
  private final List<String> partitions;
  private final int fixedBytes;

  private BatchCountSql(CountRequest request) {
    this.head =
        "SELECT count(*) FROM "
            + SqlText.identifier("external schema", request.redshift().externalSchema())
            + "."
            + SqlText.identifier("table", request.table())
            + " WHERE ";
    this.partitionColumn = SqlText.identifier("partition column", request.partitionColumn());
    this.partitions =
        request.partitionValues().stream().map(v -> SqlText.value("partition value", v)).toList();
    this.fixedBytes = bytes(head) + bytes(partitionColumn) + bytes(" IN () AND \"$path\" IN ()");
  }

  /** The statements, each at most {@code maxBytes} of UTF-8; their counts add up. */
  static List<String> statements(CountRequest request, int maxBytes) {
    BatchCountSql sql = new BatchCountSql(request);
    // sorted, so that one partition's objects go together and each statement names few partitions
    Set<String> uris = new TreeSet<>();
    for (String uri : request.objectUris()) {
      uris.add(SqlText.value("object", uri));
    }
    if (uris.isEmpty()) {
      return List.of(sql.build(sql.partitions, List.of("''"))); // counts nothing, as it should
    }
    List<String> statements = new ArrayList<>();
    Share share = sql.new Share();
    for (String uri : uris) {
      if (!share.isEmpty() && share.bytesWith(uri) > maxBytes) {
        statements.add(share.build());
        share = sql.new Share();
      }
      share.add(uri);
    }
    statements.add(share.build());
    for (String statement : statements) {
      if (bytes(statement) > maxBytes) {
        throw ApplicationFailure.newNonRetryableFailure(
            "cannot count the batch's rows in statements of at most "
                + maxBytes
                + " bytes: an object's name or the partition list is too long ("
                + statement.substring(0, Math.min(300, statement.length()))
                + "...)",
            ExportFailures.INVALID_REQUEST);
      }
    }
    return statements;
  }

  private String build(List<String> partitionLiterals, List<String> uriLiterals) {
    return head
        + partitionColumn
        + " IN ("
        + String.join(", ", partitionLiterals)
        + ") AND \"$path\" IN ("
        + String.join(", ", uriLiterals)
        + ")";
  }

  /** A disjoint share of the objects, one statement's, measured as it grows. */
  private final class Share {
    private final List<String> uris = new ArrayList<>();
    private final Set<String> named = new LinkedHashSet<>();
    private int uriBytes;
    private int namedBytes;

    boolean isEmpty() {
      return uris.isEmpty();
    }

    void add(String uri) {
      uris.add(uri);
      uriBytes += bytes(uri);
      for (String partition : partitionsOf(uri)) {
        if (named.add(partition)) {
          namedBytes += bytes(partition);
        }
      }
    }

    /** The statement's size in bytes with {@code uri} added. */
    int bytesWith(String uri) {
      int partitionBytes = namedBytes;
      int partitionCount = named.size();
      for (String partition : partitionsOf(uri)) {
        if (!named.contains(partition)) {
          partitionBytes += bytes(partition);
          partitionCount++;
        }
      }
      if (partitionCount == 0) {
        partitionBytes = allPartitionBytes();
        partitionCount = partitions.size();
      }
      return fixedBytes
          + partitionBytes
          + 2 * Math.max(0, partitionCount - 1)
          + uriBytes
          + bytes(uri)
          + 2 * uris.size();
    }

    String build() {
      // no partition named in the objects' URIs: all of them, as they cannot narrow the scan
      return BatchCountSql.this.build(named.isEmpty() ? partitions : List.copyOf(named), uris);
    }
  }

  /**
   * The partitions whose folder the URI names: {@code /date=2026-11-24/} or {@code /2026-11-24/}.
   */
  private List<String> partitionsOf(String uriLiteral) {
    List<String> named = new ArrayList<>();
    for (String partition : partitions) {
      String value = partition.substring(1, partition.length() - 1);
      if (uriLiteral.contains("=" + value + "/") || uriLiteral.contains("/" + value + "/")) {
        named.add(partition);
      }
    }
    return named;
  }

  private int allPartitionBytes() {
    int total = 0;
    for (String partition : partitions) {
      total += bytes(partition);
    }
    return total;
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
