package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.s3.S3ObjectCache;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl itself: every S3 target scanned and written to the catalog. FAILED when no target has
 * readable Parquet data; the targets that do are still written.
 */
final class CrawlWork {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlWork.class);

  private final S3ObjectCache cache;
  private final CrawlerCatalogWriter writer;

  CrawlWork(GlueCatalog catalog, S3ObjectCache cache) {
    this.cache = cache;
    this.writer = new CrawlerCatalogWriter(catalog);
  }

  CrawlOutcome crawl(ObjectNode definition, BooleanSupplier cancelled) {
    String name = definition.path("Name").asText();
    List<S3Target> targets = CrawlerInput.targets(definition.path("Targets"));
    CrawlerConfiguration configuration =
        CrawlerConfiguration.parse(definition.path("Configuration").textValue());
    WritePolicy policy =
        new WritePolicy(
            name,
            "UPDATE_IN_DATABASE"
                .equals(definition.path("SchemaChangePolicy").path("UpdateBehavior").asText()),
            configuration.mergeNewColumns(),
            configuration.inheritFromTable());
    String database = GlueCatalog.normalize(definition.path("DatabaseName").asText());
    String tablePrefix = definition.path("TablePrefix").asText("");
    int created = 0;
    int updated = 0;
    List<String> problems = new ArrayList<>();
    try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
      S3TargetScan scan = new S3TargetScan(cache, duckDb, cancelled);
      for (S3Target target : targets) {
        S3TargetScan.Outcome outcome = scan.scan(target, tablePrefix);
        if (cancelled.getAsBoolean()) {
          return CrawlOutcome.cancelled();
        }
        if (outcome.table() == null) {
          problems.add(outcome.problem());
          continue;
        }
        CrawlerCatalogWriter.Outcome written = writer.write(database, outcome.table(), policy);
        created += written.created() ? 1 : 0;
        updated += written.updated() ? 1 : 0;
        LOG.info(
            "crawler {}: {} -> table {}.{} ({})",
            name,
            target.path(),
            database,
            written.tableName(),
            written.created() ? "created" : written.updated() ? "updated" : "unchanged");
      }
    } catch (SQLException e) {
      return CrawlOutcome.failed("Internal Service Exception: cannot read Parquet: " + e);
    } catch (AwsException e) {
      return CrawlOutcome.failed(e.type() + ": " + e.getMessage());
    }
    if (problems.size() == targets.size()) {
      return CrawlOutcome.failed(String.join("; ", problems));
    }
    problems.forEach(p -> LOG.info("crawler {}: {}", name, p));
    return new CrawlOutcome("SUCCEEDED", null, created, updated);
  }
}
