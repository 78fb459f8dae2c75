package io.spectrumflow.local.temporal.searchattributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.spectrumflow.local.temporal.visibility.query.TypeNames;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads search attribute payloads (JSON, as every SDK writes them) into the values visibility
 * queries compare: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code Instant},
 * or a {@code List} for arrays (KeywordList attributes). Unreadable values are left out.
 */
public final class SearchAttributeValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchAttributeValues() {}

  /** Every readable attribute; types from the registry, else from the payload's metadata. */
  public static Map<String, Object> read(
      SearchAttributes attributes, SearchAttributeRegistry types) {
    Map<String, Object> out = new HashMap<>();
    attributes
        .getIndexedFieldsMap()
        .forEach(
            (name, payload) -> {
              Object value = read(payload, typeOf(name, payload, types));
              if (value != null) {
                out.put(name, value);
              }
            });
    return out;
  }

  private static IndexedValueType typeOf(
      String name, Payload payload, SearchAttributeRegistry types) {
    String declared = payload.getMetadataOrDefault("type", ByteString.EMPTY).toStringUtf8();
    return types
        .typeOf(name)
        .or(() -> SearchAttributeRegistry.typeNamed(declared))
        .orElse(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
  }

  static Object read(Payload payload, IndexedValueType type) {
    if (payload.getData().isEmpty()) {
      return null;
    }
    JsonNode node;
    try {
      node = JSON.readTree(payload.getData().toStringUtf8());
    } catch (JsonProcessingException e) {
      return null;
    }
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<Object> values = new ArrayList<>();
      node.forEach(
          element -> {
            Object value = scalar(element, type);
            if (value != null) {
              values.add(value);
            }
          });
      return List.copyOf(values);
    }
    return scalar(node, type);
  }

  private static Object scalar(JsonNode node, IndexedValueType type) {
    switch (type) {
      case INDEXED_VALUE_TYPE_INT:
        if (node.isIntegralNumber()) {
          return node.asLong();
        }
        return node.isNumber() ? node.asDouble() : null;
      case INDEXED_VALUE_TYPE_DOUBLE:
        return node.isNumber() ? node.asDouble() : null;
      case INDEXED_VALUE_TYPE_BOOL:
        return node.isBoolean() ? node.asBoolean() : null;
      case INDEXED_VALUE_TYPE_DATETIME:
        try {
          return node.isTextual() ? OffsetDateTime.parse(node.asText()).toInstant() : null;
        } catch (DateTimeParseException e) {
          return null;
        }
      default:
        return node.isValueNode() ? node.asText() : null;
    }
  }

  /** A payload as the SDKs write a typed search attribute. */
  public static Payload payload(Object value, IndexedValueType type) {
    Object json = value instanceof Instant instant ? instant.toString() : value;
    try {
      return Payload.newBuilder()
          .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
          .putMetadata("type", ByteString.copyFromUtf8(TypeNames.simple(type)))
          .setData(ByteString.copyFromUtf8(JSON.writeValueAsString(json)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("search attribute value " + value, e);
    }
  }
}
