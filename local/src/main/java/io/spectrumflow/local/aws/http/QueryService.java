package io.spectrumflow.local.aws.http;

import java.util.Map;

/**
 * One AWS Query-protocol service, e.g. Redshift's own API: form-encoded {@code POST /} with {@code
 * Action} and {@code Version}, answered in XML.
 *
 * @param version the API version clients send, e.g. {@code 2012-12-01}
 * @param namespace the answers' XML namespace, e.g. {@code
 *     http://redshift.amazonaws.com/doc/2012-12-01/}
 * @param operations Action name to handler
 */
public record QueryService(
    String version, String namespace, Map<String, QueryOperation> operations) {

  public QueryService {
    operations = Map.copyOf(operations);
  }
}
