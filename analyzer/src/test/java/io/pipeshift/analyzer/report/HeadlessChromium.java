package io.pipeshift.analyzer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the Debian {@code chromium} package headless over the DevTools protocol (java.net.http's WebSocket,
 * loopback only): opens a page, collects console errors, uncaught exceptions and error log entries (CSP
 * violations, failed loads), evaluates JavaScript, takes a screenshot. Test support only.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  /** The chromium executable: {@code $CHROMIUM}, else {@code chromium} on the PATH. */
  static String executable() {
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank()) {
      return env;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        if (Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    throw new IllegalStateException("chromium is not installed: run oracles/install (it installs the Debian package"
        + " 'chromium' with apt-get) or set CHROMIUM to its path");
  }

  HeadlessChromium() throws Exception {
    profile = Files.createTempDirectory("pipeshift-chromium");
    process = new ProcessBuilder(executable(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
        "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
        "--window-size=1400,1000", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserWs = awaitListening();
    int port = URI.create(browserWs).getPort();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String pageWs = null;
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (pageWs == null && System.nanoTime() < deadline) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      for (JsonNode t : JSON.readTree(list.body())) {
        if (t.path("type").asText().equals("page")) {
          pageWs = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (pageWs == null) {
        Thread.sleep(100);
      }
    }
    if (pageWs == null) {
      throw new IllegalStateException("chromium opened no page target");
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), new Listener()).get(30, TimeUnit.SECONDS);
    send("Runtime.enable", JSON.createObjectNode());
    send("Log.enable", JSON.createObjectNode());
    send("Page.enable", JSON.createObjectNode());
  }

  private String awaitListening() throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line; (line = err.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            found.complete(m.group(1));
          }
        }
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
      found.completeExceptionally(new IllegalStateException("chromium exited before listening"));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("chromium did not start its DevTools endpoint", e);
    }
  }

  /** Opens a file and waits for its load event. */
  void open(Path file) throws Exception {
    events.clear();
    ObjectNode params = JSON.createObjectNode();
    params.put("url", file.toUri().toString());
    JsonNode result = send("Page.navigate", params);
    if (result.has("errorText")) {
      throw new IllegalStateException("navigation failed: " + result.get("errorText").asText());
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode e = events.poll(1, TimeUnit.SECONDS);
      if (e != null && e.path("method").asText().equals("Page.loadEventFired")) {
        return;
      }
    }
    throw new IllegalStateException("the page did not finish loading");
  }

  /** Console errors, uncaught exceptions and error-level log entries seen so far. */
  List<String> problems() {
    return new ArrayList<>(problems);
  }

  JsonNode evaluate(String expression) throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.put("expression", expression);
    params.put("returnByValue", true);
    JsonNode r = send("Runtime.evaluate", params);
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the whole page (beyond the window when the page is longer). */
  byte[] screenshot() throws Exception {
    ObjectNode params = JSON.createObjectNode();
    params.put("format", "png");
    params.put("captureBeyondViewport", true);
    JsonNode r = send("Page.captureScreenshot", params);
    return Base64.getDecoder().decode(r.path("data").asText());
  }

  private JsonNode send(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", params);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
    JsonNode reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  private void onMessage(JsonNode m) {
    if (m.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
      if (f != null) {
        f.complete(m);
      }
      return;
    }
    String method = m.path("method").asText();
    JsonNode p = m.path("params");
    switch (method) {
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          problems.add("console." + type + ": " + p.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) {
          problems.add("log error: " + p.path("entry").path("text").asText());
        }
      }
      default -> { }
    }
    events.add(m);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          onMessage(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          problems.add("unreadable DevTools message: " + e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // the browser is killed below either way
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var walk = Files.walk(profile)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
