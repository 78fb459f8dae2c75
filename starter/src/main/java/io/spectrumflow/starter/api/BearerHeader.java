package io.spectrumflow.starter.api;

import java.util.Optional;

/**
 * The token of an {@code Authorization: Bearer <token>} header: the only place the API takes its
 * token from (never the query string, which ends up in logs, browser history and proxies).
 */
public final class BearerHeader {

  private static final String SCHEME = "Bearer";

  private BearerHeader() {}

  /**
   * @param authorization the header's value, or null when the request has none
   * @return the token, or empty when the header is missing or of another scheme
   */
  public static Optional<String> token(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    int space = authorization.indexOf(' ');
    if (space <= 0 || !authorization.substring(0, space).equalsIgnoreCase(SCHEME)) {
      return Optional.empty();
    }
    String token = authorization.substring(space + 1).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** The scheme as responses name it, in {@code WWW-Authenticate}. */
  public static String scheme() {
    return SCHEME;
  }
}
