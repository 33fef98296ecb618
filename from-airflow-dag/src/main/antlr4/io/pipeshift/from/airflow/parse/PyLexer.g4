/*
 * Python 3 lexer (language level 3.12/3.13), written for pipeshift from the
 * Python Language Reference, chapter 2 "Lexical analysis", and PEP 701
 * (f-strings tokenised by the lexer).
 *
 * Division of labour with PyLexerBase (hand-written Java):
 *  - this grammar recognises the characters of every token;
 *  - PyLexerBase decides which NEWLINEs are logical line ends (not inside
 *    brackets, not blank or comment-only lines), synthesises INDENT/DEDENT,
 *    and drives the f-string modes (which quote closes the string, when a '}'
 *    or ':' ends a replacement field / starts a format spec).
 *
 * Soft keywords (match, case, type, _) get their own token types; the parser
 * accepts them wherever a plain NAME is allowed.
 *
 * Modes used for f-strings, one per quote kind and rawness:
 *   F_SQ  f'...'     F_DQ  f"..."    F_TSQ f'''...'''    F_TDQ f"""..."""
 *   RF_*  the same for raw f-strings (rf'...', fr"...", ...)
 *   SPEC_SQ / SPEC_DQ / SPEC_LONG  format spec after ':' in a replacement field
 * Replacement fields themselves are lexed in DEFAULT_MODE (pushed on '{').
 */
lexer grammar PyLexer;

options { superClass = PyLexerBase; }

tokens { INDENT, DEDENT, FSTRING_START, FSTRING_MIDDLE, FSTRING_END }

// ---------------------------------------------------------------- keywords
FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// soft keywords: identifiers everywhere except in their own statements
MATCH      : 'match';
CASE       : 'case';
TYPE       : 'type';
UNDERSCORE : '_';

// ---------------------------------------------------------------- f-string starts
// The action pushes the body mode and records the quote kind.
FSTRING_START_TSQ  : F_PREFIX '\'\'\''  { fstringStart(PyLexer.F_TSQ); };
FSTRING_START_TDQ  : F_PREFIX '"""'     { fstringStart(PyLexer.F_TDQ); };
FSTRING_START_SQ   : F_PREFIX '\''      { fstringStart(PyLexer.F_SQ); };
FSTRING_START_DQ   : F_PREFIX '"'       { fstringStart(PyLexer.F_DQ); };
RFSTRING_START_TSQ : RF_PREFIX '\'\'\'' { fstringStart(PyLexer.RF_TSQ); };
RFSTRING_START_TDQ : RF_PREFIX '"""'    { fstringStart(PyLexer.RF_TDQ); };
RFSTRING_START_SQ  : RF_PREFIX '\''     { fstringStart(PyLexer.RF_SQ); };
RFSTRING_START_DQ  : RF_PREFIX '"'      { fstringStart(PyLexer.RF_DQ); };

// ---------------------------------------------------------------- strings and bytes
STRING
    : STRING_PREFIX? ( SHORT_SQ_STRING | SHORT_DQ_STRING | LONG_SQ_STRING | LONG_DQ_STRING )
    ;

// A short string that reaches the end of the line, or a long string that
// reaches the end of the file, is an error; reported by PyLexerBase.
UNTERMINATED_STRING
    : STRING_PREFIX? ( '\'' SHORT_SQ_CHAR* | '"' SHORT_DQ_CHAR* ) -> type(ERRORTOKEN)
    ;
UNTERMINATED_LONG_STRING
    : STRING_PREFIX? ( '\'\'\'' UNCLOSED_SQ_ITEM* ( '\'' '\''? )? | '"""' UNCLOSED_DQ_ITEM* ( '"' '"'? )? ) EOF
      -> type(ERRORTOKEN)
    ;

// ---------------------------------------------------------------- numbers
NUMBER
    : DEC_INTEGER
    | HEX_INTEGER
    | OCT_INTEGER
    | BIN_INTEGER
    | FLOAT_NUMBER
    | IMAG_NUMBER
    ;

// 0777 is not an integer in Python 3 (0777.5, 0777e1 and 0777j are numbers: those matches are longer,
// and all-zero forms such as 00 tie with NUMBER, which is defined first).
LEADING_ZERO_INTEGER : '0' ( '_'? DIGIT )+ -> type(ERRORTOKEN);

