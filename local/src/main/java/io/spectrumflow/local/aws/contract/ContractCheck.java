package io.spectrumflow.local.aws.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the requests a server receives against the AWS service model of their operation and
 * records each check in a ledger. Off (checks nothing, records nothing) where the models are
 * absent.
 */
public final class ContractCheck {

  /** The JSON-protocol and Query-protocol services the stand-in answers, by botocore name. */
  private static final List<String> JSON_SERVICES = List.of("glue", "redshift-data");

  private static final List<String> QUERY_SERVICES = List.of("redshift");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Logger LOG = LoggerFactory.getLogger(ContractCheck.class);

  private final Optional<ServiceModels> models;
  private final ContractLedger ledger;

  public ContractCheck(Optional<ServiceModels> models, ContractLedger ledger) {
    this.models = models;
    this.ledger = ledger;
  }

  /** A check with this machine's models (if any) and a ledger of its own. */
  public static ContractCheck onThisMachine() {
    return new ContractCheck(ServiceModels.shared(), ContractLedger.forServer());
  }

  public boolean enabled() {
    return models.isPresent();
  }

  public ContractLedger ledger() {
    return ledger;
  }

  /** An AWS JSON 1.1 request: {@code X-Amz-Target: <targetPrefix>.<operation>} and its body. */
  public List<ContractViolation> checkJson(String targetPrefix, String operation, JsonNode body) {
    for (String name : JSON_SERVICES) {
      Optional<ServiceModel> model = models.flatMap(m -> m.service(name));
      if (model.isPresent()
          && model.get().targetPrefix().equals(targetPrefix)
          && model.get().inputShape(operation).isPresent()) {
        return record(model.get(), operation, body);
      }
    }
    return List.of();
  }

  /**
   * An AWS Query request's parameters, e.g. {@code Action=DescribeClusters&Version=2012-12-01}.
   * Top-level scalars and lists of scalars are checked; nested structures are not.
   */
  public List<ContractViolation> checkQuery(Map<String, String> parameters) {
    String action = parameters.getOrDefault("Action", "");
    String version = parameters.get("Version");
    for (String name : QUERY_SERVICES) {
      Optional<ServiceModel> model = models.flatMap(m -> m.service(name));
      if (model.isPresent()
          && (version == null || model.get().apiVersion().equals(version))
          && model.get().inputShape(action).isPresent()) {
        String shape = model.get().inputShape(action).orElseThrow();
        return record(model.get(), action, queryAsJson(model.get(), shape, parameters));
      }
    }
    return List.of();
  }

  /** AWS's message for a request's violations, e.g. {@code 1 validation error detected: ...}. */
  public static String message(List<ContractViolation> violations) {
    StringBuilder out =
        new StringBuilder()
            .append(violations.size())
            .append(violations.size() == 1 ? " validation error" : " validation errors")
            .append(" detected: ");
    for (int i = 0; i < violations.size(); i++) {
      out.append(i == 0 ? "" : "; ").append(violations.get(i).message());
    }
    return out.toString();
  }

  private List<ContractViolation> record(ServiceModel model, String operation, JsonNode body) {
    String key = model.name() + "." + operation;
    List<ContractViolation> found;
    try {
      found = new ShapeValidator(model).validate(key, operation, body);
    } catch (RuntimeException e) {
      // a model this validator cannot read must not turn the request into a 500
      LOG.warn("contract check of {} skipped: {}", key, e.toString());
      return List.of();
    }
    ledger.record(key, found);
    return found;
  }

  /** Query parameters as the JSON of the input shape, so one validator serves both protocols. */
  private static ObjectNode queryAsJson(
      ServiceModel model, String shapeName, Map<String, String> parameters) {
    ObjectNode json = NODES.objectNode();
    for (Map.Entry<String, JsonNode> member : model.shape(shapeName).path("members").properties()) {
      String name = member.getValue().path("locationName").asText(member.getKey());
      JsonNode shape = model.shape(member.getValue().path("shape").textValue());
      switch (shape.path("type").asText()) {
        case "list" -> {
          JsonNode itemShape = model.shape(shape.path("member").path("shape").textValue());
          if (!itemShape.path("type").asText().equals("structure")) {
            Map<Integer, String> items = listItems(parameters, name);
            if (!items.isEmpty()) {
              ArrayNode array = json.putArray(member.getKey());
              items.values().forEach(v -> array.add(scalar(itemShape, v)));
            }
          }
        }
        case "structure", "map" -> {
          // nested parameters are left to the operation itself
        }
        default -> {
          String value = parameters.get(name);
          if (value != null) {
            json.set(member.getKey(), scalar(shape, value));
          }
        }
      }
    }
    return json;
  }

  private static Map<Integer, String> listItems(Map<String, String> parameters, String name) {
    Pattern item = Pattern.compile(Pattern.quote(name) + "\\.[A-Za-z]+\\.(\\d+)");
    Map<Integer, String> items = new TreeMap<>();
    parameters.forEach(
        (key, value) -> {
          Matcher matcher = item.matcher(key);
          if (matcher.matches()) {
            items.put(Integer.valueOf(matcher.group(1)), value);
          }
        });
    return items;
  }

  private static JsonNode scalar(JsonNode shape, String value) {
    try {
      return switch (shape.path("type").asText()) {
        case "integer", "long" -> NODES.numberNode(Long.parseLong(value));
        case "double", "float" -> NODES.numberNode(Double.parseDouble(value));
        case "boolean" ->
            "true".equals(value) || "false".equals(value)
                ? NODES.booleanNode(Boolean.parseBoolean(value))
                : NODES.textNode(value);
        default -> NODES.textNode(value);
      };
    } catch (NumberFormatException e) {
      return NODES.textNode(value); // reported as the wrong type
    }
  }
}
