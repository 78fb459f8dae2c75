package io.spectrumflow.starter.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error answer: what is wrong and what to do, and where in the body when the body is at fault.
 *
 * @param code the HTTP status
 * @param message what is wrong and what to do
 * @param record the 1-based record of the body at fault, or null
 * @param line the 1-based line of the body at fault, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int code, String message, Long record, Long line) {

  static Response response(Response.Status status, String message) {
    return response(
        status.getStatusCode(), new ApiError(status.getStatusCode(), message, null, null));
  }

  static Response response(int status, ApiError error) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
  }
}
