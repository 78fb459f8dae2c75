package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.http.Page;
import java.util.List;

/** Glue's table operations over the catalog. */
final class GlueTableOperations {

  private final GlueCatalog catalog;

  GlueTableOperations(GlueCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode create(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    JsonRequest input = request.requiredStructure("TableInput");
    GlueNames.require(input, "Name");
    catalog.createTable(database, input.body());
    return AwsJson.object();
  }

  ObjectNode get(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    ObjectNode response = AwsJson.object();
    response.set("Table", catalog.table(database, GlueNames.require(request, "Name")));
    return response;
  }

  ObjectNode list(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    String expression = request.string("Expression");
    List<ObjectNode> tables = catalog.tables(database);
    if (expression != null && !expression.isBlank()) {
      TableNamePattern pattern = TableNamePattern.of(expression);
      tables = tables.stream().filter(t -> pattern.matches(t.path("Name").asText())).toList();
    }
    Page<ObjectNode> page =
        Page.of(
            tables,
            t -> t.path("Name").asText(),
            request.string("NextToken"),
            request.pageSize("MaxResults", 100, 100),
            request::invalid);
    ObjectNode response = AwsJson.object();
    response.putArray("TableList").addAll(page.items());
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  ObjectNode update(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    JsonRequest input = request.requiredStructure("TableInput");
    GlueNames.require(input, "Name");
    String name = request.string("Name");
    if (name != null
        && !GlueCatalog.normalize(name).equals(GlueCatalog.normalize(input.string("Name")))) {
      throw request.invalid("Name and TableInput.Name must be the same: tables cannot be renamed");
    }
    catalog.updateTable(
        database, input.body(), request.string("VersionId"), !request.flag("SkipArchive"));
    return AwsJson.object();
  }

  ObjectNode delete(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    catalog.deleteTable(database, GlueNames.require(request, "Name"));
    return AwsJson.object();
  }

  ObjectNode batchDelete(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    ObjectNode response = AwsJson.object();
    ArrayNode errors = response.putArray("Errors");
    List<String> tables = request.requiredStrings("TablesToDelete");
    GlueLimits.requireAtMost("TablesToDelete", tables, GlueLimits.BATCH_DELETE_TABLE);
    for (String table : tables) {
      try {
        catalog.deleteTable(database, table);
      } catch (AwsException e) {
        ObjectNode error = errors.addObject().put("TableName", table);
        error
            .putObject("ErrorDetail")
            .put("ErrorCode", e.type())
            .put("ErrorMessage", e.getMessage());
      }
    }
    return response;
  }

  ObjectNode versions(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    List<ObjectNode> versions =
        catalog.tableVersions(database, GlueNames.require(request, "TableName"));
    // newest first, as listed: the key orders by descending version number
    Page<ObjectNode> page =
        Page.of(
            versions,
            v ->
                String.format(
                    "%019d", Long.MAX_VALUE - Long.parseLong(v.path("VersionId").asText())),
            request.string("NextToken"),
            request.pageSize("MaxResults", 100, 100),
            request::invalid);
    ObjectNode response = AwsJson.object();
    ArrayNode list = response.putArray("TableVersions");
    page.items().forEach(v -> list.add(tableVersion(v)));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  ObjectNode version(JsonRequest request) {
    String database = GlueNames.require(request, "DatabaseName");
    String table = GlueNames.require(request, "TableName");
    String versionId = request.string("VersionId");
    ObjectNode found =
        catalog.tableVersions(database, table).stream()
            .filter(v -> versionId == null || versionId.equals(v.path("VersionId").asText()))
            .findFirst()
            .orElseThrow(
                () ->
                    new AwsException(
                        "EntityNotFoundException", "Version " + versionId + " not found."));
    ObjectNode response = AwsJson.object();
    response.set("TableVersion", tableVersion(found));
    return response;
  }

  private static ObjectNode tableVersion(ObjectNode table) {
    ObjectNode version = AwsJson.object();
    version.set("Table", table);
    version.put("VersionId", table.path("VersionId").asText());
    return version;
  }
}