// ---------------------------------------------------------------- identifiers
NAME : ID_START ID_CONTINUE* ;

// ---------------------------------------------------------------- operators
// Brackets and the two tokens that may end a replacement field carry actions
// (bracket depth for implicit line joining; f-string field tracking).
LPAR       : '(' { openBracket(); };
RPAR       : ')' { closeBracket(); };
LSQB       : '[' { openBracket(); };
RSQB       : ']' { closeBracket(); };
LBRACE     : '{' { openBracket(); };
RBRACE     : '}' { closeBrace(); };
COLONEQUAL : ':=' { colonEqual(); };
COLON      : ':' { colon(); };

ELLIPSIS   : '...';
DOT        : '.';
COMMA      : ',';
SEMI       : ';';
RARROW     : '->';
EXCLAMATION: '!';

PLUSEQUAL      : '+=';
MINEQUAL       : '-=';
STAREQUAL      : '*=';
SLASHEQUAL     : '/=';
DOUBLESLASHEQUAL : '//=';
PERCENTEQUAL   : '%=';
ATEQUAL        : '@=';
AMPEREQUAL     : '&=';
VBAREQUAL      : '|=';
CIRCUMFLEXEQUAL: '^=';
LEFTSHIFTEQUAL : '<<=';
RIGHTSHIFTEQUAL: '>>=';
DOUBLESTAREQUAL: '**=';

EQEQUAL    : '==';
NOTEQUAL   : '!=';
LESSEQUAL  : '<=';
GREATEREQUAL : '>=';
LESS       : '<';
GREATER    : '>';
EQUAL      : '=';

DOUBLESTAR : '**';
STAR       : '*';
DOUBLESLASH: '//';
SLASH      : '/';
PERCENT    : '%';
AT         : '@';
PLUS       : '+';
MINUS      : '-';
TILDE      : '~';
LEFTSHIFT  : '<<';
RIGHTSHIFT : '>>';
AMPER      : '&';
VBAR       : '|';
CIRCUMFLEX : '^';

// ---------------------------------------------------------------- layout
// Every physical line break; PyLexerBase.onNewline() skips the ones that are
// not logical line ends and measures the indentation of the next line.
NEWLINE : ( '\r'? '\n' | '\r' ) { onNewline(); };

WS        : [ \t\f]+ -> skip;
COMMENT   : '#' ~[\r\n]* -> skip;
LINE_JOIN : '\\' ( '\r'? '\n' | '\r' ) -> skip;

// Anything else is an error token (reported by PyLexerBase, rejected by the parser).
ERRORTOKEN : . ;

// ---------------------------------------------------------------- fragments
fragment F_PREFIX  : [fF] ;
fragment RF_PREFIX : [fF] [rR] | [rR] [fF] ;
fragment STRING_PREFIX : [rRuUbB] | [bB] [rR] | [rR] [bB] ;

