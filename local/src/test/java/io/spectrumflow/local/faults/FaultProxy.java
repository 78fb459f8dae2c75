package io.spectrumflow.local.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP proxy in front of S3 or the AWS stand-in that injects faults into chosen requests: an error
 * answer, a slow answer, or a connection reset half-way through the request body. Requests are
 * forwarded byte for byte (so SigV4 signatures stay valid), one per connection.
 *
 * <p>A test seam: production code only sees an endpoint that misbehaves sometimes.
 */
public final class FaultProxy implements AutoCloseable {

  /** What reached the proxy of a request: its method, path and headers. */
  public record RequestHead(String method, String path, String headers) {

    /** The AWS JSON 1.1 operation ({@code AWSGlue.CreateTable}), or empty. */
    public String target() {
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("x-amz-target:")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
      return "";
    }
  }

  /** One fault, applied to the first {@code times} requests it matches. */
  public static final class Fault {
    final Predicate<RequestHead> matches;
    final Action action;
    final AtomicInteger left;
    final AtomicInteger applied = new AtomicInteger();

    Fault(Predicate<RequestHead> matches, Action action, int times) {
      this.matches = matches;
      this.action = action;
      this.left = new AtomicInteger(times);
    }

    public int applied() {
      return applied.get();
    }
  }

  /** What a fault does. */
  public sealed interface Action permits Answer, Delay, Reset, LoseAnswer {}

  /** Answers with this HTTP response instead of forwarding. */
  public record Answer(int status, String contentType, String extraHeader, String body)
      implements Action {}

  /** Forwards after waiting. */
  public record Delay(long millis) implements Action {}

  /** Forwards the head and this many body bytes, then resets the connection. */
  public record Reset(int bodyBytes) implements Action {}

  /**
   * Forwards the whole request and lets the server act on it, then resets the connection before the
   * answer reaches the client: a call that worked, as far as the client can tell, failed.
   */
  public record LoseAnswer() implements Action {}

  private final URI target;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean open = true;

  public FaultProxy(URI target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::accept);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Adds a fault for the next {@code times} matching requests. */
  public Fault inject(Predicate<RequestHead> matches, Action action, int times) {
    Fault fault = new Fault(matches, action, times);
    faults.add(fault);
    return fault;
  }

  public void clear() {
    faults.clear();
  }

  public int requests() {
    return requests.get();
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        threads.submit(() -> handle(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client;
        Socket upstream = new Socket()) {
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      requests.incrementAndGet();
      String text = new String(head, StandardCharsets.ISO_8859_1);
      String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
      RequestHead request =
          new RequestHead(requestLine[0], requestLine[1], text.substring(text.indexOf("\r\n") + 2));
      Action action = choose(request);
      if (action instanceof Answer answer) {
        answer(client.getOutputStream(), answer);
        return;
      }
      if (action instanceof Delay delay) {
        Thread.sleep(delay.millis());
      }
      upstream.connect(new InetSocketAddress(target.getHost(), target.getPort()));
      OutputStream toUpstream = upstream.getOutputStream();
      toUpstream.write(oneRequestPerConnection(text).getBytes(StandardCharsets.ISO_8859_1));
      if (action instanceof Reset reset) {
        byte[] part = in.readNBytes(reset.bodyBytes());
        toUpstream.write(part);
        toUpstream.flush();
        client.setSoLinger(true, 0); // close with RST: the client sees a connection reset
        return;
      }
      if (action instanceof LoseAnswer) {
        toUpstream.write(in.readNBytes(contentLength(text)));
        toUpstream.flush();
        upstream.getInputStream().readAllBytes(); // the server answered: it has acted
        client.setSoLinger(true, 0);
        return;
      }
      threads.submit(() -> pump(in, toUpstream));
      pump(upstream.getInputStream(), client.getOutputStream());
    } catch (IOException | InterruptedException e) {
      // the client or the upstream went away; nothing to do for either
    }
  }

  private Action choose(RequestHead request) {
    for (Fault fault : faults) {
      if (fault.matches.test(request) && fault.left.getAndDecrement() > 0) {
        fault.applied.incrementAndGet();
        return fault.action;
      }
    }
    return null;
  }

  private static void answer(OutputStream out, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + answer.status()
            + " Injected\r\nContent-Type: "
            + answer.contentType()
            + "\r\n"
            + (answer.extraHeader() == null ? "" : answer.extraHeader() + "\r\n")
            + "Content-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** Asks the server to close after this request, so every request passes the proxy's rules. */
  private static String oneRequestPerConnection(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.isEmpty() && !line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        return head.toByteArray();
      }
    }
    return null;
  }

  private static void pump(InputStream from, OutputStream to) {
    try {
      from.transferTo(to);
      to.flush();
    } catch (IOException e) {
      // one side closed
    }
  }

  @Override
  public void close() throws IOException {
    open = false;
    server.close();
    threads.shutdownNow();
  }
}
