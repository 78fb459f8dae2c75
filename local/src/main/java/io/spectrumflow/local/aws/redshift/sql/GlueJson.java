package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK model object as its service's JSON: member names as on the wire (the fields' location
 * names), timestamps as epoch seconds, so that {@link GlueApiSpectrumCatalog} hands out what the
 * in-process catalog stores.
 */
final class GlueJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GlueJson() {}

  static ObjectNode of(SdkPojo pojo) {
    ObjectNode json = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null) {
        json.set(field.locationName(), node(value));
      }
    }
    return json;
  }

  private static JsonNode node(Object value) {
    if (value instanceof SdkPojo pojo) {
      return of(pojo);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(v -> array.add(node(v)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
      return object;
    }
    if (value instanceof Instant instant) {
      return NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes.asByteArray()));
    }
    return NODES.textNode(value.toString());
  }
}
