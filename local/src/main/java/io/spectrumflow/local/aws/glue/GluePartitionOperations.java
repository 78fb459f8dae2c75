package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.http.Page;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Glue's partition operations over the catalog, including the batch ones. */
final class GluePartitionOperations {

  private final GlueCatalog catalog;
  private final GlueFaults faults;

  GluePartitionOperations(GlueCatalog catalog, GlueFaults faults) {
    this.catalog = catalog;
    this.faults = faults;
  }

  ObjectNode create(JsonRequest request) {
    TableRef table = TableRef.of(request);
    JsonRequest input = request.requiredStructure("PartitionInput");
    input.requiredStrings("Values");
    catalog.createPartition(table.database(), table.name(), input.body());
    return AwsJson.object();
  }

  ObjectNode batchCreate(JsonRequest request) {
    TableRef table = TableRef.of(request);
    request.requiredArray("PartitionInputList");
    List<JsonRequest> inputs = request.structures("PartitionInputList");
    GlueLimits.requireAtMost(
        "PartitionInputList",
        shown(inputs, GlueLimits::partitionInput),
        GlueLimits.BATCH_CREATE_PARTITION);
    catalog.table(table.database(), table.name()); // a missing table fails the whole batch
    GlueFaults.EntryFault fault = faults.entryFault("BatchCreatePartition", inputs.size());
    ObjectNode response = AwsJson.object();
    ArrayNode errors = response.putArray("Errors");
    for (int i = 0; i < inputs.size(); i++) {
      JsonRequest input = inputs.get(i);
      try {
        input.requiredStrings("Values");
        if (fault == null || !fault.hits(i) || fault.acted()) {
          catalog.createPartition(table.database(), table.name(), input.body());
        }
        if (fault != null && fault.hits(i)) {
          throw new AwsException(fault.errorCode(), fault.message());
        }
      } catch (AwsException e) {
        addError(errors, input.body().path("Values"), e);
      }
    }
    return response;
  }

  ObjectNode get(JsonRequest request) {
    TableRef table = TableRef.of(request);
    List<String> values = request.requiredStrings("PartitionValues");
    ObjectNode response = AwsJson.object();
    response.set("Partition", catalog.partition(table.database(), table.name(), values));
    return response;
  }

