package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueNames;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.s3.S3Location;
import io.spectrumflow.local.aws.s3.S3ReadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CreateCrawler's and UpdateCrawler's members as a crawler definition: checked as Glue checks them,
 * with Glue's defaults for the policies left out.
 */
final class CrawlerInput {

  /** The members of {@code Targets}, in Glue's order. */
  static final List<String> TARGET_KINDS =
      List.of(
          "S3Targets",
          "JdbcTargets",
          "MongoDBTargets",
          "DynamoDBTargets",
          "CatalogTargets",
          "DeltaTargets",
          "IcebergTargets",
          "HudiTargets");

  /** The members a definition keeps, as CreateCrawler names them. */
  private static final List<String> MEMBERS =
      List.of(
          "Name",
          "Role",
          "DatabaseName",
          "Description",
          "Targets",
          "Schedule",
          "Classifiers",
          "TablePrefix",
          "SchemaChangePolicy",
          "RecrawlPolicy",
          "LineageConfiguration",
          "LakeFormationConfiguration",
          "Configuration",
          "CrawlerSecurityConfiguration");

  private static final Set<String> UPDATE_BEHAVIORS = Set.of("LOG", "UPDATE_IN_DATABASE");
  private static final Set<String> DELETE_BEHAVIORS =
      Set.of("LOG", "DELETE_FROM_DATABASE", "DEPRECATE_IN_DATABASE");
  private static final Set<String> RECRAWL_BEHAVIORS =
      Set.of("CRAWL_EVERYTHING", "CRAWL_NEW_FOLDERS_ONLY", "CRAWL_EVENT_MODE");

  private CrawlerInput() {}

  /** CreateCrawler's definition; Name, Role, DatabaseName and Targets are required. */
  static ObjectNode forCreate(JsonRequest request) {
    GlueNames.require(request, "Name");
    request.requiredString("Role");
    GlueNames.require(request, "DatabaseName");
    request.requiredStructure("Targets");
    ObjectNode definition = AwsJson.object();
    copyGiven(request.body(), definition);
    return checked(definition);
  }

  /** UpdateCrawler's definition: the given members replace those of {@code current}. */
  static ObjectNode forUpdate(JsonRequest request, ObjectNode current) {
    GlueNames.require(request, "Name");
    if (request.string("DatabaseName") != null) {
      GlueNames.require(request, "DatabaseName");
    }
    ObjectNode definition = current.deepCopy();
    copyGiven(request.body(), definition);
    definition.put("Name", current.path("Name").asText());
    return checked(definition);
  }

  private static void copyGiven(ObjectNode body, ObjectNode definition) {
    for (String member : MEMBERS) {
      JsonNode value = body.get(member);
      if (value != null && !value.isNull()) {
        definition.set(member, value.deepCopy());
      }
    }
  }

  private static ObjectNode checked(ObjectNode definition) {
    targets(definition.path("Targets"));
    CrawlerConfiguration.parse(definition.path("Configuration").textValue());
    ObjectNode policy = object(definition, "SchemaChangePolicy");
    oneOf(policy, "UpdateBehavior", UPDATE_BEHAVIORS, "UPDATE_IN_DATABASE");
    oneOf(policy, "DeleteBehavior", DELETE_BEHAVIORS, "DEPRECATE_IN_DATABASE");
    oneOf(
        object(definition, "RecrawlPolicy"),
        "RecrawlBehavior",
        RECRAWL_BEHAVIORS,
        "CRAWL_EVERYTHING");
    oneOf(
        object(definition, "LineageConfiguration"),
        "CrawlerLineageSettings",
        Set.of("ENABLE", "DISABLE"),
        "DISABLE");
    ObjectNode lakeFormation = object(definition, "LakeFormationConfiguration");
    if (!lakeFormation.has("UseLakeFormationCredentials")) {
      lakeFormation.put("UseLakeFormationCredentials", false);
    }
    if (!lakeFormation.has("AccountId")) {
      lakeFormation.put("AccountId", "");
    }
    if (!definition.path("Classifiers").isArray()) {
      definition.putArray("Classifiers");
    }
    return definition;
  }

  /** The S3 targets of a definition, checked: at least one, each an S3 folder. */
  static List<S3Target> targets(JsonNode targets) {
    for (String kind : TARGET_KINDS.subList(1, TARGET_KINDS.size())) {
      if (targets.path(kind).size() > 0) {
        throw invalid(
            "Targets." + kind + " are not supported by the local stand-in: it crawls S3Targets");
      }
    }
    List<S3Target> s3 = new ArrayList<>();
    for (JsonNode target : targets.path("S3Targets")) {
      String path = target.path("Path").asText("");
      try {
        S3Location.parse(path);
      } catch (S3ReadException e) {
        throw invalid("Invalid S3 target path '" + path + "': expected s3://bucket/prefix/");
      }
      List<String> exclusions = new ArrayList<>();
      target.path("Exclusions").forEach(e -> exclusions.add(e.asText()));
      try {
        s3.add(new S3Target(path, ExclusionPatterns.of(exclusions)));
      } catch (IllegalArgumentException e) {
        throw invalid(e.getMessage());
      }
    }
    if (s3.isEmpty()) {
      throw invalid("Targets must contain at least one S3 target with a Path");
    }
    return s3;
  }

  private static ObjectNode object(ObjectNode definition, String member) {
    JsonNode node = definition.get(member);
    if (node == null || !node.isObject()) {
      return definition.putObject(member);
    }
    return (ObjectNode) node;
  }

  private static void oneOf(ObjectNode node, String member, Set<String> allowed, String fallback) {
    JsonNode value = node.get(member);
    if (value == null || value.isNull()) {
      node.put(member, fallback);
    } else if (!allowed.contains(value.asText())) {
      throw invalid(
          "1 validation error detected: Value '"
              + value.asText()
              + "' at '"
              + Character.toLowerCase(member.charAt(0))
              + member.substring(1)
              + "' failed to satisfy constraint: Member must satisfy enum value set: "
              + allowed);
    }
  }

  private static AwsException invalid(String message) {
    return new AwsException("InvalidInputException", message);
  }
}
