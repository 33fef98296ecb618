package io.pipeshift.from.airflow.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Developer tool (not a test): prints the token stream and the parse outcome of a file or snippet.
 * Usage: {@code PyDebug FILE} or {@code PyDebug -c 'source'} ({@code \n} in the snippet is a line break).
 */
public final class PyDebug {

    private PyDebug() {
    }

    public static void main(String[] args) throws Exception {
        String text = args[0].equals("-c")
                ? args[1].replace("\\n", "\n").replace("\\t", "\t")
                : Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        PyLexer lexer = new PyLexer(CharStreams.fromString(text));
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            System.out.printf("%d:%d %s %s%n", t.getLine(), t.getCharPositionInLine() + 1,
                    PyLexer.VOCABULARY.getSymbolicName(t.getType()), t.getText().replace("\n", "\\n"));
        }
        ParseResult r = new PythonSourceParser().parse("snippet", text);
        System.out.println(r.ok() ? "OK (LL fallback: " + r.llFallback() + ")" : "ERRORS " + r.diagnostics());
        if (r.ok() && args.length > 2) {
            System.out.println(r.tree().toStringTree(new PyParser(null)));
        }
    }
}
