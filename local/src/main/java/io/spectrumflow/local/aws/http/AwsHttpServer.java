package io.spectrumflow.local.aws.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spectrumflow.local.aws.contract.ContractCheck;
import io.spectrumflow.local.aws.contract.ContractLedger;
import io.spectrumflow.local.aws.contract.ContractViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server speaking AWS JSON 1.1 for several services: {@code POST /} with {@code
 * X-Amz-Target: <prefix>.<Operation>}, JSON in, JSON out, errors as a 4xx/5xx with {@code
 * {"__type", "message"}}; and, on the same port, the AWS Query protocol (form-encoded {@code
 * Action=...}, XML out) for services such as Redshift's own API. Signatures are not checked. {@code
 * GET /health} answers 200 for probes. Every request is first checked against its operation's AWS
 * service model (where botocore's models are installed): a violation answers 400 {@code
 * ValidationException} worded as AWS words it, and is kept in {@link #contractLedger()}.
 */
public final class AwsHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AwsHttpServer.class);
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, JsonService> services;
  private final QueryProtocol queryProtocol;
  private final ContractCheck contract = ContractCheck.onThisMachine();

  private AwsHttpServer(
      HttpServer server,
      ExecutorService executor,
      List<JsonService> services,
      List<QueryService> queryServices) {
    this.server = server;
    this.executor = executor;
    this.services =
        services.stream().collect(Collectors.toMap(JsonService::targetPrefix, Function.identity()));
    this.queryProtocol =
        queryServices.isEmpty() ? null : new QueryProtocol(queryServices, contract);
  }

  /** Binds {@code host:port} (0 for a free port) and starts answering AWS JSON 1.1. */
  public static AwsHttpServer start(String host, int port, List<JsonService> services)
      throws IOException {
    return start(host, port, services, List.of());
  }

  /** Binds {@code host:port} (0 for a free port) and starts answering both protocols. */
  public static AwsHttpServer start(
      String host, int port, List<JsonService> services, List<QueryService> queryServices)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread thread = new Thread(r, "aws-stand-in-http");
              thread.setDaemon(true);
              return thread;
            });
    AwsHttpServer awsServer = new AwsHttpServer(server, executor, services, queryServices);
    server.createContext("/", awsServer::handle);
    server.setExecutor(executor);
    server.start();
    return awsServer;
  }

  /** The address clients use; a wildcard bind is reached through loopback. */
  public URI endpoint() {
    InetSocketAddress address = server.getAddress();
    String host =
        address.getAddress().isAnyLocalAddress()
            ? "127.0.0.1"
            : address.getAddress().getHostAddress();
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /** The requests checked against the AWS service models and the violations found. */
  public ContractLedger contractLedger() {
    return contract.ledger();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = UUID.randomUUID().toString();
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      if ("GET".equals(exchange.getRequestMethod())
          && "/health".equals(exchange.getRequestURI().getPath())) {
        send(exchange, 200, AwsJson.object().put("status", "ok"));
        return;
      }
      if (queryProtocol != null
          && "POST".equals(exchange.getRequestMethod())
          && QueryProtocol.accepts(exchange)) {
        queryProtocol.handle(exchange, requestId);
        return;
      }
      ObjectNode response;
      try {
        response = dispatch(exchange);
      } catch (AwsException e) {
        sendError(exchange, e);
        return;
      } catch (RuntimeException e) {
        LOG.error("request {} failed", requestId, e);
        sendError(exchange, new AwsException(internalErrorType(exchange), e.toString(), 500));
        return;
      }
      send(exchange, 200, response);
    }
  }

  private ObjectNode dispatch(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      throw new AwsException(
          "UnknownOperationException", "Only POST / is supported, with an X-Amz-Target header");
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    JsonService service = serviceOf(target);
    String operationName = target.substring(target.indexOf('.') + 1);
    Operation operation = service.operations().get(operationName);
    if (operation == null) {
      throw new AwsException(
          "UnknownOperationException", "Operation " + target + " is not supported");
    }
    ObjectNode body = readBody(exchange.getRequestBody());
    List<ContractViolation> violations =
        contract.checkJson(service.targetPrefix(), operationName, body);
    if (violations.stream().anyMatch(ContractViolation::typeMismatch)) {
      throw new AwsException("SerializationException", ContractCheck.message(violations));
    }
    if (!violations.isEmpty()) {
      throw new AwsException("ValidationException", ContractCheck.message(violations));
    }
    return operation.invoke(new JsonRequest(body, service.validationErrorType()));
  }

  private JsonService serviceOf(String target) {
    int dot = target == null ? -1 : target.indexOf('.');
    JsonService service = dot < 0 ? null : services.get(target.substring(0, dot));
    if (service == null) {
      throw new AwsException("UnknownOperationException", "Unknown X-Amz-Target: " + target);
    }
    return service;
  }

  private static ObjectNode readBody(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    if (bytes.length == 0) {
      return AwsJson.object();
    }
    JsonNode node;
    try {
      node = AwsJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new AwsException("SerializationException", "Malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      return AwsJson.object();
    }
    if (!node.isObject()) {
      throw new AwsException("SerializationException", "The request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private String internalErrorType(HttpExchange exchange) {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    int dot = target == null ? -1 : target.indexOf('.');
    JsonService service = dot < 0 ? null : services.get(target.substring(0, dot));
    return service == null ? "InternalFailure" : service.internalErrorType();
  }

  private static void sendError(HttpExchange exchange, AwsException e) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type());
    ObjectNode body = AwsJson.object().put("__type", e.type()).put("message", e.getMessage());
    send(exchange, e.status(), body);
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = AwsJson.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
