package io.spectrumflow.local.aws.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a request (as JSON) against its operation's input shape and reports what AWS's validator
 * would refuse: missing required members, wrong types, string lengths, list and map sizes, number
 * ranges, enums and patterns. Paths and rules are worded as AWS words them: members in lower camel
 * case from the top, list items as {@code .N.member} counted from 1. Patterns Java cannot compile
 * are skipped (logged once), never enforced wrongly.
 */
public final class ShapeValidator {

  private static final Logger LOG = LoggerFactory.getLogger(ShapeValidator.class);
  private static final Map<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

  private final ServiceModel model;

  public ShapeValidator(ServiceModel model) {
    this.model = model;
  }

  /**
   * The violations of a request of {@code operation}; none for an operation the model lacks.
   *
   * @param operationKey how violations name the operation, e.g. {@code glue.BatchDeletePartition}
   */
  public List<ContractViolation> validate(String operationKey, String operation, JsonNode request) {
    List<ContractViolation> found = new ArrayList<>();
    model
        .inputShape(operation)
        .ifPresent(shape -> structure(new Walk(operationKey, found), shape, request, ""));
    return found;
  }

  private record Walk(String operation, List<ContractViolation> found) {
    void add(String path, String rule, JsonNode value) {
      found.add(new ContractViolation(operation, path, rule, text(value)));
    }
  }

  private void structure(Walk walk, String shapeName, JsonNode value, String path) {
    JsonNode shape = model.shape(shapeName);
    if (shape.path("document").asBoolean(false)) {
      return;
    }
    for (JsonNode required : shape.path("required")) {
      JsonNode member = value.get(required.textValue());
      if (member == null || member.isNull()) {
        walk.add(child(path, required.textValue()), "Member must not be null", null);
      }
    }
    for (Map.Entry<String, JsonNode> member : shape.path("members").properties()) {
      JsonNode memberValue = value.get(member.getKey());
      if (memberValue != null && !memberValue.isNull()) {
        value(
            walk,
            member.getValue().path("shape").textValue(),
            memberValue,
            child(path, member.getKey()));
      }
    }
  }

  private void value(Walk walk, String shapeName, JsonNode value, String path) {
    JsonNode shape = model.shape(shapeName);
    String type = shape.path("type").asText();
    switch (type) {
      case "structure" -> {
        if (!value.isObject()) {
          walk.add(path, "Member must be a structure", value);
        } else {
          structure(walk, shapeName, value, path);
        }
      }
      case "list" -> list(walk, shape, value, path);
      case "map" -> map(walk, shape, value, path);
      case "string" -> {
        if (!value.isTextual()) {
          walk.add(path, "Member must be a string", value);
        } else {
          stringRules(shape, value.textValue()).forEach(rule -> walk.add(path, rule, value));
        }
      }
      case "integer", "long" -> {
        if (!value.isIntegralNumber()) {
          walk.add(path, "Member must be an integer", value);
        } else {
          range(shape, value.decimalValue()).forEach(rule -> walk.add(path, rule, value));
        }
      }
      case "double", "float" -> {
        if (!value.isNumber()) {
          walk.add(path, "Member must be a number", value);
        } else {
          range(shape, value.decimalValue()).forEach(rule -> walk.add(path, rule, value));
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          walk.add(path, "Member must be a boolean", value);
        }
      }
      case "timestamp" -> {
        if (!value.isNumber() && !value.isTextual()) {
          walk.add(path, "Member must be a timestamp", value);
        }
      }
      case "blob" -> {
        if (!value.isTextual()) {
          walk.add(path, "Member must be base64-encoded binary", value);
        }
      }
      default -> {
        // unions and event streams: not in the requests we check
      }
    }
  }

