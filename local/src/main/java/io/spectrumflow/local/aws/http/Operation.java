package io.spectrumflow.local.aws.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation of a service: the request body in, the response body out. */
@FunctionalInterface
public interface Operation {

  /**
   * Answers one request.
   *
   * @throws AwsException for errors the client should see as a typed exception
   */
  ObjectNode invoke(JsonRequest request);
}