fragment SHORT_SQ_STRING : '\'' SHORT_SQ_CHAR* '\'' ;
fragment SHORT_DQ_STRING : '"' SHORT_DQ_CHAR* '"' ;
fragment SHORT_SQ_CHAR   : ~[\\'\r\n] | ESCAPE_SEQ ;
fragment SHORT_DQ_CHAR   : ~[\\"\r\n] | ESCAPE_SEQ ;
fragment LONG_SQ_STRING  : '\'\'\'' LONG_SQ_CHAR*? '\'\'\'' ;
fragment LONG_DQ_STRING  : '"""' LONG_DQ_CHAR*? '"""' ;
fragment LONG_SQ_CHAR    : ~'\\' | ESCAPE_SEQ ;
fragment LONG_DQ_CHAR    : ~'\\' | ESCAPE_SEQ ;
// A backslash always takes the next character with it (also in raw strings,
// where it keeps a quote from closing the string); '\r\n' counts as one.
// body of a triple-quoted string that never closes: quotes only in runs of one or two
fragment UNCLOSED_SQ_ITEM : ( '\'' '\''? )? ( ~['\\] | ESCAPE_SEQ ) ;
fragment UNCLOSED_DQ_ITEM : ( '"' '"'? )? ( ~["\\] | ESCAPE_SEQ ) ;
fragment ESCAPE_SEQ      : '\\' ( '\r\n' | . ) ;

fragment DEC_INTEGER : NON_ZERO_DIGIT ( '_'? DIGIT )* | '0'+ ( '_'? '0' )* ;
fragment HEX_INTEGER : '0' [xX] ( '_'? [0-9a-fA-F] )+ ;
fragment OCT_INTEGER : '0' [oO] ( '_'? [0-7] )+ ;
fragment BIN_INTEGER : '0' [bB] ( '_'? [01] )+ ;
fragment FLOAT_NUMBER : POINT_FLOAT | EXPONENT_FLOAT ;
fragment POINT_FLOAT : DIGIT_PART? '.' DIGIT_PART EXPONENT? | DIGIT_PART '.' EXPONENT? ;
fragment EXPONENT_FLOAT : DIGIT_PART EXPONENT ;
fragment IMAG_NUMBER : ( FLOAT_NUMBER | DIGIT_PART ) [jJ] ;
fragment DIGIT_PART : DIGIT ( '_'? DIGIT )* ;
fragment EXPONENT : [eE] [+-]? DIGIT_PART ;
fragment NON_ZERO_DIGIT : [1-9] ;
fragment DIGIT : [0-9] ;

fragment ID_START    : [_\p{XID_Start}] ;
fragment ID_CONTINUE : [\p{XID_Continue}] ;

// ================================================================ f-string bodies
// Literal text is FSTRING_MIDDLE ('{{' and '}}' are literal braces); '{'
// opens a replacement field (DEFAULT_MODE is pushed); the closing quote pops.
// Non-raw bodies treat \N{...} as one escape; a backslash before '{' stays
// literal and the '{' still opens a field (as CPython 3.12 does).

mode F_SQ;
F_SQ_END    : '\'' { fstringEnd(); } -> type(FSTRING_END);
F_SQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
F_SQ_RBRACE : '}' -> type(ERRORTOKEN);
F_SQ_EOL    : [\r\n] -> type(ERRORTOKEN);
F_SQ_MIDDLE : ( ~[\\{}'\r\n] | F_ESC | '{{' | '}}' )+ -> type(FSTRING_MIDDLE);
F_SQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
F_SQ_ANY    : . -> type(ERRORTOKEN);

mode F_DQ;
F_DQ_END    : '"' { fstringEnd(); } -> type(FSTRING_END);
F_DQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
F_DQ_RBRACE : '}' -> type(ERRORTOKEN);
F_DQ_EOL    : [\r\n] -> type(ERRORTOKEN);
F_DQ_MIDDLE : ( ~[\\{}"\r\n] | F_ESC | '{{' | '}}' )+ -> type(FSTRING_MIDDLE);
F_DQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
F_DQ_ANY    : . -> type(ERRORTOKEN);

mode F_TSQ;
F_TSQ_END    : '\'\'\'' { fstringEnd(); } -> type(FSTRING_END);
F_TSQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
F_TSQ_RBRACE : '}' -> type(ERRORTOKEN);
F_TSQ_MIDDLE : ( F_TSQ_ITEM | '\'' '\''? F_TSQ_ITEM )+ -> type(FSTRING_MIDDLE);
F_TSQ_QUOTE  : '\'' '\''? -> type(FSTRING_MIDDLE);   // quotes just before a field
F_TSQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
F_TSQ_ANY    : . -> type(ERRORTOKEN);

mode F_TDQ;
F_TDQ_END    : '"""' { fstringEnd(); } -> type(FSTRING_END);
F_TDQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
F_TDQ_RBRACE : '}' -> type(ERRORTOKEN);
F_TDQ_MIDDLE : ( F_TDQ_ITEM | '"' '"'? F_TDQ_ITEM )+ -> type(FSTRING_MIDDLE);
F_TDQ_QUOTE  : '"' '"'? -> type(FSTRING_MIDDLE);
F_TDQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
F_TDQ_ANY    : . -> type(ERRORTOKEN);

mode RF_SQ;
RF_SQ_END    : '\'' { fstringEnd(); } -> type(FSTRING_END);
RF_SQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
RF_SQ_RBRACE : '}' -> type(ERRORTOKEN);
RF_SQ_EOL    : [\r\n] -> type(ERRORTOKEN);
RF_SQ_MIDDLE : ( ~[\\{}'\r\n] | RF_ESC | '{{' | '}}' )+ -> type(FSTRING_MIDDLE);
RF_SQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
RF_SQ_ANY    : . -> type(ERRORTOKEN);

mode RF_DQ;
RF_DQ_END    : '"' { fstringEnd(); } -> type(FSTRING_END);
RF_DQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
RF_DQ_RBRACE : '}' -> type(ERRORTOKEN);
RF_DQ_EOL    : [\r\n] -> type(ERRORTOKEN);
RF_DQ_MIDDLE : ( ~[\\{}"\r\n] | RF_ESC | '{{' | '}}' )+ -> type(FSTRING_MIDDLE);
RF_DQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
RF_DQ_ANY    : . -> type(ERRORTOKEN);

mode RF_TSQ;
RF_TSQ_END    : '\'\'\'' { fstringEnd(); } -> type(FSTRING_END);
RF_TSQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
RF_TSQ_RBRACE : '}' -> type(ERRORTOKEN);
RF_TSQ_MIDDLE : ( RF_TSQ_ITEM | '\'' '\''? RF_TSQ_ITEM )+ -> type(FSTRING_MIDDLE);
RF_TSQ_QUOTE  : '\'' '\''? -> type(FSTRING_MIDDLE);
RF_TSQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
RF_TSQ_ANY    : . -> type(ERRORTOKEN);

mode RF_TDQ;
RF_TDQ_END    : '"""' { fstringEnd(); } -> type(FSTRING_END);
RF_TDQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
RF_TDQ_RBRACE : '}' -> type(ERRORTOKEN);
RF_TDQ_MIDDLE : ( RF_TDQ_ITEM | '"' '"'? RF_TDQ_ITEM )+ -> type(FSTRING_MIDDLE);
RF_TDQ_QUOTE  : '"' '"'? -> type(FSTRING_MIDDLE);
RF_TDQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
RF_TDQ_ANY    : . -> type(ERRORTOKEN);

// ================================================================ format specs
// After a top-level ':' in a replacement field.  '{' opens a nested field,
// '}' closes the spec and the field it belongs to.

mode SPEC_SQ;
SPEC_SQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
SPEC_SQ_RBRACE : '}' { specEnd(); } -> type(RBRACE);
SPEC_SQ_MIDDLE : ( ~[\\{}'\r\n] | F_ESC )+ -> type(FSTRING_MIDDLE);
SPEC_SQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
SPEC_SQ_ANY    : . -> type(ERRORTOKEN);

mode SPEC_DQ;
SPEC_DQ_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
SPEC_DQ_RBRACE : '}' { specEnd(); } -> type(RBRACE);
SPEC_DQ_MIDDLE : ( ~[\\{}"\r\n] | F_ESC )+ -> type(FSTRING_MIDDLE);
SPEC_DQ_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
SPEC_DQ_ANY    : . -> type(ERRORTOKEN);

mode SPEC_LONG;
SPEC_LONG_LBRACE : '{' { fieldStart(); } -> type(LBRACE);
SPEC_LONG_RBRACE : '}' { specEnd(); } -> type(RBRACE);
SPEC_LONG_MIDDLE : ( ~[\\{}] | F_ESC )+ -> type(FSTRING_MIDDLE);
SPEC_LONG_BSLASH : '\\' -> type(FSTRING_MIDDLE);   // before '{' or '}'
SPEC_LONG_ANY    : . -> type(ERRORTOKEN);

// ---------------------------------------------------------------- f-string fragments
// An escape pair; a backslash right before a brace is a token of its own (*_BSLASH rules).
fragment F_ESC  : '\\' ( '\r\n' | ~[{}] ) | '\\N{' ~[}\r\n]* '}' ;
fragment RF_ESC : '\\' ( '\r\n' | ~[{}] ) ;
fragment F_TSQ_ITEM  : ~[\\{}'] | F_ESC | '{{' | '}}' ;
fragment F_TDQ_ITEM  : ~[\\{}"] | F_ESC | '{{' | '}}' ;
fragment RF_TSQ_ITEM : ~[\\{}'] | RF_ESC | '{{' | '}}' ;
fragment RF_TDQ_ITEM : ~[\\{}"] | RF_ESC | '{{' | '}}' ;