  private void list(Walk walk, JsonNode shape, JsonNode value, String path) {
    if (!value.isArray()) {
      walk.add(path, "Member must be a list", value);
      return;
    }
    size(shape, value.size()).forEach(rule -> walk.add(path, rule, value));
    String memberShape = shape.path("member").path("shape").textValue();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isNull()) {
        value(walk, memberShape, value.get(i), path + "." + (i + 1) + ".member");
      }
    }
  }

  private void map(Walk walk, JsonNode shape, JsonNode value, String path) {
    if (!value.isObject()) {
      walk.add(path, "Member must be a map", value);
      return;
    }
    size(shape, value.size()).forEach(rule -> walk.add(path, rule, value));
    JsonNode keyShape = model.shape(shape.path("key").path("shape").textValue());
    String valueShapeName = shape.path("value").path("shape").textValue();
    JsonNode valueShape = model.shape(valueShapeName);
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      List<String> keyRules = stringRules(keyShape, entry.getKey());
      if (!keyRules.isEmpty()) {
        walk.add(path, "Map keys must satisfy constraint: " + keyRules, value);
      }
      JsonNode entryValue = entry.getValue();
      if ("string".equals(valueShape.path("type").asText()) && entryValue.isTextual()) {
        List<String> valueRules = stringRules(valueShape, entryValue.textValue());
        if (!valueRules.isEmpty()) {
          walk.add(path, "Map value must satisfy constraint: " + valueRules, value);
        }
      } else if (!entryValue.isNull()) {
        value(walk, valueShapeName, entryValue, path + "." + entry.getKey());
      }
    }
  }

  /** The rules a string breaks: length in characters (code points), enum, pattern. */
  static List<String> stringRules(JsonNode shape, String text) {
    List<String> rules = new ArrayList<>();
    int length = text.codePointCount(0, text.length());
    if (shape.has("min") && length < shape.get("min").asLong()) {
      rules.add("Member must have length greater than or equal to " + shape.get("min").asLong());
    }
    if (shape.has("max") && length > shape.get("max").asLong()) {
      rules.add("Member must have length less than or equal to " + shape.get("max").asLong());
    }
    if (shape.has("enum")) {
      List<String> allowed =
          StreamSupport.stream(shape.get("enum").spliterator(), false)
              .map(JsonNode::asText)
              .toList();
      if (!allowed.contains(text)) {
        rules.add(
            "Member must satisfy enum value set: ["
                + allowed.stream().collect(Collectors.joining(", "))
                + "]");
      }
    }
    if (shape.has("pattern")) {
      String pattern = shape.get("pattern").asText();
      Optional<Pattern> compiled = compile(pattern);
      if (compiled.isPresent() && !compiled.get().matcher(text).matches()) {
        rules.add("Member must satisfy regular expression pattern: " + pattern);
      }
    }
    return rules;
  }

  private static List<String> size(JsonNode shape, int size) {
    List<String> rules = new ArrayList<>();
    if (shape.has("min") && size < shape.get("min").asLong()) {
      rules.add("Member must have length greater than or equal to " + shape.get("min").asLong());
    }
    if (shape.has("max") && size > shape.get("max").asLong()) {
      rules.add("Member must have length less than or equal to " + shape.get("max").asLong());
    }
    return rules;
  }

  private static List<String> range(JsonNode shape, BigDecimal number) {
    List<String> rules = new ArrayList<>();
    if (shape.has("min") && number.compareTo(shape.get("min").decimalValue()) < 0) {
      rules.add("Member must have value greater than or equal to " + shape.get("min").asText());
    }
    if (shape.has("max") && number.compareTo(shape.get("max").decimalValue()) > 0) {
      rules.add("Member must have value less than or equal to " + shape.get("max").asText());
    }
    return rules;
  }

  /** botocore's patterns are ECMAScript-like; the few Java cannot compile are skipped. */
  static Optional<Pattern> compile(String pattern) {
    return PATTERNS.computeIfAbsent(
        pattern,
        p -> {
          try {
            return Optional.of(Pattern.compile(p));
          } catch (PatternSyntaxException e) {
            LOG.warn(
                "contract check skips pattern {}: Java cannot compile it ({})",
                p,
                e.getDescription());
            return Optional.empty();
          }
        });
  }

  private static String child(String path, String member) {
    String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String text(JsonNode value) {
    if (value == null) {
      return null;
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
