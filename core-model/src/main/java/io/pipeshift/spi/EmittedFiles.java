package io.pipeshift.spi;

import io.pipeshift.ir.Immutables;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a target writes: the main document (printed, or written to {@code -o}) and companion documents
 * (trigger rules, IAM policies) by relative file name, written only when asked (e.g. {@code --with-infra}).
 * The main document may be {@linkplain #streamed streamed}: it is then produced while it is written, so a
 * very large pipeline's output never has to exist in memory as one string.
 */
public final class EmittedFiles {

  /** A document produced on demand, written to {@code out}; each call writes the same text. */
  @FunctionalInterface
  public interface Text {
    void writeTo(Writer out) throws IOException;
  }

  private final Text main;
  private final String extension;
  private final Supplier<Map<String, String>> companions;
  private Map<String, String> companionsMade;

  /**
   * @param main the main document's text, ending with a newline
   * @param extension the main document's usual file extension, e.g. {@code json} or {@code py}
   * @param companions extra documents by file name
   */
  public EmittedFiles(String main, String extension, Map<String, String> companions) {
    this(out -> out.write(main), extension, constant(Immutables.map(companions)));
    Objects.requireNonNull(main, "main");
  }

  private EmittedFiles(Text main, String extension, Supplier<Map<String, String>> companions) {
    this.main = Objects.requireNonNull(main, "main");
    this.extension = Objects.requireNonNull(extension, "extension");
    this.companions = Objects.requireNonNull(companions, "companions");
  }

  private static Supplier<Map<String, String>> constant(Map<String, String> companions) {
    return () -> companions;
  }

  public static EmittedFiles of(String main, String extension) {
    return new EmittedFiles(main, extension, Map.of());
  }

  /**
   * A main document written by {@code main} each time it is asked for (see {@link #writeMain}), and companion
   * documents made on first use (a caller that writes no companions never pays for them).
   */
  public static EmittedFiles streamed(Text main, String extension, Supplier<Map<String, String>> companions) {
    return new EmittedFiles(main, extension, companions);
  }

  /** The main document's text (built anew on each call for a streamed document). */
  public String main() {
    StringWriter out = new StringWriter();
    try {
      main.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Writes the main document to {@code out} without holding all of it in memory (for streamed documents). */
  public void writeMain(Writer out) throws IOException {
    main.writeTo(out);
  }

  public String extension() {
    return extension;
  }

  public synchronized Map<String, String> companions() {
    if (companionsMade == null) {
      companionsMade = Immutables.map(companions.get());
    }
    return companionsMade;
  }
}
