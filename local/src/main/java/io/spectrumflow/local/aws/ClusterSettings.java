package io.spectrumflow.local.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STANDIN_CLUSTERS: {@code id=arn1,arn2;id2=}, cluster identifiers (or Serverless workgroup names)
 * with the IAM role ARNs associated with them; empty for none.
 */
final class ClusterSettings {

  private ClusterSettings() {}

  static Map<String, List<String>> parse(String text) {
    Map<String, List<String>> clusters = new LinkedHashMap<>();
    for (String entry : text.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int equals = entry.indexOf('=');
      String id = (equals < 0 ? entry : entry.substring(0, equals)).trim();
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            "STANDIN_CLUSTERS: '" + entry + "' has no cluster identifier; expected id=arn1,arn2");
      }
      List<String> roles = new ArrayList<>();
      if (equals >= 0) {
        for (String arn : entry.substring(equals + 1).split(",")) {
          if (!arn.isBlank()) {
            roles.add(arn.trim());
          }
        }
      }
      clusters.put(id, List.copyOf(roles));
    }
    return clusters;
  }
}
