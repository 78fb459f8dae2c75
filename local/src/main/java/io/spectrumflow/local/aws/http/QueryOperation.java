package io.spectrumflow.local.aws.http;

import java.util.List;

/**
 * One operation of a Query-protocol service: the parameters in, the Result element's members out.
 */
@FunctionalInterface
public interface QueryOperation {

  /**
   * @throws QueryException for errors the client should see as a typed exception
   */
  List<XmlNode> invoke(QueryRequest request);
}
