package io.spectrumflow.activities.glue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.CreateCrawlerRequest;
import software.amazon.awssdk.services.glue.model.DeleteBehavior;
import software.amazon.awssdk.services.glue.model.S3Target;
import software.amazon.awssdk.services.glue.model.SchemaChangePolicy;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;
import software.amazon.awssdk.services.glue.model.UpdateCrawlerRequest;

/**
 * The crawler a pipeline in crawler mode needs: one S3 target, the table's prefix, so the crawled
 * table is named after the table's folder. Later crawls must not undo our changes to the table (the
 * renamed partition column, columns we add): the schema change policy only logs, and partitions
 * inherit the table's schema.
 */
public final class CrawlerDefinition {

  /**
   * Partitions take the table's columns, and files whose schemas differ but are compatible (e.g. a
   * batch that brought a new column) make one table, not one per schema; see Glue's "Setting
   * crawler configuration options". An existing crawler without these is updated.
   */
  static final String CONFIGURATION =
      "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":"
          + "\"InheritFromTable\"}},\"Grouping\":{\"TableGroupingPolicy\":"
          + "\"CombineCompatibleSchemas\"}}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PipelineSpec pipeline;

  public CrawlerDefinition(PipelineSpec pipeline) {
    this.pipeline = pipeline;
    if (pipeline.catalog().crawlerRole() == null || pipeline.catalog().crawlerRole().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "pipeline "
              + pipeline.name()
              + " is in crawler mode but has no catalog.crawlerRole: name the IAM role the Glue"
              + " crawler runs as",
          ExportFailures.INVALID_REQUEST);
    }
  }

  /** The crawler's name: configured, or {@code spectrumflow-<pipeline>}. */
  public String name() {
    String configured = pipeline.catalog().crawlerName();
    return configured == null || configured.isBlank()
        ? "spectrumflow-" + pipeline.name()
        : configured;
  }

  String database() {
    return pipeline.catalog().database();
  }

  CreateCrawlerRequest create() {
    return CreateCrawlerRequest.builder()
        .name(name())
        .role(pipeline.catalog().crawlerRole())
        .databaseName(pipeline.catalog().database())
        .description("Crawls the objects of Spectrumflow pipeline " + pipeline.name())
        .targets(targets())
        .tablePrefix("")
        .schemaChangePolicy(policy())
        .configuration(CONFIGURATION)
        .build();
  }

  UpdateCrawlerRequest update() {
    return UpdateCrawlerRequest.builder()
        .name(name())
        .role(pipeline.catalog().crawlerRole())
        .databaseName(pipeline.catalog().database())
        .targets(targets())
        .tablePrefix("")
        .schemaChangePolicy(policy())
        .configuration(CONFIGURATION)
        .build();
  }

  /** Whether an existing crawler differs from what the pipeline needs. */
  boolean differsFrom(Crawler crawler) {
    List<String> paths =
        crawler.targets() == null
            ? List.of()
            : crawler.targets().s3Targets().stream().map(S3Target::path).toList();
    return !sameRole(crawler.role())
        || !pipeline.catalog().database().equals(crawler.databaseName())
        || !paths.equals(List.of(pipeline.tableLocation()))
        || crawler.tablePrefix() != null && !crawler.tablePrefix().isEmpty()
        || crawler.schemaChangePolicy() == null
        || crawler.schemaChangePolicy().updateBehavior() != UpdateBehavior.LOG
        || !sameConfiguration(crawler.configuration());
  }

  /** Glue answers the role as it was given: an ARN, or a name for a role without a path. */
  private boolean sameRole(String role) {
    String wanted = pipeline.catalog().crawlerRole();
    return wanted.equals(role) || wanted.endsWith(":role/" + role);
  }

  private CrawlerTargets targets() {
    return CrawlerTargets.builder()
        .s3Targets(S3Target.builder().path(pipeline.tableLocation()).build())
        .build();
  }

  private static SchemaChangePolicy policy() {
    return SchemaChangePolicy.builder()
        .updateBehavior(UpdateBehavior.LOG)
        .deleteBehavior(DeleteBehavior.LOG)
        .build();
  }

  /** The same JSON as {@link #CONFIGURATION}, whatever its spacing and member order. */
  static boolean sameConfiguration(String json) {
    if (json == null) {
      return false;
    }
    try {
      return JSON.readTree(CONFIGURATION).equals(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return false; // not ours: replaced by ours
    }
  }
}
