package io.pipeshift.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy in front of moto (which has no fault injection) that answers chosen AWS operations
 * with throttling, access-denied or validation errors, in the wire format of the operation's protocol
 * (JSON with {@code __type}, REST-JSON with {@code x-amzn-ErrorType}, query XML), and counts calls per
 * operation. Everything else is forwarded unchanged.
 */
public final class FaultProxy implements AutoCloseable {

  /** What to answer instead of forwarding. */
  public enum Fault {
    THROTTLE,
    DENY,
    /** Access denied with an XML body even for a JSON service, as moto answers with auth enabled. */
    DENY_XML,
    VALIDATION
  }

  private record Rule(Fault fault, AtomicInteger remaining) {}

  private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect",
      "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date");

  private final URI target;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Rule> rules = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  private FaultProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  public static FaultProxy in(URI moto) {
    return new FaultProxy(moto);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next {@code times} calls of {@code operation} (e.g. {@code CreatePipeline}) with {@code fault}. */
  public FaultProxy fail(String operation, Fault fault, int times) {
    rules.put(operation, new Rule(fault, new AtomicInteger(times)));
    return this;
  }

  /** Answers every call of {@code operation} with {@code fault}. */
  public FaultProxy always(String operation, Fault fault) {
    return fail(operation, fault, Integer.MAX_VALUE);
  }

  public void clear() {
    rules.clear();
    calls.clear();
  }

  /** How often {@code operation} was called (faulted calls included). */
  public int calls(String operation) {
    AtomicInteger n = calls.get(operation);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      String amzTarget = ex.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = operation(ex, amzTarget, body);
      calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
      Rule rule = rules.get(operation);
      if (rule != null && rule.remaining().getAndDecrement() > 0) {
        answer(ex, rule.fault(), amzTarget, operation);
        return;
      }
      forward(ex, body);
    }
  }

  private static String operation(HttpExchange ex, String amzTarget, byte[] body) {
    if (amzTarget != null) {
      return amzTarget.substring(amzTarget.lastIndexOf('.') + 1);
    }
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    if (type.contains("x-www-form-urlencoded")) {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        if (pair.startsWith("Action=")) {
          return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
        }
      }
    }
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (path.startsWith("/schedules/")) {
      return switch (method) {
        case "GET" -> "GetSchedule";
        case "POST" -> "CreateSchedule";
        case "PUT" -> "UpdateSchedule";
        case "DELETE" -> "DeleteSchedule";
        default -> method + " " + path;
      };
    }
    if (path.equals("/schedules")) {
      return "ListSchedules";
    }
    return method + " " + path;
  }

  private void answer(HttpExchange ex, Fault fault, String amzTarget, String operation) throws IOException {
    String who = "User: arn:aws:iam::123456789012:user/tester is not authorized to perform: " + operation;
    boolean query = amzTarget == null && String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"))
        .contains("x-www-form-urlencoded");
    boolean restJson = amzTarget == null && !query;
    if (fault == Fault.DENY_XML || (query && fault != null)) {
      String code = switch (fault) {
        case THROTTLE -> "Throttling";
        case VALIDATION -> "ValidationError";
        default -> "AccessDenied";
      };
      String message = fault == Fault.THROTTLE ? "Rate exceeded" : fault == Fault.VALIDATION ? "invalid input" : who;
      int status = fault == Fault.DENY || fault == Fault.DENY_XML ? 403 : 400;
      send(ex, status, "text/xml", Map.of(), "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
          + "</Code><Message>" + message + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>");
      return;
    }
    String type = switch (fault) {
      case THROTTLE -> "ThrottlingException";
      case VALIDATION -> "ValidationException";
      default -> "AccessDeniedException";
    };
    String message = fault == Fault.THROTTLE ? "Rate exceeded" : fault == Fault.VALIDATION ? "1 validation error detected" : who;
    int status = fault == Fault.THROTTLE ? (restJson ? 429 : 400) : fault == Fault.DENY ? (restJson ? 403 : 400) : 400;
    String json = "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\",\"Message\":\"" + message + "\"}";
    send(ex, status, restJson ? "application/json" : "application/x-amz-json-1.1", Map.of("x-amzn-ErrorType", type), json);
  }

  private static void send(HttpExchange ex, int status, String contentType, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("x-amzn-RequestId", "fault-proxy");
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private void forward(HttpExchange ex, byte[] body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
        .timeout(Duration.ofSeconds(60))
        .method(ex.getRequestMethod(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> b.header(name, v));
      }
    });
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    r.headers().map().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        ex.getResponseHeaders().put(name, List.copyOf(values));
      }
    });
    byte[] out = r.body();
    ex.sendResponseHeaders(r.statusCode(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
