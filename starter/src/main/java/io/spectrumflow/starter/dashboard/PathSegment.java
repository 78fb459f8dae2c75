package io.spectrumflow.starter.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A value made safe to put between two slashes of a URL path. */
final class PathSegment {

  private PathSegment() {}

  static String encode(String value) {
    // URLEncoder encodes for forms: a space becomes '+', which a path would keep as a plus; ':'
    // (of workflow ids export:<pipeline>:<batch>) is a path character and stays readable
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
  }
}
