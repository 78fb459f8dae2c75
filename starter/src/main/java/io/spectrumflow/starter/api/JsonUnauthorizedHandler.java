package io.spectrumflow.starter.api;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A 401 in the API's JSON error shape, saying how to authenticate. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {

  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.fromResponse(
            ApiError.response(
                Response.Status.UNAUTHORIZED,
                "this call needs the API token: send Authorization: Bearer <token>"))
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .build();
  }
}
