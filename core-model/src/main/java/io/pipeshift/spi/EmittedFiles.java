package io.pipeshift.spi;

import io.pipeshift.ir.Immutables;
import java.util.Map;

/**
 * What a target writes: the main document (printed, or written to {@code -o}) and companion documents
 * (trigger rules, IAM policies) by relative file name, written only when asked (e.g. {@code --with-infra}).
 *
 * @param main the main document's text, ending with a newline
 * @param extension the main document's usual file extension, e.g. {@code json} or {@code py}
 * @param companions extra documents by file name
 */
public record EmittedFiles(String main, String extension, Map<String, String> companions) {
  public EmittedFiles {
    companions = Immutables.map(companions);
  }

  public static EmittedFiles of(String main, String extension) {
    return new EmittedFiles(main, extension, Map.of());
  }
}
