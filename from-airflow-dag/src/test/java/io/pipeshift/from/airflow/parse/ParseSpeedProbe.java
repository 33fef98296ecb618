package io.pipeshift.from.airflow.parse;

import java.util.List;

/**
 * Micro-benchmark, not a unit test: parses every stdlib file (the corpus of {@code python/stdlib_corpus.py})
 * {@code ROUNDS} times on one thread and prints files/s and MB/s for the warm rounds, plus how many files
 * needed the full-LL fallback ({@code --lex-only} as first argument times the lexer alone). Compare with {@code python/ast_parse_speed.py} on the same file set.
 *
 * <p>Run: {@code mvn -q -f from-airflow-dag/pom.xml test-compile exec:java ...} is not configured; use
 * {@code java -cp <test classpath> io.pipeshift.from.airflow.parse.ParseSpeedProbe [ROUNDS]} (see README.md).
 */
public final class ParseSpeedProbe {

    private ParseSpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean lexOnly = args.length > 0 && args[0].equals("--lex-only");
        if (lexOnly) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        StdlibCorpus corpus = StdlibCorpus.load("list");
        List<StdlibCorpus.SourceFile> files = corpus.files;
        double mb = corpus.totalUtf8Bytes() / 1e6;
        PythonSourceParser parser = new PythonSourceParser();
        System.out.printf("Python %s stdlib: %d files, %.1f MB; %d warm-up + %d measured rounds%n",
                corpus.pythonVersion, files.size(), mb, warmup, rounds);
        // process CPU time (all JVM threads: parsing, GC, JIT), comparable with Python's time.process_time()
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double sum = 0;
        int fallbacks = 0;
        int errors = 0;
        for (int r = 0; r < warmup + rounds; r++) {
            fallbacks = 0;
            errors = 0;
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            for (StdlibCorpus.SourceFile f : files) {
                if (lexOnly) {
                    PyLexer lexer = new PyLexer(org.antlr.v4.runtime.CharStreams.fromString(f.text()));
                    while (lexer.nextToken().getType() != org.antlr.v4.runtime.Token.EOF) {
                        // count nothing: lexing cost only
                    }
                    continue;
                }
                ParseResult result = parser.parse(f.path(), f.text());
                if (result.llFallback()) {
                    fallbacks++;
                }
                if (!result.ok()) {
                    errors++;
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            System.out.printf("  round %2d%s: %.2f s = %.0f files/s, %.2f MB/s (CPU %.2f s = %.2f MB/s)%n", r + 1,
                    r < warmup ? " (warm-up)" : "", s, files.size() / s, mb / s, cpu, mb / cpu);
            if (r >= warmup) {
                bestCpu = Math.min(bestCpu, cpu);
                best = Math.min(best, s);
                sum += s;
            }
        }
        double mean = sum / rounds;
        System.out.printf("best round: %.2f s = %.0f files/s, %.2f MB/s%n", best, files.size() / best, mb / best);
        System.out.printf("mean round: %.2f s = %.0f files/s, %.2f MB/s%n", mean, files.size() / mean, mb / mean);
        System.out.printf("best round by process CPU time: %.2f s = %.0f files/s, %.2f MB/s%n", bestCpu,
                files.size() / bestCpu, mb / bestCpu);
        System.out.printf("LL fallback: %d of %d files per round; %d files with syntax errors%n", fallbacks,
                files.size(), errors);
    }
}
