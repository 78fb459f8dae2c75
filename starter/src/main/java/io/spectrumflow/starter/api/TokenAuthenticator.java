package io.spectrumflow.starter.api;

import io.dropwizard.auth.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Accepts the configured bearer token, compared in constant time. */
public final class TokenAuthenticator implements Authenticator<String, ApiCaller> {

  private final byte[] token;

  public TokenAuthenticator(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<ApiCaller> authenticate(String presented) {
    boolean matches =
        presented != null
            && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    return matches ? Optional.of(new ApiCaller("api")) : Optional.empty();
  }
}
