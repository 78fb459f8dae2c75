package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What moto does not evaluate: the {@code s3:prefix} condition of the printed ListBucket
 * statements. A listing is allowed when some statement granting {@code s3:ListBucket} on its bucket
 * has no condition or a {@code StringLike s3:prefix} pattern that matches its prefix.
 */
final class ListBucketConditions {

  private ListBucketConditions() {}

  /** The listings ({@code bucket/prefix}) no statement of the policies allows. */
  static List<String> outside(List<ObjectNode> policies, List<String> listings) {
    return listings.stream().filter(l -> !allowed(policies, l)).distinct().toList();
  }

  private static boolean allowed(List<ObjectNode> policies, String listing) {
    String bucket = listing.substring(0, listing.indexOf('/'));
    String prefix = listing.substring(listing.indexOf('/') + 1);
    for (ObjectNode policy : policies) {
      for (JsonNode statement : policy.withArray("Statement")) {
        if (!contains(statement.path("Action"), "s3:ListBucket")
            || !contains(statement.path("Resource"), "arn:aws:s3:::" + bucket)) {
          continue;
        }
        JsonNode patterns = statement.path("Condition").path("StringLike").path("s3:prefix");
        if (patterns.isMissingNode()) {
          return true;
        }
        for (JsonNode pattern : patterns.isArray() ? patterns : List.of(patterns)) {
          if (glob(pattern.asText()).matcher(prefix).matches()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean contains(JsonNode values, String value) {
    if (values.isTextual()) {
      return values.asText().equals(value);
    }
    for (JsonNode v : values) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }
}
