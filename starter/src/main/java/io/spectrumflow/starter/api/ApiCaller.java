package io.spectrumflow.starter.api;

import java.security.Principal;

/** Whoever presented the API's bearer token. */
public record ApiCaller(String name) implements Principal {

  @Override
  public String getName() {
    return name;
  }
}
