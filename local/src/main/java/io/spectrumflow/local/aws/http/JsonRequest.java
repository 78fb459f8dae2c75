package io.spectrumflow.local.aws.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body (or a structure inside one) with typed access to its members. A member of the
 * wrong JSON type is a {@code SerializationException}, as the real services answer; a missing
 * required member is the service's validation error, worded like AWS's own validator.
 */
public final class JsonRequest {

  private final ObjectNode body;
  private final String validationErrorType;
  private final String path;

  public JsonRequest(ObjectNode body, String validationErrorType) {
    this(body, validationErrorType, "");
  }

  private JsonRequest(ObjectNode body, String validationErrorType, String path) {
    this.body = body;
    this.validationErrorType = validationErrorType;
    this.path = path;
  }

  public ObjectNode body() {
    return body;
  }

  /** A nested structure member, or null when absent. */
  public JsonRequest structure(String member) {
    ObjectNode node = optionalObject(member);
    return node == null ? null : new JsonRequest(node, validationErrorType, fieldPath(member));
  }

  /** A nested structure member that must be present. */
  public JsonRequest requiredStructure(String member) {
    return new JsonRequest(requiredObject(member), validationErrorType, fieldPath(member));
  }

  public String string(String member) {
    JsonNode node = present(member);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw wrongType(member, "a string");
    }
    return node.textValue();
  }

  public String requiredString(String member) {
    String value = string(member);
    if (value == null) {
      throw missing(member);
    }
    return value;
  }

  public Integer integer(String member) {
    JsonNode node = present(member);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw wrongType(member, "an integer");
    }
    return node.intValue();
  }

  /** A page size: absent gives the default; outside 1..max is a validation error. */
  public int pageSize(String member, int defaultSize, int max) {
    Integer value = integer(member);
    if (value == null) {
      return defaultSize;
    }
    if (value < 1 || value > max) {
      throw invalid(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + fieldPath(member)
              + "' failed to satisfy constraint: Member must have value between 1 and "
              + max);
    }
    return value;
  }

  public boolean flag(String member) {
    JsonNode node = present(member);
    if (node == null) {
      return false;
    }
    if (!node.isBoolean()) {
      throw wrongType(member, "a boolean");
    }
    return node.booleanValue();
  }

  public ObjectNode optionalObject(String member) {
    JsonNode node = present(member);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      throw wrongType(member, "an object");
    }
    return (ObjectNode) node;
  }

  public ObjectNode requiredObject(String member) {
    ObjectNode node = optionalObject(member);
    if (node == null) {
      throw missing(member);
    }
    return node;
  }

  public ArrayNode optionalArray(String member) {
    JsonNode node = present(member);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw wrongType(member, "a list");
    }
    return (ArrayNode) node;
  }

  public ArrayNode requiredArray(String member) {
    ArrayNode node = optionalArray(member);
    if (node == null) {
      throw missing(member);
    }
    return node;
  }

  /** The structures of a list member, each as a request of its own. */
  public List<JsonRequest> structures(String member) {
    ArrayNode array = optionalArray(member);
    List<JsonRequest> items = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (!item.isObject()) {
          throw wrongType(member, "a list of objects");
        }
        items.add(
            new JsonRequest((ObjectNode) item, validationErrorType, fieldPath(member) + "." + i));
      }
    }
    return items;
  }

  /** A list of strings, or an empty list when absent. */
  public List<String> strings(String member) {
    ArrayNode array = optionalArray(member);
    List<String> values = new ArrayList<>();
    if (array != null) {
      for (JsonNode item : array) {
        if (!item.isTextual()) {
          throw wrongType(member, "a list of strings");
        }
        values.add(item.textValue());
      }
    }
    return values;
  }

  public List<String> requiredStrings(String member) {
    requiredArray(member);
    return strings(member);
  }

  /** The service's validation error with the given message. */
  public AwsException invalid(String message) {
    return new AwsException(validationErrorType, message);
  }

  public AwsException missing(String member) {
    return invalid(
        "1 validation error detected: Value null at '"
            + fieldPath(member)
            + "' failed to satisfy constraint: Member must not be null");
  }

  private JsonNode present(String member) {
    JsonNode node = body.get(member);
    return node == null || node.isNull() ? null : node;
  }

  private AwsException wrongType(String member, String expected) {
    return new AwsException(
        "SerializationException", "Expected " + expected + " for " + fieldPath(member));
  }

  /** AWS's validator names members in lower camel case, dotted from the top. */
  private String fieldPath(String member) {
    String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    return path.isEmpty() ? name : path + "." + name;
  }
}
