package io.spectrumflow.local.aws.http;

import com.sun.net.httpserver.HttpExchange;
import io.spectrumflow.local.aws.contract.ContractCheck;
import io.spectrumflow.local.aws.contract.ContractViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Query protocol on the stand-in's port: parameters form-encoded in the body (or the query
 * string), {@code <Action>Response} with {@code <Action>Result} and {@code ResponseMetadata} in the
 * service's namespace, errors as {@code ErrorResponse} with the HTTP status of the error.
 */
final class QueryProtocol {

  private static final Logger LOG = LoggerFactory.getLogger(QueryProtocol.class);
  private static final XMLOutputFactory XML = XMLOutputFactory.newInstance();

  private final List<QueryService> services;
  private final ContractCheck contract;

  QueryProtocol(List<QueryService> services, ContractCheck contract) {
    this.services = List.copyOf(services);
    this.contract = contract;
  }

  /** A request without X-Amz-Target whose parameters are form-encoded. */
  static boolean accepts(HttpExchange exchange) {
    if (exchange.getRequestHeaders().getFirst("X-Amz-Target") != null) {
      return false;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String query = exchange.getRequestURI().getRawQuery();
    return (contentType != null
            && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
        || (query != null && query.contains("Action="));
  }

  void handle(HttpExchange exchange, String requestId) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parse(exchange.getRequestURI().getRawQuery(), parameters);
    parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), parameters);
    String action = parameters.getOrDefault("Action", "");
    String version = parameters.get("Version");
    QueryService service = serviceOf(action, version);
    String namespace = service != null ? service.namespace() : services.get(0).namespace();
    try {
      if (service == null) {
        throw new QueryException(
            "InvalidAction", "Could not find operation " + action + " for version " + version, 400);
      }
      List<ContractViolation> violations = contract.checkQuery(parameters);
      if (!violations.isEmpty()) {
        throw new QueryException("ValidationError", ContractCheck.message(violations), 400);
      }
      List<XmlNode> result = service.operations().get(action).invoke(new QueryRequest(parameters));
      XmlNode response =
          XmlNode.of(
              action + "Response",
              XmlNode.of(action + "Result", result),
              XmlNode.of("ResponseMetadata", XmlNode.text("RequestId", requestId)));
      send(exchange, 200, response, namespace);
    } catch (QueryException e) {
      sendError(exchange, e, namespace, requestId);
    } catch (RuntimeException e) {
      LOG.error("request {} failed", requestId, e);
      sendError(
          exchange, new QueryException("InternalFailure", e.toString(), 500), namespace, requestId);
    }
  }

  private QueryService serviceOf(String action, String version) {
    for (QueryService service : services) {
      if ((version == null || version.equals(service.version()))
          && service.operations().containsKey(action)) {
        return service;
      }
    }
    return null;
  }

  private static void parse(String encoded, Map<String, String> into) {
    if (encoded == null || encoded.isEmpty()) {
      return;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      into.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
  }

  private static void sendError(
      HttpExchange exchange, QueryException e, String namespace, String requestId)
      throws IOException {
    XmlNode error =
        XmlNode.of(
            "ErrorResponse",
            XmlNode.of(
                "Error",
                XmlNode.text("Type", e.type()),
                XmlNode.text("Code", e.code()),
                XmlNode.text("Message", e.getMessage())),
            XmlNode.text("RequestId", requestId));
    send(exchange, e.status(), error, namespace);
  }

  private static void send(HttpExchange exchange, int status, XmlNode root, String namespace)
      throws IOException {
    byte[] bytes = write(root, namespace);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] write(XmlNode root, String namespace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
      writer.writeStartDocument("UTF-8", "1.0");
      writer.writeStartElement(root.name());
      writer.writeDefaultNamespace(namespace);
      writeContent(writer, root);
      writer.writeEndElement();
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return out.toByteArray();
  }

  private static void writeContent(XMLStreamWriter writer, XmlNode node) throws XMLStreamException {
    if (node.text() != null) {
      writer.writeCharacters(node.text());
      return;
    }
    for (XmlNode child : node.children()) {
      writer.writeStartElement(child.name());
      writeContent(writer, child);
      writer.writeEndElement();
    }
  }
}
