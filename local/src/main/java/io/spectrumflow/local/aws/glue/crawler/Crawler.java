package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.AwsJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One crawler: its definition as the client gave it (defaults filled in), its state and the last
 * crawl. Guarded by {@link GlueCrawlers}' lock; the definition is replaced, never changed in place,
 * so a running crawl keeps the one it started with.
 */
final class Crawler {

  private static final int RUNTIMES_KEPT = 20;

  ObjectNode definition;
  final ObjectNode tags;
  final Instant creationTime;
  Instant lastUpdated;
  long version;
  CrawlerState state = CrawlerState.READY;
  ObjectNode lastCrawl;
  CrawlOutcome lastOutcome;
  final List<Double> runtimes = new ArrayList<>();
  CrawlRun run;

  Crawler(ObjectNode definition, ObjectNode tags, Instant creationTime) {
    this.definition = definition;
    this.tags = tags;
    this.creationTime = creationTime;
    this.lastUpdated = creationTime;
    this.version = 1;
  }

  String name() {
    return definition.path("Name").asText();
  }

  void recordRuntime(Duration runtime) {
    runtimes.add(runtime.toMillis() / 1000.0);
    if (runtimes.size() > RUNTIMES_KEPT) {
      runtimes.remove(0);
    }
  }

  /** GetCrawler's {@code Crawler}. */
  ObjectNode describe(Instant now) {
    ObjectNode json = AwsJson.object();
    json.put("Name", name());
    json.put("Role", definition.path("Role").asText());
    json.set("Targets", targets(definition.path("Targets")));
    copy(json, "DatabaseName", "Description", "Classifiers", "RecrawlPolicy");
    copy(json, "SchemaChangePolicy", "LineageConfiguration");
    json.put("State", state.name());
    copy(json, "TablePrefix");
    if (definition.hasNonNull("Schedule")) {
      json.putObject("Schedule")
          .put("ScheduleExpression", definition.get("Schedule").asText())
          .put("State", "SCHEDULED");
    }
    long elapsed = run == null ? 0 : Duration.between(run.startedAt(), now).toMillis();
    json.put("CrawlElapsedTime", Math.max(0, elapsed));
    json.set("CreationTime", AwsJson.epochSeconds(creationTime));
    json.set("LastUpdated", AwsJson.epochSeconds(lastUpdated));
    if (lastCrawl != null) {
      json.set("LastCrawl", lastCrawl.deepCopy());
    }
    json.put("Version", version);
    copy(json, "Configuration", "CrawlerSecurityConfiguration", "LakeFormationConfiguration");
    json.put("CatalogId", GlueCatalog.CATALOG_ID);
    return json;
  }

  /** GetCrawlerMetrics' entry. */
  ObjectNode metrics(Instant now, Duration crawlDuration) {
    ObjectNode json = AwsJson.object();
    json.put("CrawlerName", name());
    double left =
        run == null
            ? 0
            : Math.max(
                    0, crawlDuration.toMillis() - Duration.between(run.startedAt(), now).toMillis())
                / 1000.0;
    json.put("TimeLeftSeconds", left);
    json.put("StillEstimating", false);
    json.put("LastRuntimeSeconds", runtimes.isEmpty() ? 0.0 : runtimes.get(runtimes.size() - 1));
    json.put("MedianRuntimeSeconds", median());
    json.put("TablesCreated", lastOutcome == null ? 0 : lastOutcome.tablesCreated());
    json.put("TablesUpdated", lastOutcome == null ? 0 : lastOutcome.tablesUpdated());
    json.put("TablesDeleted", 0);
    return json;
  }

  private double median() {
    if (runtimes.isEmpty()) {
      return 0;
    }
    List<Double> sorted = runtimes.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** Targets as Glue answers them: every kind of target listed, S3 exclusions always present. */
  private static ObjectNode targets(JsonNode given) {
    ObjectNode targets = AwsJson.object();
    for (String kind : CrawlerInput.TARGET_KINDS) {
      JsonNode list = given.path(kind);
      targets.set(kind, list.isArray() ? list.deepCopy() : AwsJson.MAPPER.createArrayNode());
    }
    for (JsonNode s3 : (ArrayNode) targets.get("S3Targets")) {
      if (s3.isObject() && !s3.has("Exclusions")) {
        ((ObjectNode) s3).putArray("Exclusions");
      }
    }
    return targets;
  }

  private void copy(ObjectNode json, String... members) {
    for (String member : members) {
      JsonNode value = definition.get(member);
      if (value != null && !value.isNull()) {
        json.set(member, value.deepCopy());
      }
    }
  }

  // ---- storage: the definition, tags and history, not the state (a restart ends any crawl)

  ObjectNode stored() {
    ObjectNode json = AwsJson.object();
    json.set("Definition", definition);
    json.set("Tags", tags);
    json.set("CreationTime", AwsJson.epochSeconds(creationTime));
    json.set("LastUpdated", AwsJson.epochSeconds(lastUpdated));
    json.put("Version", version);
    if (lastCrawl != null) {
      json.set("LastCrawl", lastCrawl);
    }
    if (lastOutcome != null) {
      json.set("LastOutcome", AwsJson.MAPPER.valueToTree(lastOutcome));
    }
    ArrayNode times = json.putArray("Runtimes");
    runtimes.forEach(times::add);
    return json;
  }

  static Crawler fromStored(JsonNode json) {
    Crawler crawler =
        new Crawler(
            (ObjectNode) json.get("Definition"),
            json.path("Tags").isObject() ? (ObjectNode) json.get("Tags") : AwsJson.object(),
            instant(json.path("CreationTime")));
    crawler.lastUpdated = instant(json.path("LastUpdated"));
    crawler.version = json.path("Version").asLong(1);
    if (json.path("LastCrawl").isObject()) {
      crawler.lastCrawl = (ObjectNode) json.get("LastCrawl");
    }
    if (json.path("LastOutcome").isObject()) {
      crawler.lastOutcome =
          AwsJson.MAPPER.convertValue(json.get("LastOutcome"), CrawlOutcome.class);
    }
    json.path("Runtimes").forEach(t -> crawler.runtimes.add(t.asDouble()));
    return crawler;
  }

  private static Instant instant(JsonNode epochSeconds) {
    BigDecimal seconds = epochSeconds.decimalValue();
    return Instant.ofEpochSecond(
        seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
  }
}
