package io.pipeshift.from.airflow.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Python standard library as a parser corpus, as described by {@code python/stdlib_corpus.py}
 * (test resource). The Python interpreter is the one named by system property {@code pipeshift.python},
 * else environment variable {@code PIPESHIFT_PYTHON}, else {@code python3} on the PATH.
 */
final class StdlibCorpus {

    /** One corpus file; {@code accepted}/{@code cpythonError} are only meaningful after "classify". */
    record SourceFile(String path, String text, boolean accepted, String cpythonError, int line, int column) {
    }

    final String pythonVersion;
    final Path stdlibRoot;
    final List<SourceFile> files;
    final List<String> undecodable;

    private StdlibCorpus(String pythonVersion, Path stdlibRoot, List<SourceFile> files, List<String> undecodable) {
        this.pythonVersion = pythonVersion;
        this.stdlibRoot = stdlibRoot;
        this.files = files;
        this.undecodable = undecodable;
    }

    static String pythonExecutable() {
        String p = System.getProperty("pipeshift.python");
        if (p == null || p.isBlank()) {
            p = System.getenv("PIPESHIFT_PYTHON");
        }
        return p == null || p.isBlank() ? "python3" : p;
    }

    /** Copies a script from test resources to a temporary directory (together with its sibling module). */
    static Path script(String name) throws IOException {
        Path dir = Files.createTempDirectory("pipeshift-py");
        dir.toFile().deleteOnExit();
        for (String s : List.of("stdlib_corpus.py", "ast_parse_speed.py")) {
            try (InputStream in = StdlibCorpus.class.getResourceAsStream("/python/" + s)) {
                if (in == null) {
                    throw new IllegalStateException("test resource python/" + s + " is missing");
                }
                Path target = dir.resolve(s);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().deleteOnExit();
            }
        }
        return dir.resolve(name);
    }

    /** CPython's verdict on one file (from "classify" mode). */
    record Verdict(boolean accepted, String error, int line, int column) {
    }

    /** A running "classify" process; {@link #await()} returns its verdicts by relative path. */
    static final class Classification {
        private final Process process;
        private final Path out;
        private final Path err;
        private final String python;

        private Classification(Process process, Path out, Path err, String python) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.python = python;
        }

        java.util.Map<String, Verdict> await() throws IOException, InterruptedException {
            JsonNode json = finish(process, out, err, python);
            java.util.Map<String, Verdict> verdicts = new java.util.LinkedHashMap<>();
            for (JsonNode f : json.get("files")) {
                verdicts.put(f.get("path").asText(), new Verdict(f.get("accepted").asBoolean(),
                        f.path("error").asText(null), f.path("line").asInt(), f.path("column").asInt()));
            }
            return verdicts;
        }
    }

    /** Starts {@code stdlib_corpus.py classify} in the background (it takes a few seconds of CPU). */
    static Classification startClassification() throws IOException {
        Path out = Files.createTempFile("stdlib-corpus", ".json");
        Path err = Files.createTempFile("stdlib-corpus", ".err");
        String python = pythonExecutable();
        return new Classification(start(python, "classify", out, err), out, err, python);
    }

    /** Developer option: {@code -Dpipeshift.corpusRoot=DIR} uses DIR instead of the stdlib. */
    static String corpusRootOverride() {
        String root = System.getProperty("pipeshift.corpusRoot");
        return root == null || root.isBlank() ? null : root;
    }

    private static Process start(String python, String mode, Path out, Path err) throws IOException {
        Path script = script("stdlib_corpus.py");
        List<String> command = new ArrayList<>(List.of(python, script.toString(), mode));
        if (corpusRootOverride() != null) {
            command.add(corpusRootOverride());
        }
        try {
            return new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run Python interpreter '" + python + "' (set -Dpipeshift.python=... "
                    + "or PIPESHIFT_PYTHON to a Python 3 executable): " + e.getMessage(), e);
        }
    }

    private static JsonNode finish(Process process, Path out, Path err, String python)
            throws IOException, InterruptedException {
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(python + " stdlib_corpus.py did not finish within 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(python + " stdlib_corpus.py failed (exit " + process.exitValue() + "): "
                    + Files.readString(err));
        }
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return json;
    }

    /**
     * Runs {@code stdlib_corpus.py MODE} ("classify" or "list") and reads every listed file.
     *
     * @throws IllegalStateException with a clear message if Python or the stdlib cannot be found
     */
    static StdlibCorpus load(String mode) throws IOException, InterruptedException {
        String python = pythonExecutable();
        Path out = Files.createTempFile("stdlib-corpus", ".json");
        Path err = Files.createTempFile("stdlib-corpus", ".err");
        JsonNode json = finish(start(python, mode, out, err), out, err, python);
        Path root = Path.of(json.get("stdlib").asText());
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("stdlib path reported by " + python + " is not a directory: " + root);
        }
        List<SourceFile> files = new ArrayList<>();
        for (JsonNode f : json.get("files")) {
            String rel = f.get("path").asText();
            String text = Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
            boolean accepted = !f.has("accepted") || f.get("accepted").asBoolean();
            files.add(new SourceFile(rel, text, accepted, f.path("error").asText(null), f.path("line").asInt(),
                    f.path("column").asInt()));
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no .py files found below the stdlib path " + root + " of " + python);
        }
        List<String> undecodable = new ArrayList<>();
        json.get("undecodable").forEach(n -> undecodable.add(n.asText()));
        return new StdlibCorpus(json.get("python").asText(), root, files, undecodable);
    }

    long totalUtf8Bytes() {
        long n = 0;
        for (SourceFile f : files) {
            n += f.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
