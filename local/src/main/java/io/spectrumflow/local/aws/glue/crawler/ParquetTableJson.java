package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The catalog JSON a crawler writes for Parquet data: storage descriptors and parameters. */
final class ParquetTableJson {

  static final String INPUT_FORMAT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  static final String OUTPUT_FORMAT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
  static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

  private ParquetTableJson() {}

  /** A table's Parameters: the object statistics and the crawler's own markers. */
  static ObjectNode tableParameters(ObjectStats stats, String crawlerName) {
    Map<String, String> parameters = new TreeMap<>(stats.parameters());
    parameters.put("CrawlerSchemaDeserializerVersion", "1.0");
    parameters.put("CrawlerSchemaSerializerVersion", "1.0");
    parameters.put("UPDATED_BY_CRAWLER", crawlerName);
    return toJson(parameters);
  }

  static ObjectNode partitionParameters(ObjectStats stats) {
    return toJson(new TreeMap<>(stats.parameters()));
  }

  static ObjectNode storageDescriptor(
      List<CrawledColumn> columns, String location, ObjectNode parameters) {
    ObjectNode sd = AwsJson.object();
    sd.set("Columns", columns(columns));
    sd.put("Location", location);
    setParquetFormat(sd);
    sd.put("Compressed", false);
    sd.put("NumberOfBuckets", -1);
    sd.putArray("BucketColumns");
    sd.putArray("SortColumns");
    sd.set("Parameters", parameters);
    sd.put("StoredAsSubDirectories", false);
    return sd;
  }

  static void setParquetFormat(ObjectNode sd) {
    sd.put("InputFormat", INPUT_FORMAT);
    sd.put("OutputFormat", OUTPUT_FORMAT);
    ObjectNode serde = sd.putObject("SerdeInfo");
    serde.put("SerializationLibrary", SERDE);
    serde.putObject("Parameters").put("serialization.format", "1");
  }

  static ArrayNode columns(List<CrawledColumn> columns) {
    ArrayNode array = AwsJson.MAPPER.createArrayNode();
    columns.forEach(c -> array.addObject().put("Name", c.name()).put("Type", c.type()));
    return array;
  }

  /** Partition keys as a crawler writes them: every one a string. */
  static ArrayNode partitionKeys(List<String> names) {
    ArrayNode array = AwsJson.MAPPER.createArrayNode();
    names.forEach(n -> array.addObject().put("Name", n).put("Type", "string"));
    return array;
  }

  /** {@code base}'s members with {@code update}'s laid over them. */
  static ObjectNode merged(JsonNode base, ObjectNode update) {
    ObjectNode result =
        base != null && base.isObject() ? (ObjectNode) base.deepCopy() : AwsJson.object();
    result.setAll(update);
    return result;
  }

  private static ObjectNode toJson(Map<String, String> map) {
    ObjectNode json = AwsJson.object();
    map.forEach(json::put);
    return json;
  }
}
