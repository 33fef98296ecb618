package io.pipeshift.from.airflow.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DiagnosticErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * Grammar-quality tool (used by {@link GrammarAmbiguityTest}; also runnable by hand).
 *
 * <p>{@code ambiguities(...)} parses sources with {@link PredictionMode#LL_EXACT_AMBIG_DETECTION} and a
 * {@link DiagnosticErrorListener} (exact ambiguities only), and returns every reported ambiguity with
 * its rule and input text. {@code profile(...)} parses with {@code parser.setProfile(true)} and sums
 * ANTLR's per-decision statistics (time in prediction, maximum SLL/LL lookahead, ATN transitions, i.e.
 * DFA cache misses, and LL fallbacks).
 *
 * <p>Usage: {@code GrammarDiagnosticsProbe ambig|profile FILE_OR_DIR... [--limit N]}; with no path the
 * stdlib corpus is used.
 */
public final class GrammarDiagnosticsProbe {

    /** One ambiguity report: decision, rule, the ambiguous alternatives and the input span. */
    record Ambiguity(String source, int line, int decision, String rule, String alts, String text) {
        @Override
        public String toString() {
            return source + ":" + line + " decision " + decision + " in rule " + rule + " alts " + alts + ": "
                    + text.replace("\n", "\\n");
        }
    }

    private GrammarDiagnosticsProbe() {
    }

    /** Parses with exact ambiguity detection; returns the ambiguities found (syntax errors are ignored). */
    static List<Ambiguity> ambiguities(String sourceName, String text) {
        PyParser parser = new PyParser(new CommonTokenStream(new PyLexer(CharStreams.fromString(text))));
        parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
        parser.removeErrorListeners();
        List<Ambiguity> found = new ArrayList<>();
        parser.addErrorListener(new DiagnosticErrorListener(true) {
            @Override
            public void reportAmbiguity(Parser recognizer, DFA dfa, int startIndex, int stopIndex, boolean exact,
                                        BitSet ambigAlts, ATNConfigSet configs) {
                int decision = dfa.decision;
                String rule = recognizer.getRuleNames()[dfa.atnStartState.ruleIndex];
                String span = recognizer.getTokenStream().getText(
                        recognizer.getTokenStream().get(startIndex), recognizer.getTokenStream().get(stopIndex));
                found.add(new Ambiguity(sourceName, recognizer.getTokenStream().get(startIndex).getLine(), decision,
                        rule, String.valueOf(ambigAlts != null ? ambigAlts : configs.getAlts()), span));
            }

            @Override
            public void reportAttemptingFullContext(Parser recognizer, DFA dfa, int startIndex, int stopIndex,
                                                    BitSet conflictingAlts, ATNConfigSet configs) {
            }

            @Override
            public void reportContextSensitivity(Parser recognizer, DFA dfa, int startIndex, int stopIndex,
                                                 int prediction, ATNConfigSet configs) {
            }
        });
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object o, int l, int c, String m, RecognitionException e) {
            }
        });
        parser.fileInput();
        return found;
    }

    /** Per-decision totals across many parses. */
    static final class Profile {
        final Map<Integer, long[]> totals = new LinkedHashMap<>();
        // indexes into the long[] rows
        static final int INVOCATIONS = 0;
        static final int TIME_NS = 1;
        static final int SLL_MAX_LOOK = 2;
        static final int SLL_TOTAL_LOOK = 3;
        static final int SLL_ATN_TRANSITIONS = 4;
        static final int LL_FALLBACK = 5;
        static final int LL_MAX_LOOK = 6;
        static final int AMBIGUITIES = 7;

        void add(Parser parser, String text) {
            parser.setProfile(true);
            ((PyParser) parser).fileInput();
            for (DecisionInfo d : parser.getParseInfo().getDecisionInfo()) {
                if (d.invocations == 0) {
                    continue;
                }
                long[] row = totals.computeIfAbsent(d.decision, k -> new long[8]);
                row[INVOCATIONS] += d.invocations;
                row[TIME_NS] += d.timeInPrediction;
                row[SLL_MAX_LOOK] = Math.max(row[SLL_MAX_LOOK], d.SLL_MaxLook);
                row[SLL_TOTAL_LOOK] += d.SLL_TotalLook;
                row[SLL_ATN_TRANSITIONS] += d.SLL_ATNTransitions;
                row[LL_FALLBACK] += d.LL_Fallback;
                row[LL_MAX_LOOK] = Math.max(row[LL_MAX_LOOK], d.LL_MaxLook);
                row[AMBIGUITIES] += d.ambiguities.size();
            }
        }

        String report(int top) {
            String[] rules = PyParser.ruleNames;
            var atn = PyParser._ATN;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-8s %-28s %10s %9s %8s %8s %9s %6s %6s%n", "decision", "rule", "invocations",
                    "time ms", "SLLmax", "avgLook", "ATN-trans", "LLfb", "LLmax"));
            totals.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<Integer, long[]> e) -> -e.getValue()[TIME_NS]))
                    .limit(top)
                    .forEach(e -> {
                        long[] r = e.getValue();
                        sb.append(String.format("%-8d %-28s %10d %9.1f %8d %8.2f %9d %6d %6d%n", e.getKey(),
                                rules[atn.getDecisionState(e.getKey()).ruleIndex], r[INVOCATIONS], r[TIME_NS] / 1e6,
                                r[SLL_MAX_LOOK], r[SLL_TOTAL_LOOK] / (double) r[INVOCATIONS], r[SLL_ATN_TRANSITIONS],
                                r[LL_FALLBACK], r[LL_MAX_LOOK]));
                    });
            return sb.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "profile";
        int limit = Integer.MAX_VALUE;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--limit")) {
                limit = Integer.parseInt(args[++i]);
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            for (StdlibCorpus.SourceFile f : StdlibCorpus.load("list").files) {
                sources.put(f.path(), f.text());
            }
        } else {
            for (Path p : paths) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(x -> x.toString().endsWith(".py")).sorted().toList()) {
                        try {
                            sources.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
                        } catch (java.nio.charset.MalformedInputException e) {
                            // not UTF-8: skip
                        }
                    }
                }
            }
        }
        int n = 0;
        if (mode.equals("ambig")) {
            Map<String, Integer> byDecision = new LinkedHashMap<>();
            for (Map.Entry<String, String> s : sources.entrySet()) {
                if (n++ >= limit) {
                    break;
                }
                for (Ambiguity a : ambiguities(s.getKey(), s.getValue())) {
                    String key = "decision " + a.decision() + " (" + a.rule() + ")";
                    if (byDecision.merge(key, 1, Integer::sum) <= 3) {
                        System.out.println(a);
                    }
                }
            }
            System.out.println("ambiguities by decision: " + byDecision);
        } else {
            Profile profile = new Profile();
            long start = System.nanoTime();
            for (Map.Entry<String, String> s : sources.entrySet()) {
                if (n++ >= limit) {
                    break;
                }
                PyParser parser = new PyParser(new CommonTokenStream(new PyLexer(CharStreams.fromString(s.getValue()))));
                parser.removeErrorListeners();
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                profile.add(parser, s.getValue());
            }
            System.out.printf("%d files profiled in %.1f s%n", Math.min(n, sources.size()), (System.nanoTime() - start) / 1e9);
            System.out.print(profile.report(40));
        }
    }
}
