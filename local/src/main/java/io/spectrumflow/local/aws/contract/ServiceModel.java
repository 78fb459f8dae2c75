package io.spectrumflow.local.aws.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One botocore service model ({@code service-2.json}): its metadata, operations and shapes.
 *
 * @param name the service's folder in botocore's data, e.g. {@code glue}
 */
public record ServiceModel(String name, JsonNode model) {

  /** The {@code X-Amz-Target} prefix of a JSON-protocol service, e.g. {@code AWSGlue}. */
  public String targetPrefix() {
    return model.path("metadata").path("targetPrefix").asText("");
  }

  /** The API version, e.g. {@code 2012-12-01}, which Query-protocol clients send as Version. */
  public String apiVersion() {
    return model.path("metadata").path("apiVersion").asText("");
  }

  /** The shape an operation's request must satisfy, if the model has the operation. */
  public Optional<String> inputShape(String operation) {
    JsonNode input = model.path("operations").path(operation).path("input").path("shape");
    return input.isTextual() ? Optional.of(input.textValue()) : Optional.empty();
  }

  public JsonNode shape(String name) {
    JsonNode shape = model.path("shapes").path(name);
    if (!shape.isObject()) {
      throw new IllegalStateException("service model " + this.name + " lacks shape " + name);
    }
    return shape;
  }
}
