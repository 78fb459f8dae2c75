package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What moto does not evaluate, checked against the printed policies here: the {@code s3:prefix}
 * condition of ListBucket statements (a listing is allowed when a statement granting {@code
 * s3:ListBucket} on its bucket has no condition or a {@code StringLike s3:prefix} pattern that
 * matches its prefix), and the keys of a DeleteObjects request (moto checks it on the bucket; AWS
 * checks {@code s3:DeleteObject} on each key's ARN).
 */
final class MotoBlindSpots {

  private MotoBlindSpots() {}

  /** The listings ({@code bucket/prefix}) no statement of the policies allows. */
  static List<String> listingsOutsideConditions(List<ObjectNode> policies, List<String> listings) {
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

  /** The objects ({@code bucket/key}) DeleteObjects named that no statement lets be deleted. */
  static List<String> deletionsOutsideResources(List<ObjectNode> policies, List<String> objects) {
    return objects.stream()
        .filter(object -> !granted(policies, "s3:DeleteObject", "arn:aws:s3:::" + object))
        .distinct()
        .toList();
  }

  private static boolean granted(List<ObjectNode> policies, String action, String arn) {
    for (ObjectNode policy : policies) {
      for (JsonNode statement : policy.withArray("Statement")) {
        if (!contains(statement.path("Action"), action)) {
          continue;
        }
        for (JsonNode resource : statement.path("Resource")) {
          if (glob(resource.asText()).matcher(arn).matches()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Both, as one list of what AWS would deny, each saying what it is. */
  static List<String> denials(List<ObjectNode> policies, AwsCallCounter.Counts counts) {
    List<String> denied = new java.util.ArrayList<>();
    listingsOutsideConditions(policies, counts.listings())
        .forEach(l -> denied.add("ListBucket outside s3:prefix " + l));
    deletionsOutsideResources(policies, counts.deletions())
        .forEach(o -> denied.add("DeleteObjects outside s3:DeleteObject " + o));
    return denied;
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
