package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.http.Page;
import io.spectrumflow.local.aws.redshift.sql.RedshiftEngine;
import io.spectrumflow.local.aws.redshift.sql.RedshiftMetadata;
import io.spectrumflow.local.aws.redshift.sql.RedshiftSqlException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The Data API's catalog operations: ListDatabases, ListSchemas, ListTables, DescribeTable. */
final class MetadataOperations {

  private final RedshiftEngine engine;
  private final KnownClusters clusters;

  MetadataOperations(RedshiftEngine engine, KnownClusters clusters) {
    this.engine = engine;
    this.clusters = clusters;
  }

  ObjectNode databases(JsonRequest request) {
    StatementTarget.of(request, clusters);
    return page(
        request, engine.databases(), name -> name, "Databases", AwsJson.MAPPER::valueToTree);
  }

  ObjectNode schemas(JsonRequest request) {
    StatementTarget target = StatementTarget.of(request, clusters);
    Pattern pattern = like(request.string("SchemaPattern"));
    List<String> schemas =
        metadata(target, RedshiftMetadata::schemas).stream()
            .filter(s -> pattern.matcher(s).matches())
            .toList();
    return page(request, schemas, name -> name, "Schemas", AwsJson.MAPPER::valueToTree);
  }

  ObjectNode tables(JsonRequest request) {
    StatementTarget target = StatementTarget.of(request, clusters);
    Pattern schemaPattern = like(request.string("SchemaPattern"));
    Pattern tablePattern = like(request.string("TablePattern"));
    List<RedshiftMetadata.TableEntry> tables =
        metadata(target, RedshiftMetadata::tables).stream()
            .filter(t -> schemaPattern.matcher(t.schema()).matches())
            .filter(t -> tablePattern.matcher(t.name()).matches())
            .toList();
    return page(
        request,
        tables,
        t -> t.schema() + "\u0000" + t.name(),
        "Tables",
        t ->
            AwsJson.object().put("name", t.name()).put("schema", t.schema()).put("type", t.type()));
  }

  ObjectNode describeTable(JsonRequest request) {
    StatementTarget target = StatementTarget.of(request, clusters);
    String schema = request.string("Schema") == null ? "public" : request.string("Schema");
    String table = request.requiredString("Table");
    ArrayNode columns = metadata(target, m -> m.columns(schema, table));
    ObjectNode response = AwsJson.object();
    response.put("TableName", table);
    response.set("ColumnList", columns);
    return response;
  }

  private interface MetadataQuery<T> {
    T apply(RedshiftMetadata metadata) throws RedshiftSqlException;
  }

  private <T> T metadata(StatementTarget target, MetadataQuery<T> query) {
    try {
      return query.apply(engine.metadata(target.database()));
    } catch (RedshiftSqlException e) {
      throw new AwsException("DatabaseConnectionException", e.getMessage());
    }
  }

  private static <T> ObjectNode page(
      JsonRequest request,
      List<T> items,
      Function<T, String> key,
      String member,
      Function<T, JsonNode> json) {
    Integer max = request.integer("MaxResults");
    int size = max == null || max == 0 ? 1000 : request.pageSize("MaxResults", 1000, 1000);
    Page<T> page = Page.of(items, key, request.string("NextToken"), size, request::invalid);
    ObjectNode response = AwsJson.object();
    ArrayNode list = response.putArray(member);
    page.items().forEach(item -> list.add(json.apply(item)));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  /** A SQL LIKE pattern ({@code %}, {@code _}) as a regular expression; null matches all. */
  private static Pattern like(String pattern) {
    if (pattern == null) {
      return Pattern.compile("(?s).*");
    }
    StringBuilder regex = new StringBuilder("(?s)");
    for (char c : pattern.toCharArray()) {
      regex.append(
          switch (c) {
            case '%' -> ".*";
            case '_' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return Pattern.compile(regex.toString());
  }
}
