package io.pipeshift.cli;

import io.pipeshift.spi.EmittedFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes output files whole or not at all: a temp file in the same folder, then an atomic move. */
final class OutputFiles {

  private OutputFiles() {}

  static void write(Path target, String content) {
    write(target, out -> out.write(content));
  }

  /** Writes a document as it is produced (a streamed main document never exists as one string). */
  static void write(Path target, EmittedFiles.Text content) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          content.writeTo(out);
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage());
    }
  }
}
