package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueLimits;
import io.spectrumflow.local.aws.glue.GlueNames;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.http.Operation;
import io.spectrumflow.local.aws.http.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Glue's crawler operations over {@link GlueCrawlers}. */
public final class GlueCrawlerOperations {

  private final GlueCrawlers crawlers;

  public GlueCrawlerOperations(GlueCrawlers crawlers) {
    this.crawlers = crawlers;
  }

  /** The operations by name, for {@link io.spectrumflow.local.aws.glue.GlueService}. */
  public Map<String, Operation> operations() {
    Map<String, Operation> operations = new TreeMap<>();
    operations.put("CreateCrawler", this::create);
    operations.put("GetCrawler", this::get);
    operations.put("GetCrawlers", this::list);
    operations.put("BatchGetCrawlers", this::batchGet);
    operations.put("ListCrawlers", this::listNames);
    operations.put("UpdateCrawler", this::update);
    operations.put("DeleteCrawler", this::delete);
    operations.put("StartCrawler", this::start);
    operations.put("StopCrawler", this::stop);
    operations.put("GetCrawlerMetrics", this::metrics);
    operations.put("GetTags", this::getTags);
    operations.put("TagResource", this::tagResource);
    operations.put("UntagResource", this::untagResource);
    return operations;
  }

  /** Tags are kept for crawlers, the only taggable resources here. */
  ObjectNode getTags(JsonRequest request) {
    ObjectNode response = AwsJson.object();
    response.set("Tags", crawlers.tags(crawlerOf(request)));
    return response;
  }

  ObjectNode tagResource(JsonRequest request) {
    ObjectNode add = request.optionalObject("TagsToAdd");
    crawlers.retag(crawlerOf(request), add == null ? AwsJson.object() : add, List.of());
    return AwsJson.object();
  }

  ObjectNode untagResource(JsonRequest request) {
    crawlers.retag(crawlerOf(request), AwsJson.object(), request.requiredStrings("TagsToRemove"));
    return AwsJson.object();
  }

  /** The crawler a resource ARN names: {@code arn:aws:glue:<region>:<account>:crawler/<name>}. */
  private static String crawlerOf(JsonRequest request) {
    String arn = request.requiredString("ResourceArn");
    int crawler = arn.indexOf(":crawler/");
    if (!arn.startsWith("arn:aws:glue:") || crawler < 0) {
      throw new AwsException(
          "EntityNotFoundException",
          "Resource " + arn + " not found: only crawlers carry tags in this stand-in");
    }
    return arn.substring(crawler + ":crawler/".length());
  }

  ObjectNode create(JsonRequest request) {
    ObjectNode definition = CrawlerInput.forCreate(request);
    ObjectNode tags = request.optionalObject("Tags");
    crawlers.create(definition, tags == null ? AwsJson.object() : tags.deepCopy());
    return AwsJson.object();
  }

  ObjectNode get(JsonRequest request) {
    ObjectNode response = AwsJson.object();
    response.set("Crawler", crawlers.get(GlueNames.require(request, "Name")));
    return response;
  }

  ObjectNode list(JsonRequest request) {
    Page<ObjectNode> page =
        Page.of(
            crawlers.all(),
            c -> c.path("Name").asText(),
            request.string("NextToken"),
            request.pageSize("MaxResults", 100, 1000),
            request::invalid);
    ObjectNode response = AwsJson.object();
    response.putArray("Crawlers").addAll(page.items());
    putToken(response, page);
    return response;
  }

  ObjectNode batchGet(JsonRequest request) {
    List<String> names = request.requiredStrings("CrawlerNames");
    GlueLimits.requireAtMost("CrawlerNames", names, GlueLimits.BATCH_GET_CRAWLERS);
    ObjectNode response = AwsJson.object();
    ArrayNode found = response.putArray("Crawlers");
    ArrayNode missing = response.putArray("CrawlersNotFound");
    for (String name : names) {
      ObjectNode crawler = crawlers.describeIfExists(name);
      if (crawler == null) {
        missing.add(name);
      } else {
        found.add(crawler);
      }
    }
    return response;
  }

  ObjectNode listNames(JsonRequest request) {
    Map<String, String> tags = new LinkedHashMap<>();
    ObjectNode tagFilter = request.optionalObject("Tags");
    if (tagFilter != null) {
      tagFilter.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    }
    Page<String> page =
        Page.of(
            crawlers.names(tags),
            name -> name,
            request.string("NextToken"),
            request.pageSize("MaxResults", 100, 1000),
            request::invalid);
    ObjectNode response = AwsJson.object();
    ArrayNode names = response.putArray("CrawlerNames");
    page.items().forEach(names::add);
    putToken(response, page);
    return response;
  }

  ObjectNode update(JsonRequest request) {
    String name = GlueNames.require(request, "Name");
    crawlers.update(name, current -> CrawlerInput.forUpdate(request, current));
    return AwsJson.object();
  }

  ObjectNode delete(JsonRequest request) {
    crawlers.delete(GlueNames.require(request, "Name"));
    return AwsJson.object();
  }

  ObjectNode start(JsonRequest request) {
    crawlers.start(GlueNames.require(request, "Name"));
    return AwsJson.object();
  }

  ObjectNode stop(JsonRequest request) {
    crawlers.stop(GlueNames.require(request, "Name"));
    return AwsJson.object();
  }

  /** Metrics of the named crawlers (all when none are named); unknown names are left out. */
  ObjectNode metrics(JsonRequest request) {
    List<String> names = request.strings("CrawlerNameList");
    GlueLimits.requireAtMost("CrawlerNameList", names, GlueLimits.BATCH_GET_CRAWLERS);
    List<ObjectNode> metrics =
        (names.isEmpty() ? crawlers.allNames() : names)
            .stream().map(crawlers::metrics).filter(Objects::nonNull).toList();
    Page<ObjectNode> page =
        Page.of(
            metrics,
            m -> m.path("CrawlerName").asText(),
            request.string("NextToken"),
            request.pageSize("MaxResults", 100, 1000),
            request::invalid);
    ObjectNode response = AwsJson.object();
    response.putArray("CrawlerMetricsList").addAll(page.items());
    putToken(response, page);
    return response;
  }

  private static void putToken(ObjectNode response, Page<?> page) {
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
  }
}
