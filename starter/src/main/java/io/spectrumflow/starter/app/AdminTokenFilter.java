package io.spectrumflow.starter.app;

import io.spectrumflow.starter.api.BearerHeader;
import io.spectrumflow.starter.api.TokenAuthenticator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Set;

/**
 * Guards the admin port with the API token: its tasks change the running process (log levels, a
 * full GC) and its thread dumps, profiles and metrics describe it. Only the health checks and ping
 * stay open, for probes. The admin connector listens on loopback as well; this is for when it does
 * not.
 */
final class AdminTokenFilter implements Filter {

  private static final Set<String> OPEN = Set.of("/healthcheck", "/ping");

  private final TokenAuthenticator authenticator;

  AdminTokenFilter(TokenAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (OPEN.contains(pathInContext(http)) || authenticated(http)) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletResponse answer = (HttpServletResponse) response;
    answer.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, BearerHeader.scheme() + " realm=\"spectrumflow-admin\"");
    answer.sendError(
        HttpServletResponse.SC_UNAUTHORIZED,
        "the admin port needs the API token: send Authorization: Bearer <token>");
  }

  private boolean authenticated(HttpServletRequest request) {
    return BearerHeader.token(request.getHeader(HttpHeaders.AUTHORIZATION))
        .flatMap(authenticator::authenticate)
        .isPresent();
  }

  /** The decoded path below the admin context, as the admin servlet dispatches on it. */
  private static String pathInContext(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }
}
