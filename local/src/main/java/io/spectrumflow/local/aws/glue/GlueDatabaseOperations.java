package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.http.Page;

/** Glue's database operations over the catalog. */
final class GlueDatabaseOperations {

  private final GlueCatalog catalog;

  GlueDatabaseOperations(GlueCatalog catalog) {
    this.catalog = catalog;
  }

  ObjectNode create(JsonRequest request) {
    JsonRequest input = request.requiredStructure("DatabaseInput");
    GlueNames.require(input, "Name");
    catalog.createDatabase(input.body());
    return AwsJson.object();
  }

  ObjectNode get(JsonRequest request) {
    ObjectNode response = AwsJson.object();
    response.set("Database", catalog.database(GlueNames.require(request, "Name")));
    return response;
  }

  ObjectNode list(JsonRequest request) {
    Page<ObjectNode> page =
        Page.of(
            catalog.databases(),
            db -> db.path("Name").asText(),
            request.string("NextToken"),
            request.pageSize("MaxResults", 100, 100),
            request::invalid);
    ObjectNode response = AwsJson.object();
    response.putArray("DatabaseList").addAll(page.items());
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  ObjectNode update(JsonRequest request) {
    String name = GlueNames.require(request, "Name");
    JsonRequest input = request.requiredStructure("DatabaseInput");
    GlueNames.require(input, "Name");
    catalog.updateDatabase(name, input.body());
    return AwsJson.object();
  }

  ObjectNode delete(JsonRequest request) {
    catalog.deleteDatabase(GlueNames.require(request, "Name"));
    return AwsJson.object();
  }
}
