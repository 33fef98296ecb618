package io.pipeshift.from.airflow;

import io.pipeshift.from.airflow.parse.ParseResult;
import io.pipeshift.from.airflow.parse.PythonSourceParser;
import io.pipeshift.from.airflow.parse.SyntaxDiagnostic;
import io.pipeshift.diag.Diagnostic;
import io.pipeshift.fidelity.FidelityNote;
import io.pipeshift.from.airflow.eval.DagNode;
import io.pipeshift.from.airflow.eval.EvalWarning;
import io.pipeshift.from.airflow.eval.EvaluatedModule;
import io.pipeshift.from.airflow.eval.ModuleEvaluator;
import io.pipeshift.from.airflow.mapping.DagMapping;
import io.pipeshift.validate.PipelineValidator;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one Python file into IR pipelines, one per DAG: parse (the project's own grammar), evaluate
 * statically ({@link ModuleEvaluator}: nothing is imported or run), map ({@link DagMapping}), validate.
 * Never throws for bad input: a syntax error, an unreadable file or an internal limit is a failed
 * {@link FileImport} with a located message. Stateless and thread-safe.
 */
public final class AirflowDagReader {

  private static final long MAX_BYTES = 8L * 1024 * 1024;
  private final PythonSourceParser parser = new PythonSourceParser();
  private final boolean validate;

  /** A reader that validates every pipeline it makes (a DAG that is not valid IR fails its file). */
  public AirflowDagReader() {
    this(true);
  }

  private AirflowDagReader(boolean validate) {
    this.validate = validate;
  }

  /** A reader that skips the final IR validation (benchmarks of parse + evaluation + mapping alone). */
  public static AirflowDagReader withoutValidation() {
    return new AirflowDagReader(false);
  }

  /** Reads {@code file}; {@code label} is how notes name it (e.g. a path relative to the imported folder). */
  public FileImport read(Path file, String label) {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return failed(file, label + ": the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
      }
      text = decode(Files.readAllBytes(file));
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return failed(file, label + ": the file is not text in its declared encoding (UTF-8 unless a coding line says otherwise)");
    } catch (IOException e) {
      return failed(file, label + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
    return read(file, label, text);
  }

  private static final java.util.regex.Pattern CODING =
      java.util.regex.Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

  /**
   * Source bytes as Python reads them (PEP 263): UTF-8 (a leading byte order mark dropped), unless a coding
   * declaration on the first or second line names another encoding.
   */
  static String decode(byte[] bytes) throws CharacterCodingException {
    int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
        ? 3 : 0;
    java.nio.charset.Charset charset = StandardCharsets.UTF_8;
    if (offset == 0) {
      String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\n", 3);
      for (int i = 0; i < Math.min(2, lines.length); i++) {
        java.util.regex.Matcher m = CODING.matcher(lines[i]);
        if (m.find()) {
          String name = m.group(1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
          if (name.equals("latin-1") || name.equals("iso-latin-1") || name.equals("l1")) {
            name = "ISO-8859-1";
          }
          if (!name.equals("utf-8") && !name.equals("utf8") && java.nio.charset.Charset.isSupported(name)) {
            charset = java.nio.charset.Charset.forName(name);
          }
          break;
        }
        if (!lines[i].trim().isEmpty() && !lines[i].trim().startsWith("#")) {
          break;
        }
      }
    }
    return charset.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
  }

  public FileImport read(Path file) {
    return read(file, file.toString());
  }

  /** Imports source text (the file is only used to name it). */
  public FileImport read(Path file, String label, String text) {
    try {
      return readText(file, label, text);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(file, label + ": internal limit while importing (" + e.getClass().getSimpleName()
          + "); please report this file");
    }
  }

  private FileImport readText(Path file, String label, String text) {
    ParseResult parsed = parser.parse(label, text);
    if (!parsed.ok()) {
      List<FidelityNote> notes = new ArrayList<>();
      for (SyntaxDiagnostic d : parsed.diagnostics()) {
        notes.add(new FidelityNote(ImportNote.SYNTAX.code(), ImportNote.SYNTAX.severity(), Optional.empty(),
            label + ":" + d.line() + ":" + d.column() + ": " + d.message()));
      }
      SyntaxDiagnostic first = parsed.diagnostics().get(0);
      return new FileImport(file, List.of(), notes, List.of(), Optional.of(label + ":" + first.line() + ":"
          + first.column() + ": syntax error: " + first.message()));
    }
    String stem = file.getFileName() == null ? "module" : file.getFileName().toString().replaceFirst("\\.py$", "");
    EvaluatedModule module = ModuleEvaluator.evaluate(stem, parsed.tree());
    List<FidelityNote> fileNotes = new ArrayList<>();
    List<String> constructs = new ArrayList<>();
    if (!module.dags().isEmpty()) {
      for (EvalWarning w : module.warnings()) {
        ImportNote kind = switch (w.kind()) {
          case UNRESOLVED -> ImportNote.UNRESOLVED;
          case ASSUMED -> ImportNote.ASSUMED_CONDITION;
          case NOT_EVALUATED -> ImportNote.NOT_EVALUATED;
        };
        fileNotes.add(new FidelityNote(kind.code(), kind.severity(), Optional.empty(),
            label + ":" + w.line() + ":" + w.column() + ": " + w.message()));
        constructs.add(w.construct());
      }
    }
    List<ImportedDag> dags = new ArrayList<>();
    for (DagNode dag : module.dags()) {
      DagMapping.Result r = DagMapping.map(label, dag);
      List<Diagnostic> invalid = !validate ? List.of() : new PipelineValidator().validate(r.pipeline(), label).stream()
          .filter(Diagnostic::isError).toList();
      if (!invalid.isEmpty()) {
        return failed(file, label + ":" + dag.line() + ":" + dag.column() + ": DAG '" + dag.dagId()
            + "' does not make a valid pipeline: " + invalid.get(0).message());
      }
      dags.add(new ImportedDag(dag.dagId(), r.pipeline(), r.sourceMap(), r.notes(), r.constructs()));
    }
    return new FileImport(file, dags, fileNotes, constructs, Optional.empty());
  }

  private static FileImport failed(Path file, String why) {
    return new FileImport(file, List.of(), List.of(new FidelityNote(ImportNote.NOT_EVALUATED.code(),
        io.pipeshift.diag.Severity.ERROR, Optional.empty(), why)), List.of(), Optional.of(why));
  }
}
