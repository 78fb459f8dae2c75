package io.spectrumflow.workflows.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an {@link ExportRequest} from its JSON, as other services send it, and says exactly what is
 * wrong with one that cannot be read.
 *
 * <p>Accepted beyond what Jackson's defaults accept: enum values in any case and with '-' for '_'
 * (the YAML's and docs' spellings: {@code ndjson}, {@code int64-micros}, {@code
 * replace-partitions}); and the YAML's {@code parquet.targetFileMb} and {@code rowGroupMb} for
 * {@code targetFileBytes} and {@code rowGroupBytes}. Refused, naming the field, the value and what
 * is allowed: an unknown enum value, an unknown field, a value of the wrong type, a missing member
 * the run needs.
 */
public final class ExportRequestReader {

  private static final ObjectMapper MAPPER =
      JacksonJsonPayloadConverter.newDefaultObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .registerModule(new SimpleModule().setDeserializerModifier(new YamlEnums()));

  private static final String[][] MEGABYTE_KEYS = {
    {"targetFileMb", "targetFileBytes"}, {"rowGroupMb", "rowGroupBytes"}
  };

  private ExportRequestReader() {}

  /**
   * @throws UnreadableRequestException saying what is wrong and what is allowed
   */
  public static ExportRequest read(byte[] json) {
    ExportRequest request;
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || tree.isNull()) {
        throw unreadable("the request is empty: send an ExportRequest object");
      }
      acceptMegabytes(tree.path("pipeline").path("parquet"));
      request = MAPPER.treeToValue(tree, ExportRequest.class);
    } catch (JsonMappingException e) {
      throw unreadable(describe(e));
    } catch (JsonProcessingException e) {
      throw unreadable("the request is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw unreadable("the request could not be read: " + e.getMessage());
    }
    List<String> missing = missing(request);
    if (!missing.isEmpty()) {
      throw unreadable(
          String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
    }
    return request;
  }

  /** The YAML's megabyte keys, turned into the request's byte counts. */
  private static void acceptMegabytes(JsonNode parquet) {
    if (!(parquet instanceof ObjectNode node)) {
      return;
    }
    for (String[] keys : MEGABYTE_KEYS) {
      JsonNode megabytes = node.get(keys[0]);
      if (megabytes == null) {
        continue;
      }
      String field = "pipeline.parquet." + keys[0];
      if (node.has(keys[1])) {
        throw unreadable(field + " and " + keys[1] + " are both given: give one of them");
      }
      if (!megabytes.canConvertToLong() || !megabytes.isIntegralNumber()) {
        throw unreadable(field + ": " + megabytes + " is not a whole number of megabytes");
      }
      node.remove(keys[0]);
      node.put(keys[1], megabytes.asLong() << 20);
    }
  }

  /** The members without which no run can start (as {@code ExportRequestCheck} requires them). */
  private static List<String> missing(ExportRequest request) {
    List<String> missing = new ArrayList<>();
    if (request.batchId() == null) {
      missing.add("batchId");
    }
    if (request.inputs() == null) {
      missing.add("inputs");
    }
    PipelineSpec pipeline = request.pipeline();
    if (pipeline == null) {
      missing.add("pipeline");
      return missing;
    }
    if (pipeline.name() == null) {
      missing.add("pipeline.name");
    }
    if (pipeline.storage() == null) {
      missing.add("pipeline.storage");
    }
    if (pipeline.partition() == null) {
      missing.add("pipeline.partition");
    }
    if (pipeline.parquet() == null) {
      missing.add("pipeline.parquet");
    }
    if (pipeline.catalog() == null) {
      missing.add("pipeline.catalog");
    }
    if (pipeline.redshift() == null) {
      missing.add("pipeline.redshift");
    }
    return missing;
  }

  private static String describe(JsonMappingException e) {
    String field = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return field + ": unknown field; the known fields here are " + known;
    }
    if (e instanceof InvalidFormatException invalid) {
      return field + ": '" + invalid.getValue() + "' is not " + allowed(invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return field
          + ": "
          + given(mismatched)
          + " is the wrong type; expected "
          + allowed(mismatched.getTargetType());
    }
    return field + ": " + e.getOriginalMessage();
  }

  /** The value the parser stopped at, as far as it can be told. */
  private static String given(MismatchedInputException e) {
    if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
      return "the value";
    }
    try {
      return switch (parser.currentToken()) {
        case VALUE_STRING -> "'" + parser.getText() + "'";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> parser.getText();
        case START_ARRAY -> "a list";
        case START_OBJECT -> "an object";
        default -> "the value";
      };
    } catch (IOException unreadable) {
      return "the value";
    }
  }

  private static String allowed(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type.isEnum()) {
      return "one of " + spellings(type);
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object (" + type.getSimpleName() + ")";
  }

  private static String spellings(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the request" : path.toString();
  }

  private static UnreadableRequestException unreadable(String problem) {
    return new UnreadableRequestException(
        "invalid request: " + problem + " (fix the request and start the batch again)");
  }

  /** Enum values in any case, with '-' or '_'; anything else refused with the allowed values. */
  private static final class YamlEnums extends BeanDeserializerModifier {
    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(
        DeserializationConfig config,
        JavaType type,
        BeanDescription description,
        JsonDeserializer<?> standard) {
      return new YamlEnumDeserializer(type.getRawClass());
    }
  }

  private static final class YamlEnumDeserializer extends JsonDeserializer<Object> {
    private final Class<?> type;

    YamlEnumDeserializer(Class<?> type) {
      this.type = type;
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return context.handleUnexpectedToken(type, parser);
      }
      String text = parser.getText();
      String constant = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (Object candidate : type.getEnumConstants()) {
        if (((Enum<?>) candidate).name().equals(constant)) {
          return candidate;
        }
      }
      return context.handleWeirdStringValue(type, text, "not one of " + spellings(type));
    }
  }
}
