package io.pipeshift.oracles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A moto server (AWS API mock) on 127.0.0.1 and a free port, for the duration of a test.
 *
 * <pre>{@code
 * try (MotoServer moto = MotoServer.start()) {
 *   URI endpoint = moto.endpoint(); // point an AWS SDK client here (any credentials, us-east-1)
 * }
 * }</pre>
 *
 * <p>Runs {@code .oracles/sagemaker/bin/moto_server -H 127.0.0.1 -p PORT}; {@link #start()} returns once
 * {@code GET /moto-api/} answers. Output goes to a temporary log file quoted in startup errors. {@link
 * #close()} kills the server (also at JVM exit if a test forgets).
 */
public final class MotoServer implements AutoCloseable {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;
  private final Thread shutdownHook;

  private MotoServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.shutdownHook = new Thread(() -> ProcessRun.kill(process), "moto-server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts moto_server from the installed SageMaker oracle venv. */
  public static MotoServer start() {
    return start(Oracles.motoServer());
  }

  /** Starts the given moto_server executable; retries on another port if the chosen one was taken. */
  public static MotoServer start(Path motoServer) {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return startOnce(motoServer);
      } catch (PortTakenException e) {
        last = e;
      }
    }
    throw last;
  }

  private static MotoServer startOnce(Path motoServer) {
    int port = freePort();
    Path log;
    Process process;
    try {
      log = Files.createTempFile("pipeshift-moto-", ".log");
      log.toFile().deleteOnExit();
      process =
          new ProcessBuilder(
                  List.of(motoServer.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + motoServer, e);
    }
    MotoServer server = new MotoServer(process, port, log);
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        String out = server.logText();
        server.close();
        if (out.contains("Address already in use")) {
          throw new PortTakenException(port);
        }
        throw new IllegalStateException(
            "moto_server exited with code " + process.exitValue() + " before answering:\n" + out);
      }
      if (server.answers()) {
        return server;
      }
      sleep(100);
    }
    String out = server.logText();
    server.close();
    throw new IllegalStateException(
        "moto_server did not answer on port " + port + " within " + STARTUP_TIMEOUT + ":\n" + out);
  }

  /** Base URI of the server, e.g. {@code http://127.0.0.1:50123}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Clears every mocked resource ({@code POST /moto-api/reset}). */
  public void reset() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("moto reset answered HTTP " + r.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the server printed so far (request log, errors). */
  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    ProcessRun.kill(process);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException ignored) {
      // JVM already shutting down: the hook runs anyway
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // temp file, deleted on exit anyway
    }
  }

  private boolean answers() {
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(int port) {
      super("port " + port + " was taken before moto_server could bind it");
    }
  }
}
