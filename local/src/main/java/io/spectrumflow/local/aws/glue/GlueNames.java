package io.spectrumflow.local.aws.glue;

import io.spectrumflow.local.aws.http.JsonRequest;

/** Glue's rule for names: 1 to 255 characters on a single line. */
public final class GlueNames {

  private static final String PATTERN =
      "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*";

  private GlueNames() {}

  /** The required name member, checked. */
  public static String require(JsonRequest request, String member) {
    String name = request.requiredString(member);
    String problem = null;
    if (name.isEmpty() || name.length() > 255) {
      problem = "Member must have length between 1 and 255";
    } else if (name.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
      problem = "Member must satisfy regular expression pattern: " + PATTERN;
    }
    if (problem != null) {
      throw request.invalid(
          "1 validation error detected: Value '"
              + name
              + "' at '"
              + Character.toLowerCase(member.charAt(0))
              + member.substring(1)
              + "' failed to satisfy constraint: "
              + problem);
    }
    return name;
  }
}