  ObjectNode list(JsonRequest request) {
    TableRef table = TableRef.of(request);
    JsonNode keys = catalog.table(table.database(), table.name()).path("PartitionKeys");
    String expression = request.string("Expression");
    Predicate<List<String>> filter =
        expression == null || expression.isBlank()
            ? values -> true
            : PartitionFilter.parse(expression, keys);
    Predicate<List<String>> segment = segment(request);
    List<ObjectNode> partitions =
        catalog.partitions(table.database(), table.name()).stream()
            .filter(p -> filter.and(segment).test(CatalogFiles.values(p)))
            .toList();
    Page<ObjectNode> page =
        Page.of(
            partitions,
            p -> p.path("Values").toString(),
            request.string("NextToken"),
            request.pageSize("MaxResults", 1000, 1000),
            request::invalid);
    boolean excludeColumns = request.flag("ExcludeColumnSchema");
    ObjectNode response = AwsJson.object();
    ArrayNode list = response.putArray("Partitions");
    for (ObjectNode partition : page.items()) {
      if (excludeColumns && partition.path("StorageDescriptor").isObject()) {
        ((ObjectNode) partition.get("StorageDescriptor")).remove("Columns");
      }
      list.add(partition);
    }
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  ObjectNode batchGet(JsonRequest request) {
    TableRef table = TableRef.of(request);
    request.requiredArray("PartitionsToGet");
    List<JsonRequest> keys = request.structures("PartitionsToGet");
    GlueLimits.requireAtMost(
        "PartitionsToGet", shown(keys, GlueLimits::valueList), GlueLimits.BATCH_GET_PARTITION);
    int processed =
        faults.leavesUnprocessed("BatchGetPartition", keys.size())
            ? GlueFaults.firstHit(keys.size())
            : keys.size();
    ObjectNode response = AwsJson.object();
    ArrayNode partitions = response.putArray("Partitions");
    ArrayNode unprocessed = response.putArray("UnprocessedKeys");
    for (int i = 0; i < keys.size(); i++) {
      JsonRequest key = keys.get(i);
      List<String> values = key.requiredStrings("Values");
      if (i >= processed) {
        unprocessed.addObject().set("Values", key.body().path("Values").deepCopy());
        continue;
      }
      // a partition that does not exist is left out; UnprocessedKeys is for throttling only
      ObjectNode partition = catalog.findPartition(table.database(), table.name(), values);
      if (partition != null) {
        partitions.add(partition);
      }
    }
    return response;
  }

  ObjectNode update(JsonRequest request) {
    TableRef table = TableRef.of(request);
    List<String> values = request.requiredStrings("PartitionValueList");
    JsonRequest input = request.requiredStructure("PartitionInput");
    input.requiredStrings("Values");
    catalog.updatePartition(table.database(), table.name(), values, input.body());
    return AwsJson.object();
  }

  /**
   * Each entry replaces one partition whole, in one step of the catalog, so a reader sees the
   * partition before or after the change and never a mix (e.g. a switch of its Location).
   */
  ObjectNode batchUpdate(JsonRequest request) {
    TableRef table = TableRef.of(request);
    request.requiredArray("Entries");
    List<JsonRequest> entries = request.structures("Entries");
    List<String> shown = shown(entries, GlueLimits::updateEntry);
    GlueLimits.requireAtLeast("Entries", shown, 1);
    GlueLimits.requireAtMost("Entries", shown, GlueLimits.BATCH_UPDATE_PARTITION);
    catalog.table(table.database(), table.name());
    GlueFaults.EntryFault fault = faults.entryFault("BatchUpdatePartition", entries.size());
    ObjectNode response = AwsJson.object();
    ArrayNode errors = response.putArray("Errors");
    for (int i = 0; i < entries.size(); i++) {
      JsonRequest entry = entries.get(i);
      try {
        List<String> values = entry.requiredStrings("PartitionValueList");
        JsonRequest input = entry.requiredStructure("PartitionInput");
        input.requiredStrings("Values");
        if (fault == null || !fault.hits(i) || fault.acted()) {
          catalog.updatePartition(table.database(), table.name(), values, input.body());
        }
        if (fault != null && fault.hits(i)) {
          throw new AwsException(fault.errorCode(), fault.message());
        }
      } catch (AwsException e) {
        ObjectNode error = errors.addObject();
        error.set("PartitionValueList", entry.body().path("PartitionValueList").deepCopy());
        error
            .putObject("ErrorDetail")
            .put("ErrorCode", e.type())
            .put("ErrorMessage", e.getMessage());
      }
    }
    return response;
  }

  ObjectNode delete(JsonRequest request) {
    TableRef table = TableRef.of(request);
    catalog.deletePartition(
        table.database(), table.name(), request.requiredStrings("PartitionValues"));
    return AwsJson.object();
  }

  ObjectNode batchDelete(JsonRequest request) {
    TableRef table = TableRef.of(request);
    request.requiredArray("PartitionsToDelete");
    List<JsonRequest> keys = request.structures("PartitionsToDelete");
    GlueLimits.requireAtMost(
        "PartitionsToDelete",
        shown(keys, GlueLimits::valueList),
        GlueLimits.BATCH_DELETE_PARTITION);
    catalog.table(table.database(), table.name());
    GlueFaults.EntryFault fault = faults.entryFault("BatchDeletePartition", keys.size());
    ObjectNode response = AwsJson.object();
    ArrayNode errors = response.putArray("Errors");
    for (int i = 0; i < keys.size(); i++) {
      JsonRequest key = keys.get(i);
      try {
        List<String> values = key.requiredStrings("Values");
        if (fault == null || !fault.hits(i) || fault.acted()) {
          catalog.deletePartition(table.database(), table.name(), values);
        }
        if (fault != null && fault.hits(i)) {
          throw new AwsException(fault.errorCode(), fault.message());
        }
      } catch (AwsException e) {
        addError(errors, key.body().path("Values"), e);
      }
    }
    return response;
  }

  /** GetPartitions' Segment: partitions split into TotalSegments disjoint parts. */
  private static Predicate<List<String>> segment(JsonRequest request) {
    JsonRequest segment = request.structure("Segment");
    if (segment == null) {
      return values -> true;
    }
    int total = segment.pageSize("TotalSegments", 1, 10);
    Integer number = segment.integer("SegmentNumber");
    if (number == null || number < 0 || number >= total) {
      throw request.invalid("SegmentNumber must be between 0 and TotalSegments - 1");
    }
    return values -> Math.floorMod(values.hashCode(), total) == number;
  }

  private static List<String> shown(List<JsonRequest> items, Function<JsonNode, String> how) {
    return items.stream().map(item -> how.apply(item.body())).toList();
  }

  private static void addError(ArrayNode errors, JsonNode values, AwsException e) {
    ObjectNode error = errors.addObject();
    error.set("PartitionValues", values.deepCopy());
    error.putObject("ErrorDetail").put("ErrorCode", e.type()).put("ErrorMessage", e.getMessage());
  }

  /** The database and table a partition request names. */
  private record TableRef(String database, String name) {
    static TableRef of(JsonRequest request) {
      return new TableRef(
          GlueNames.require(request, "DatabaseName"), GlueNames.require(request, "TableName"));
    }
  }
}
