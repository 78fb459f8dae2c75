package io.spectrumflow.starter.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Links into the Temporal UI, where its base URL is configured ({@code starter.temporalUiUrl}). */
final class TemporalUiLinks {

  private final String base;
  private final String namespace;

  /**
   * @param baseUrl e.g. {@code http://localhost:8233}; null or blank for no links
   */
  TemporalUiLinks(String baseUrl, String namespace) {
    this.base = usable(baseUrl);
    this.namespace = namespace;
  }

  /** The run's page in the Temporal UI: its event history. */
  Optional<String> run(String workflowId, String runId) {
    if (base == null) {
      return Optional.empty();
    }
    return Optional.of(
        base
            + "/namespaces/"
            + PathSegment.encode(namespace)
            + "/workflows/"
            + PathSegment.encode(workflowId)
            + "/"
            + PathSegment.encode(runId)
            + "/history");
  }

  /** The namespace's list of workflows. */
  Optional<String> workflows() {
    return Optional.ofNullable(base)
        .map(b -> b + "/namespaces/" + PathSegment.encode(namespace) + "/workflows");
  }

  /**
   * Only http(s) URLs become links.
   *
   * @throws IllegalArgumentException naming the setting, for anything else
   */
  private static String usable(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    String trimmed = baseUrl.strip().replaceAll("/+$", "");
    String scheme;
    try {
      scheme = new URI(trimmed).getScheme();
    } catch (URISyntaxException e) {
      scheme = null;
    }
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException(
          "starter.temporalUiUrl: '"
              + baseUrl
              + "' is not an http(s) URL such as http://localhost:8233");
    }
    return trimmed;
  }
}
