package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import java.util.Map;
import java.util.Set;

/**
 * A crawler's {@code Configuration} JSON, e.g. {@code {"Version":1.0,"CrawlerOutput":{"Partitions":
 * {"AddOrUpdateBehavior":"InheritFromTable"},"Tables":{"AddOrUpdateBehavior":"MergeNewColumns"}}}}.
 * Members Glue knows but the stand-in does not act on (Grouping, TableThreshold,
 * CreatePartitionIndex) are accepted; anything else is an InvalidInputException, as in Glue.
 *
 * @param mergeNewColumns existing tables only get new columns (Tables.AddOrUpdateBehavior)
 * @param inheritFromTable partitions take the table's schema (Partitions.AddOrUpdateBehavior)
 */
record CrawlerConfiguration(boolean mergeNewColumns, boolean inheritFromTable) {

  static final CrawlerConfiguration DEFAULT = new CrawlerConfiguration(false, false);

  static CrawlerConfiguration parse(String json) {
    if (json == null || json.isBlank()) {
      return DEFAULT;
    }
    JsonNode root;
    try {
      root = AwsJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("expected a JSON object");
    }
    only(root, "", Set.of("Version", "CrawlerOutput", "Grouping", "CreatePartitionIndex"));
    if (!root.path("Version").isNumber() || root.path("Version").doubleValue() != 1.0) {
      throw invalid("Version must be 1.0");
    }
    JsonNode output = root.path("CrawlerOutput");
    only(output, "CrawlerOutput.", Set.of("Partitions", "Tables"));
    JsonNode partitions = output.path("Partitions");
    only(partitions, "CrawlerOutput.Partitions.", Set.of("AddOrUpdateBehavior"));
    JsonNode tables = output.path("Tables");
    only(tables, "CrawlerOutput.Tables.", Set.of("AddOrUpdateBehavior", "TableThreshold"));
    JsonNode grouping = root.path("Grouping");
    only(grouping, "Grouping.", Set.of("TableGroupingPolicy", "TableLevelConfiguration"));
    expect(grouping, "TableGroupingPolicy", "CombineCompatibleSchemas");
    boolean inherit = expect(partitions, "AddOrUpdateBehavior", "InheritFromTable");
    boolean merge = expect(tables, "AddOrUpdateBehavior", "MergeNewColumns");
    return new CrawlerConfiguration(merge, inherit);
  }

  private static void only(JsonNode node, String path, Set<String> members) {
    if (node.isMissingNode()) {
      return;
    }
    if (!node.isObject()) {
      throw invalid(path + " must be an object");
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String name = entry.getKey();
      if (!members.contains(name)) {
        throw invalid("unknown member " + path + name);
      }
    }
  }

  /** Whether the member has its one allowed value; absent is false, another value invalid. */
  private static boolean expect(JsonNode node, String member, String value) {
    JsonNode actual = node.path(member);
    if (actual.isMissingNode()) {
      return false;
    }
    if (!value.equals(actual.asText())) {
      throw invalid(member + " must be " + value + ", not " + actual);
    }
    return true;
  }

  private static AwsException invalid(String detail) {
    return new AwsException("InvalidInputException", "Crawler configuration not valid: " + detail);
  }
}
