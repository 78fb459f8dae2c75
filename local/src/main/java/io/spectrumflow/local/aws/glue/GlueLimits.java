package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.aws.http.AwsException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Glue's request constraints as AWS checks them before the operation runs: the list sizes of
 * botocore's Glue model (2017-03-31), answered as AWS answers them, a {@code ValidationException}
 * "1 validation error detected: Value '[...]' at 'partitionsToDelete' failed to satisfy constraint:
 * Member must have length less than or equal to 25". The value is shown as AWS's Java model prints
 * it, shortened to the partition values.
 */
public final class GlueLimits {

  /** BatchCreatePartition's PartitionInputList. */
  public static final int BATCH_CREATE_PARTITION = 100;

  /** BatchUpdatePartition's Entries (at least 1). */
  public static final int BATCH_UPDATE_PARTITION = 100;

  /** BatchGetPartition's PartitionsToGet. */
  public static final int BATCH_GET_PARTITION = 1000;

  /** BatchDeletePartition's PartitionsToDelete. */
  public static final int BATCH_DELETE_PARTITION = 25;

  /** BatchDeleteTable's TablesToDelete. */
  public static final int BATCH_DELETE_TABLE = 100;

  /** BatchGetCrawlers' CrawlerNames and GetCrawlerMetrics' CrawlerNameList. */
  public static final int BATCH_GET_CRAWLERS = 100;

  private GlueLimits() {}

  /**
   * @param member the member as the request names it, e.g. {@code PartitionsToDelete}
   * @param items each item as AWS prints it, e.g. {@code PartitionValueList(values=[2026-11-25])}
   */
  public static void requireAtMost(String member, List<String> items, int max) {
    if (items.size() > max) {
      throw violation(member, items, "Member must have length less than or equal to " + max);
    }
  }

  public static void requireAtLeast(String member, List<String> items, int min) {
    if (items.size() < min) {
      throw violation(member, items, "Member must have length greater than or equal to " + min);
    }
  }

  /** How AWS prints a PartitionValueList or a PartitionInput: by its values. */
  static String valueList(JsonNode key) {
    return "PartitionValueList(values=" + strings(key.path("Values")) + ")";
  }

  static String partitionInput(JsonNode input) {
    return "PartitionInput(values=" + strings(input.path("Values")) + ", ...)";
  }

  static String updateEntry(JsonNode entry) {
    return "BatchUpdatePartitionRequestEntry(partitionValueList="
        + strings(entry.path("PartitionValueList"))
        + ", ...)";
  }

  private static String strings(JsonNode array) {
    return "["
        + (array.isArray()
            ? StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.joining(", "))
            : "")
        + "]";
  }

  private static AwsException violation(String member, List<String> items, String constraint) {
    String value = String.join(", ", items);
    return new AwsException(
        "ValidationException",
        "1 validation error detected: Value '["
            + value
            + "]' at '"
            + Character.toLowerCase(member.charAt(0))
            + member.substring(1)
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
