package io.spectrumflow.starter.api;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.security.Principal;

/**
 * Authenticates API calls from the {@code Authorization: Bearer} header only. Dropwizard's {@code
 * OAuthCredentialAuthFilter} also takes {@code ?access_token=}, which the request log, Jetty's
 * debug log and every proxy on the way would record.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerHeaderAuthFilter<P extends Principal> extends AuthFilter<String, P> {

  private BearerHeaderAuthFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    String token =
        BearerHeader.token(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null);
    if (!authenticate(request, token, BearerHeader.scheme())) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
  }

  /** Builds the filter: authenticator, realm and unauthorized handler as for any AuthFilter. */
  public static final class Builder<P extends Principal>
      extends AuthFilterBuilder<String, P, BearerHeaderAuthFilter<P>> {

    @Override
    protected BearerHeaderAuthFilter<P> newInstance() {
      return new BearerHeaderAuthFilter<>();
    }
  }
}
