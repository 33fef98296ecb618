package io.pipeshift.from.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Focused snippets per Python construct. Valid snippets must parse (in the fast SLL stage: none of these
 * should need the LL fallback); invalid ones, all rejected by CPython 3.12's ast.parse, must produce a
 * diagnostic at CPython's line and column.
 */
class PythonGrammarSpecTest {

    private static final PythonSourceParser PARSER = new PythonSourceParser();

    private static ParseResult parse(String source) {
        return PARSER.parse("<snippet>", source);
    }

    private static void assertParses(String source) {
        ParseResult r = parse(source);
        assertTrue(r.ok(), () -> "expected to parse:\n" + source + "\nbut got " + r.diagnostics());
        assertFalse(r.llFallback(), () -> "needed the LL fallback:\n" + source);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validSnippets")
    void validSnippetParses(String construct, String source) {
        assertParses(source);
    }

    static List<Arguments> validSnippets() {
        return List.of(
                Arguments.of("empty file", ""),
                Arguments.of("comments and blank lines only", "# a\n\n   # b\n\t\n"),
                Arguments.of("no trailing newline", "x = 1"),
                Arguments.of("CRLF line ends", "if x:\r\n    y = 1\r\n\r\nz = 2\r\n"),
                Arguments.of("form feed in indentation", "if x:\n\f    y = 1\n"),
                Arguments.of("tabs to multiples of 8", "if x:\n\tif y:\n\t\tz = 1\n\tw = 2\n"),
                Arguments.of("comment lines do not dedent", "def f():\n    x = 1\n# comment at col 0\n    return x\n"),
                Arguments.of("decorators", "@dec\n@dec.attr(1, k=2)\n@(lambda f: f)\n@a[0].b\nclass C:\n    @property\n    def p(self): ..."),
                Arguments.of("decorated async def", "@d\nasync def f():\n    await g()\n    async for x in y: pass\n    async with a as b, c: pass\n"),
                Arguments.of("f-string basics", "s = f'a{b}c{d!r}{e:>10}{f=}{g = !s:^{w}}'\n"),
                Arguments.of("f-string nested quotes (PEP 701)", "s = f\"{'x'}{\"y\"}{f'{z}'}{f\"{f\"{w}\"}\"}\"\n"),
                Arguments.of("f-string nested format spec", "s = f'{x:{y:{z}}}' + f'{x:{{}}}' + f'{x:=10}' + f'{(x:=10)}'\n"),
                Arguments.of("f-string escapes and braces", "s = f'{{literal}} \\{x} \\N{BULLET} {x}\\\\' + rf'\\{x}\\d' + F'' + fR\"\"\n"),
                Arguments.of("triple-quoted f-string over lines", "s = f'''\n{x\n  + 1}  ''{y}'\n{d['k']:>{w}}'''\n"),
                Arguments.of("f-string with comment in field (3.12)", "s = f'''{x # comment\n}'''\n"),
                Arguments.of("f-string dict and lambda in parens", "s = f'{ {\"a\": 1}[\"a\"] } {(lambda: 1)()} {a[1:2]}'\n"),
                Arguments.of("implicit concatenation", "s = 'a' \"b\" f'{c}' '''d''' r'\\e' u'f'\nb = b'x' rb'y' Br'z'\n"),
                Arguments.of("numbers", "n = 1 + 1_000 + 0x_ff + 0o17 + 0b1_0 + 1.5 + .5 + 5. + 1e-3 + 1_0.2_5e+1_0 + 3j + 1.5J + 0 + 00\n"),
                Arguments.of("walrus", "if (n := len(a)) > 10: pass\nwhile chunk := f.read(): pass\n[y for x in d if (y := x)]\nf(a := 1)\na[b := 1]\n"),
                Arguments.of("match with all pattern kinds", String.join("\n",
                        "match command.split():",
                        "    case [action]: pass",
                        "    case [action, obj, *rest]: pass",
                        "    case Point(x=0, y=0) | Point(0, 0): pass",
                        "    case {'x': x, 'y': y, **rest}: pass",
                        "    case {1: _, -2.5: _, 1+2j: _, None: _, Color.RED: _}: pass",
                        "    case (1 | 2 | 3) as n: pass",
                        "    case -1 | 'a' 'b' | b'c' | True | False | None: pass",
                        "    case a.b.c: pass",
                        "    case (): pass",
                        "    case []: pass",
                        "    case (x,): pass",
                        "    case x, *_: pass",
                        "    case *_, x: pass",
                        "    case str() | bytes(): pass",
                        "    case Point(1, y=2,): pass",
                        "    case _ if x > 1: pass",
                        "    case _: pass",
                        "")),
                Arguments.of("match subject forms", "match a, *b:\n    case _: pass\nmatch (x):\n    case y: pass\nmatch -x:\n    case 1: pass\n"),
                Arguments.of("soft keywords as names", String.join("\n",
                        "match = re.match(p, s)",
                        "match.group(1)",
                        "match(x)",
                        "match[0]",
                        "case = 1",
                        "type = type(x)",
                        "_ = gettext",
                        "_('text')",
                        "def match(case, type, _): return case",
                        "class case: pass",
                        "print(match, case, type, _)",
                        "x = [match for match in matches]",
                        "obj.match = obj.type = obj.case = obj._",
                        "from m import match, case, type, _",
                        "import match.case as type",
                        "")),
                Arguments.of("type hints", "def f(a: int, b: 'str' = '', *args: int, c: list[int] | None = None, **kw: Any) -> dict[str, int]: ...\nx: int\ny: Final = 1\nz: tuple[int, ...] = ()\n(w): int = 1\nself.a: int = 0\n"),
                Arguments.of("star annotation (3.11)", "def f(*args: *Ts): pass\n"),
                Arguments.of("type alias (3.12)", "type Point = tuple[float, float]\ntype ListOrSet[T] = list[T] | set[T]\n"),
                Arguments.of("generic type parameters (3.12/3.13)", "def f[T](x: T) -> T: return x\nclass A[T: int, *Ts, **P](Base[T]): pass\ndef g[T: (int, str) = int, *Ts = *tuple[int], **P = [int]](): pass\n"),
                Arguments.of("async and await", "async def f():\n    await x\n    return await y + (await z)\n    [a async for a in b]\n    result = [await c for c in d]\n"),
                Arguments.of("comprehensions", "[x for x in y]\n{x for x in y if x if not x}\n{k: v for k, v in d.items()}\n(x for x in y)\n[x for y in z for x in y]\nsum(x for x in y)\n"),
                Arguments.of("star args and star expressions", "f(*a, *b, c, k=1, **d, **e)\na, *b = c\n*a, b = c\nx = *a, *b\nreturn_ = [*a, *b]\ns = {*a, *b}\nd = {**a, 'k': 1, **b}\nfor *a, b in c: pass\ny = a[*b]\n"),
                Arguments.of("lambda", "f = lambda: 0\ng = lambda x, /, y=1, *args, z, **kw: x\nh = lambda *, k: k\ni = lambda *a, **k,: a\nj = lambda x=lambda y: y: x\n"),
                Arguments.of("parameters", "def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\ndef g(a, /): pass\ndef h(*, a): pass\ndef i(a,): pass\ndef j(**kw,): pass\ndef k(a, /, *, b): pass\n"),
                Arguments.of("global and nonlocal", "def f():\n    global a, b\n    def g():\n        nonlocal c\n"),
                Arguments.of("try/except/else/finally", "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    pass\n"),
                Arguments.of("try/finally", "try: pass\nfinally: pass\n"),
                Arguments.of("except* (3.11)", "try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* (TypeError, KeyError):\n    pass\n"),
                Arguments.of("with statements", "with a: pass\nwith a as b, c as d: pass\nwith (a as b, c as d,): pass\nwith (a, b): pass\nwith (a): pass\nwith (a) as b: pass\nwith (a, b) as c: pass\nwith a as (b, c): pass\nwith (yield): pass\n"),
                Arguments.of("backslash continuation", "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n"),
                Arguments.of("implicit continuation in brackets", "x = (1 +\n  2)\ny = [\n1,\n\n  # comment\n    2,\n]\nf(a,\n        b)\nd = {\n'a':\n1}\n"),
                Arguments.of("simple statements", "pass; x = 1; del x\nassert a, 'msg'\nraise E from e\nimport a.b.c as d, e\nfrom . import x\nfrom .. a import (b as c, d,)\nfrom ...a import *\nfrom .... import y\nbreak\ncontinue\nreturn\nreturn *a, b\nyield\nyield from g\nx = yield y\n"),
                Arguments.of("augmented assignment", "a += 1; a -= 1; a *= 1; a @= 1; a /= 1; a //= 1; a %= 1; a **= 1; a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1\n"),
                Arguments.of("operators and precedence", "x = not a or b and not c\ny = a if b else c if d else e\nz = -a ** -b * c // d % e @ f + g - h << i >> j & k ^ l | m\nw = a < b <= c == d != e > f >= g in h not in i is j is not k\nv = ~a\n"),
                Arguments.of("subscripts and slices", "a[1]; a[1:2]; a[::2]; a[:]; a[1:2, ::3]; a[...]; a[:, None]; a[lambda: 1]; a[x if y else z]\n"),
                Arguments.of("compound statements", "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nwhile x:\n    break\nelse:\n    pass\nfor i in range(3):\n    continue\nelse:\n    pass\n"),
                Arguments.of("class definition", "class A(B, metaclass=M, **kw):\n    '''doc'''\n    x = 1\n    def m(self): return self.x\nclass C(): pass\n"),
                Arguments.of("unicode identifiers", "ñame = 1\n变量 = ñame\nπ = 3.14\n"),
                Arguments.of("ellipsis and constants", "x = ...\ny = None, True, False\n"),
                Arguments.of("nested blocks and dedent to several levels", "def f():\n    if x:\n        for y in z:\n            pass\nclass C:\n    pass\n"),
                Arguments.of("one-line compound bodies", "if x: a = 1; b = 2\nfor i in y: print(i)\nclass C: x = 1\n"),
                Arguments.of("generator argument", "f(x for x in y)\nf(a, *(b for b in c))\n"),
                Arguments.of("airflow-style DAG", String.join("\n",
                        "from airflow import DAG",
                        "from airflow.operators.bash import BashOperator",
                        "with DAG(dag_id='etl', schedule='@daily', default_args={'retries': 2}) as dag:",
                        "    extract = BashOperator(task_id='extract', bash_command='echo {{ ds }}')",
                        "    load = BashOperator(task_id=f'load_{dag.dag_id}', bash_command='load.sh ')",
                        "    extract >> [load] << extract",
                        "")));
    }

    // ------------------------------------------------------------------ invalid input

    /**
     * Source, expected 1-based line and column, and a fragment of the message. Positions are those of
     * CPython 3.12 where it reports the offending token; where CPython points elsewhere (its "invalid_*"
     * rules often point at the start of the construct) the comment gives CPython's position.
     */
    static List<Arguments> invalidSnippets() {
        return List.of(
                Arguments.of("x = = 1\n", 1, 5, "found '=' but expected an expression"),
                Arguments.of("def f(:\n    pass\n", 1, 7, "found ':' but expected a name, ')', '**' or '*'"),
                Arguments.of("if x\n    pass\n", 1, 5, "found end of line but expected ':'"),
                Arguments.of("while True print(1)\n", 1, 12, "found name 'print'"),
                // CPython: 1:1 "Missing parentheses in call to 'print'"
                Arguments.of("print \"x\"\n", 1, 7, "missing parentheses in call to 'print'"),
                Arguments.of("f(a, b\n", 1, 2, "'(' was never closed"),
                Arguments.of("x = (1, 2]\n", 1, 10, "closing parenthesis ']' does not match opening parenthesis '('"),
                Arguments.of("x = 1)\n", 1, 6, "unmatched ')'"),
                // CPython: 1:2 (IndentationError offsets are not token positions)
                Arguments.of("  x = 1\n", 1, 3, "unexpected indent"),
                Arguments.of("if x:\npass\n", 2, 1, "expected an indented block"),
                // CPython: 3:8
                Arguments.of("if x:\n    a = 1\n  b = 2\n", 3, 3, "unindent does not match any outer indentation level"),
                // CPython: 3:1
                Arguments.of("if x:\n        a\n\tb\n", 3, 2, "inconsistent use of tabs and spaces"),
                Arguments.of("x = 'abc\n", 1, 5, "unterminated string literal"),
                Arguments.of("x = '''abc\n\n", 1, 5, "unterminated triple-quoted string literal"),
                Arguments.of("x = 1 $ 2\n", 1, 7, "invalid character '$'"),
                Arguments.of("x = 0777\n", 1, 5, "leading zeros in decimal integer literals are not permitted"),
                // CPython: 1:1 "Missing parentheses in call to 'exec'"
                Arguments.of("exec \"code\"\n", 1, 6, "found string"),
                Arguments.of("x = `y`\n", 1, 5, "invalid character '`'"),
                Arguments.of("x = ur'abc'\n", 1, 7, "found string"),
                Arguments.of("a == not b\n", 1, 6, "found keyword 'not' but expected an expression"),
                Arguments.of("x or lambda: 1\n", 1, 6, "found keyword 'lambda'"),
                // CPython: 1:7 "named arguments must follow bare *"
                Arguments.of("def f(*): pass\n", 1, 8, "found ')' but expected a name or ','"),
                // CPython: 3:8 "multiple exception types must be parenthesized"
                Arguments.of("try:\n    pass\nexcept X, Y:\n    pass\n", 3, 9, "found ','"),
                Arguments.of("a := 1\n", 1, 3, "found ':='"),
                Arguments.of("s = f'}'\n", 1, 7, "single '}' is not allowed"),
                Arguments.of("s = f'{}'\n", 1, 8, "found '}' but expected an expression"),
                Arguments.of("match x:\n    case *a: pass\n", 2, 12, "found ':' but expected ','"),
                // CPython: 1:11 "invalid syntax"
                Arguments.of("class C(x for x in y): pass\n", 1, 9, "a class's bases cannot be a generator expression"),
                Arguments.of("class C(x) pass\n", 1, 12, "found keyword 'pass' but expected ':'"),
                // CPython: 1:5 "expected 'else' after 'if' expression"
                Arguments.of("x = 1 if y\n", 1, 11, "found end of line but expected 'else'"),
                Arguments.of("from x import a,\n", 1, 17, "found end of line but expected a name"),
                // CPython: 5:1 "cannot have both 'except' and 'except*' on the same 'try'"
                Arguments.of("try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n", 5, 8, "found name 'F' but expected '*'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidSnippets")
    void invalidSnippetIsRejectedAtThePosition(String source, int line, int column, String messagePart) {
        ParseResult r = parse(source);
        assertFalse(r.ok(), () -> "expected a syntax error for:\n" + source);
        SyntaxDiagnostic first = r.diagnostics().get(0);
        assertEquals(line + ":" + column, first.line() + ":" + first.column(), () -> "position of " + r.diagnostics());
        assertTrue(first.message().contains(messagePart),
                () -> "message '" + first.message() + "' should contain '" + messagePart + "'");
    }

    /** Rejected by CPython's parser outside its grammar proper; checked by PyParserBase. Positions as CPython's. */
    static List<Arguments> semanticErrors() {
        return List.of(
                Arguments.of("f() = 1\n", 1, 1, "cannot assign to function call"),
                Arguments.of("None = 1\n", 1, 1, "cannot assign to None"),
                Arguments.of("a + 1 = 2\n", 1, 1, "cannot assign to expression"),
                Arguments.of("x = (yield) = 1\n", 1, 5, "cannot assign to yield expression"),
                Arguments.of("[x for x in y] = z\n", 1, 1, "cannot assign to list comprehension"),
                Arguments.of("a, (b, f()) = c\n", 1, 4, "cannot assign to function call"),
                Arguments.of("(a, b): int\n", 1, 1, "only single target (not tuple) can be annotated"),
                Arguments.of("[a]: int\n", 1, 1, "only single target (not list) can be annotated"),
                Arguments.of("a, b += 1\n", 1, 1, "'tuple' is an illegal expression for augmented assignment"),
                Arguments.of("f() += 1\n", 1, 1, "'function call' is an illegal expression for augmented assignment"),
                Arguments.of("for f() in y: pass\n", 1, 5, "cannot assign to function call"),
                Arguments.of("with a as f(): pass\n", 1, 11, "cannot assign to function call"),
                Arguments.of("[x for f() in y]\n", 1, 8, "cannot assign to function call"),
                Arguments.of("del f()\n", 1, 5, "cannot delete function call"),
                Arguments.of("f(x for x in y, 1)\n", 1, 3, "generator expression must be parenthesized"),
                Arguments.of("f(a=1, b)\n", 1, 8, "positional argument follows keyword argument"),
                Arguments.of("f(**a, *b)\n", 1, 8, "iterable argument unpacking follows keyword argument unpacking"),
                Arguments.of("def f(a=1, /, b): pass\n", 1, 15, "parameter without a default follows parameter with a default"),
                Arguments.of("lambda a=1, b: 0\n", 1, 13, "parameter without a default follows parameter with a default"),
                Arguments.of("(*a)\n", 1, 2, "cannot use starred expression here"),
                // CPython: 1:9 "invalid syntax"
                Arguments.of("match *a:\n    case 1: pass\n", 1, 7, "cannot use starred expression here"),
                Arguments.of("[*a for a in b]\n", 1, 2, "iterable unpacking cannot be used in comprehension"),
                Arguments.of("s = f'{x!z}'\n", 1, 10, "invalid conversion character 'z'"),
                Arguments.of("s = 'a' b'b'\n", 1, 9, "cannot mix bytes and nonbytes literals"),
                Arguments.of("s = b'\u00e9'\n", 1, 5, "bytes can only contain ASCII literal characters"),
                Arguments.of("s = '\\x4'\n", 1, 5, "truncated \\xXX escape"),
                Arguments.of("s = '\\u12'\n", 1, 5, "truncated \\uXXXX escape"),
                Arguments.of("s = '\\N'\n", 1, 5, "malformed \\N character escape"),
                Arguments.of("s = '\\U00110000'\n", 1, 5, "illegal Unicode character"),
                Arguments.of("s = '\uD83D\uDC0D \\N{BULLET' + 'x'\n", 1, 5, "malformed \\N character escape"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("semanticErrors")
    void cpythonParserChecksBeyondTheGrammar(String source, int line, int column, String messagePart) {
        invalidSnippetIsRejectedAtThePosition(source, line, column, messagePart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*a = 1\n", "a, *b, *c = d\n", "() = x\n", "[] = x\n", "(a): int = 1\n", "(a) += 1\n",
        "del (a, b), [c]\n", "f(a=1, *b)\n", "def f(*, a=1, b): pass\n", "rb'\\N'\n", "s = r'\\x'\n",
        "s = '\\N{BULLET}' f'\\N{BULLET}{x}'\n", "s = '\uD83D\uDC0D\\N{BULLET}'\n", "return 1\n", "nonlocal x\n", "def f(a, a): pass\n"})
    void compilerOnlyErrorsAndValidCornerCasesParse(String source) {
        assertParses(source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = = 1\n", "def f(:\n", "if x\n    pass\n"})
    void diagnosticsSayWhatWasFoundAndWhatWasExpected(String source) {
        String message = parse(source).diagnostics().get(0).message();
        assertTrue(message.startsWith("found "), message);
        assertTrue(message.contains(" but expected "), message);
    }

    @Nested
    class Layout {

        private List<String> tokenNames(String source) {
            PyLexer lexer = new PyLexer(CharStreams.fromString(source));
            return lexer.getAllTokens().stream()
                    .map(t -> PyLexer.VOCABULARY.getSymbolicName(t.getType()))
                    .collect(Collectors.toList());
        }

        @Test
        void blankAndCommentLinesProduceNoTokens() {
            assertEquals(List.of("NAME", "EQUAL", "NUMBER", "NEWLINE", "NAME", "NEWLINE"),
                    tokenNames("\n# c\nx = 1\n\n   # indented comment\n\ny\n").subList(0, 6));
        }

        @Test
        void indentAndDedentAroundBlocks() {
            assertEquals(List.of("IF", "NAME", "COLON", "NEWLINE", "INDENT", "IF", "NAME", "COLON", "NEWLINE", "INDENT",
                            "NAME", "NEWLINE", "DEDENT", "DEDENT", "NAME", "NEWLINE"),
                    tokenNames("if a:\n    if b:\n        c\nd\n").subList(0, 16));
        }

        @Test
        void endOfInputClosesAllBlocks() {
            List<String> names = tokenNames("if a:\n    if b:\n        c");
            assertEquals(List.of("NAME", "NEWLINE", "DEDENT", "DEDENT"), names.subList(names.size() - 4, names.size()));
        }

        @Test
        void newlinesInsideBracketsAreIgnored() {
            assertEquals(List.of("NAME", "EQUAL", "LPAR", "NUMBER", "COMMA", "NUMBER", "RPAR", "NEWLINE"),
                    tokenNames("x = (1,\n\n      2)\n"));
        }

        @Test
        void tabsAdvanceToMultiplesOfEight() {
            // 8 spaces and one tab are the same indentation level for the tab-size-8 rule, but
            // CPython's altcol check (tab == 1 column) rejects mixing them inconsistently.
            assertParses("if x:\n\ty = 1\n\tz = 2\n");
            assertFalse(parse("if x:\n        y = 1\n\tz = 2\n").ok());
        }

        @Test
        void fStringTokens() {
            assertEquals(List.of("FSTRING_START", "FSTRING_MIDDLE", "LBRACE", "NAME", "EXCLAMATION", "NAME", "COLON",
                            "FSTRING_MIDDLE", "LBRACE", "NAME", "RBRACE", "RBRACE", "FSTRING_END", "NEWLINE"),
                    tokenNames("f'a{b!r:>{w}}'"));
        }

        @Test
        void softKeywordsHaveTheirOwnTokens() {
            assertEquals(List.of("MATCH", "CASE", "TYPE", "UNDERSCORE", "NAME", "NEWLINE"),
                    tokenNames("match case type _ matches"));
        }
    }

    @Test
    void resultCarriesTreeOrDiagnosticsNeverBoth() {
        ParseResult ok = parse("x = 1\n");
        assertTrue(ok.ok());
        assertTrue(ok.diagnostics().isEmpty());
        assertEquals("x=1\n<EOF>", ok.tree().getText().replace("<NEWLINE>", "\n"));
        ParseResult bad = parse("x = = 1\n");
        assertFalse(bad.ok());
        assertEquals(null, bad.tree());
        assertTrue(bad.llFallback(), "errors are reported by the LL stage");
    }

    @Test
    void columnsCountCharactersNotBytes() {
        SyntaxDiagnostic d = parse("é = = 1\n").diagnostics().get(0);
        assertEquals(1, d.line());
        assertEquals(5, d.column());
    }

    @Test
    void tokenStreamEndsWithEof() {
        PyLexer lexer = new PyLexer(CharStreams.fromString("x"));
        Token t;
        do {
            t = lexer.nextToken();
        } while (t.getType() != Token.EOF);
        assertEquals(Token.EOF, lexer.nextToken().getType());
    }
}
