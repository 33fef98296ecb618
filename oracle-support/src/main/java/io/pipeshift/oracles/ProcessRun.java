package io.pipeshift.oracles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command: feeds it stdin text, captures stdout and stderr (UTF-8), and kills it
 * (with its child processes) when it exceeds the timeout.
 *
 * <pre>{@code
 * ProcessRun.Result r = ProcessRun.of(python, script, dir.toString())
 *     .stdin(json).timeout(Duration.ofSeconds(60)).run().requireSuccess();
 * }</pre>
 */
public final class ProcessRun {
  /** Default timeout: generous, because oracle interpreters start slowly on small CI machines. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  private final List<String> command;
  private String stdin = "";
  private Duration timeout = DEFAULT_TIMEOUT;
  private Path directory;
  private final Map<String, String> env = new LinkedHashMap<>();

  private ProcessRun(List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    this.command = List.copyOf(command);
  }

  public static ProcessRun of(List<String> command) {
    return new ProcessRun(command);
  }

  public static ProcessRun of(Object... command) {
    List<String> cmd = new ArrayList<>();
    for (Object part : command) {
      cmd.add(part.toString());
    }
    return new ProcessRun(cmd);
  }

  /** Shortcut: run {@code command} with {@code stdin} and {@code timeout}. */
  public static Result run(List<String> command, String stdin, Duration timeout) {
    return of(command).stdin(stdin).timeout(timeout).run();
  }

  public ProcessRun stdin(String text) {
    this.stdin = text == null ? "" : text;
    return this;
  }

  public ProcessRun timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public ProcessRun directory(Path directory) {
    this.directory = directory;
    return this;
  }

  /** Adds or overrides an environment variable (the rest is inherited). */
  public ProcessRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public Result run() {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    Pump out = new Pump(process.getInputStream(), "stdout");
    Pump err = new Pump(process.getErrorStream(), "stderr");
    Thread feeder = new Thread(() -> feed(process.getOutputStream(), stdin), "process-stdin");
    feeder.setDaemon(true);
    feeder.start();

    boolean timedOut = false;
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        kill(process);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    String stdout = out.text();
    String stderr = err.text();
    int exit = process.isAlive() ? -1 : process.exitValue();
    return new Result(
        command, exit, stdout, stderr, timedOut, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Kills the process and everything it started (children first, so none is orphaned). */
  static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void feed(OutputStream os, String text) {
    try (os) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // The process exited without reading all of its input: its exit code tells the story.
    }
  }

  /** Drains one output stream on its own thread so neither pipe can fill up and block the child. */
  private static final class Pump {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    Pump(InputStream in, String name) {
      thread =
          new Thread(
              () -> {
                byte[] chunk = new byte[8192];
                try (in) {
                  for (int n; (n = in.read(chunk)) >= 0; ) {
                    synchronized (buffer) {
                      buffer.write(chunk, 0, n);
                    }
                  }
                } catch (IOException ignored) {
                  // stream closed because the process was killed
                }
              },
              "process-" + name);
      thread.setDaemon(true);
      thread.start();
    }

    String text() {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * What a command did. {@code exitCode} is -1 if it could not be reaped after a timeout kill.
   */
  public record Result(
      List<String> command,
      int exitCode,
      String stdout,
      String stderr,
      boolean timedOut,
      Duration elapsed) {

    /** Exit code 0 within the timeout. */
    public boolean ok() {
      return !timedOut && exitCode == 0;
    }

    /** Returns this result, or throws an {@link AssertionError} describing the failed run. */
    public Result requireSuccess() {
      return requireExitCode(0);
    }

    /** Returns this result if the exit code is one of {@code allowed}, else throws {@link AssertionError}. */
    public Result requireExitCode(int... allowed) {
      if (!timedOut) {
        for (int code : allowed) {
          if (exitCode == code) {
            return this;
          }
        }
      }
      throw new AssertionError(describe());
    }

    /** A readable summary: command, outcome, and the tail of both streams. */
    public String describe() {
      String outcome =
          timedOut
              ? "timed out after " + elapsed.toMillis() + " ms and was killed"
              : "exited with code " + exitCode + " after " + elapsed.toMillis() + " ms";
      return String.join(" ", command)
          + "\n  "
          + outcome
          + "\n  --- stderr (tail) ---\n"
          + tail(stderr)
          + "\n  --- stdout (tail) ---\n"
          + tail(stdout);
    }

    private static String tail(String s) {
      int max = 4000;
      return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
  }
}
