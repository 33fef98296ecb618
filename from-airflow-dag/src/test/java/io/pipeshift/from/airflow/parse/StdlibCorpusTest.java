package io.pipeshift.from.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Agreement with CPython on every .py file of a Python standard library.
 *
 * <p>Ground truth is {@code ast.parse} of the interpreter given by {@code -Dpipeshift.python} /
 * {@code PIPESHIFT_PYTHON} / {@code python3} (see {@code python/stdlib_corpus.py}):
 * <ul>
 *   <li>every file CPython accepts must parse without a syntax error;</li>
 *   <li>every file CPython rejects must be rejected by us too.</li>
 * </ul>
 * "Rejects" means ast.parse raises SyntaxError (or ValueError for NUL bytes), i.e. CPython's tokenizer or
 * parser refuses the file. Errors CPython only reports when compiling a valid syntax tree ('return' or
 * 'yield' outside a function, 'nonlocal' at module level, 'await' outside async functions, starred
 * assignment targets such as {@code *a = 1}, duplicate parameter names, ...) are out of scope: ast.parse
 * accepts such files and so must we. Files that are not valid UTF-8 are skipped (the script lists them).
 *
 * <p>If no Python or no stdlib can be found the test fails: it never skips silently.
 */
class StdlibCorpusTest {

    @Test
    void parserAgreesWithCPythonOnTheWholeStandardLibrary() throws Exception {
        // The file list is cheap; CPython's classification runs in the background while we parse
        // (one core each), so the test costs about as long as the slower of the two.
        StdlibCorpus corpus = StdlibCorpus.load("list");
        StdlibCorpus.Classification classification = StdlibCorpus.startClassification();
        PythonSourceParser parser = new PythonSourceParser();
        List<StdlibCorpus.SourceFile> files = corpus.files;
        ParseResult[] results = new ParseResult[files.size()];

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            results[i] = parser.parse(files.get(i).path(), files.get(i).text());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        Map<String, StdlibCorpus.Verdict> verdicts = classification.await();
        assertEquals(files.stream().map(StdlibCorpus.SourceFile::path).toList(), List.copyOf(verdicts.keySet()),
                "the classified file set differs from the listed one");

        int accepted = 0;
        int rejected = 0;
        int fallbacks = 0;
        int fallbacksOnValid = 0;
        List<String> falseRejections = new ArrayList<>();
        List<String> falseAcceptances = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            StdlibCorpus.SourceFile f = files.get(i);
            StdlibCorpus.Verdict cpython = verdicts.get(f.path());
            ParseResult r = results[i];
            if (r.llFallback()) {
                fallbacks++;
            }
            if (cpython.accepted()) {
                accepted++;
                if (r.llFallback()) {
                    fallbacksOnValid++;
                }
                if (!r.ok()) {
                    falseRejections.add(f.path() + " -> " + r.diagnostics().get(0));
                }
            } else {
                rejected++;
                if (r.ok()) {
                    falseAcceptances.add(f.path() + " (CPython: " + cpython.error() + " at " + cpython.line() + ":"
                            + cpython.column() + ")");
                }
            }
        }
        System.out.printf("stdlib corpus of Python %s at %s%n", corpus.pythonVersion, corpus.stdlibRoot);
        System.out.printf("  %d files (%.1f MB), %d skipped as not UTF-8%n", files.size(),
                corpus.totalUtf8Bytes() / 1e6, corpus.undecodable.size());
        System.out.printf("  CPython accepts %d, rejects %d; we wrongly reject %d, wrongly accept %d%n",
                accepted, rejected, falseRejections.size(), falseAcceptances.size());
        System.out.printf("  LL fallback: %d files (%d of them valid; a syntax error always ends in the LL pass)%n",
                fallbacks, fallbacksOnValid);
        System.out.printf("  total parse time %.2f s wall, %.2f s JVM CPU (cold JVM, one parsing thread)%n", seconds,
                cpuSeconds);

        if (!falseRejections.isEmpty() || !falseAcceptances.isEmpty()) {
            StringBuilder sb = new StringBuilder("disagreement with CPython's ast.parse\n");
            falseRejections.stream().limit(40).forEach(s -> sb.append("  we reject: ").append(s).append('\n'));
            falseAcceptances.stream().limit(40).forEach(s -> sb.append("  we accept: ").append(s).append('\n'));
            fail(sb.toString());
        }
        assertTrue(accepted > 1000, "suspiciously small stdlib corpus: " + accepted + " files");
    }
}
