/*
 * Python 3 parser (language level 3.12/3.13), written for pipeshift from the
 * Python Language Reference (chapters 6-8 and the PEG grammar in chapter 10).
 *
 * Design rules (performance under ANTLR's ALL(*) and SLL prediction):
 *  - Statement-level assignments are parsed as "expressions, then look at the
 *    next token" (exprStmt), never by predicting targets ahead of time.
 *  - Every decision that is not LL(1) needs at most two or three tokens, except
 *    the few that CPython's own grammar also resolves with unbounded lookahead:
 *    'match' statements vs expressions starting with the name 'match', the
 *    dict-vs-set decision after '{', and parenthesised with-items.
 *  - Binary arithmetic/bitwise operators form one flat list per bitExpr
 *    (operands are factors); operator precedence among them is applied by the
 *    tree consumer.  Boolean operators, 'not', comparisons, unary operators,
 *    '**' and 'await' keep their own structure.  This keeps the tree shallow.
 *  - Soft keywords (match, case, type, _) are separate tokens; `name` accepts
 *    them wherever an identifier may stand.
 *
 * What CPython's parser checks beyond its grammar proper (its "invalid_*"
 * rules: which expressions may be assignment/del/for targets, argument and
 * parameter ordering, starred expressions where they are not allowed,
 * string literal escapes, mixing bytes and str literals, ...) is checked by
 * PyParserBase, called from the {actions} at the end of the rules concerned.
 */
parser grammar PyParser;

options {
    tokenVocab = PyLexer;
    superClass = PyParserBase;
    contextSuperClass = PyParserRuleContext;
}

// ================================================================ entry point

fileInput
    : statement* EOF
    ;

// ================================================================ statements

statement
    : compoundStmt
    | simpleStmts
    ;

simpleStmts
    : simpleStmt (SEMI simpleStmt)* SEMI? NEWLINE
    ;

simpleStmt
    : exprStmt
    | returnStmt
    | importStmt
    | raiseStmt
    | passStmt
    | delStmt
    | yieldStmt
    | assertStmt
    | breakStmt
    | continueStmt
    | globalStmt
    | nonlocalStmt
    | typeAlias
    ;

// Expression statement, assignment (possibly chained), annotated and augmented assignment.
exprStmt
    : starExpressions
      ( COLON expression (EQUAL annotatedRhs)?  { checkAssignment($ctx); }   // annotated
      | augAssign annotatedRhs                  { checkAssignment($ctx); }
      | (EQUAL annotatedRhs)+                   { checkAssignment($ctx); }
      | /* expression statement */
      )
    ;

annotatedRhs
    : yieldExpr
    | starExpressions
    ;

augAssign
    : PLUSEQUAL | MINEQUAL | STAREQUAL | ATEQUAL | SLASHEQUAL | PERCENTEQUAL | AMPEREQUAL
    | VBAREQUAL | CIRCUMFLEXEQUAL | LEFTSHIFTEQUAL | RIGHTSHIFTEQUAL | DOUBLESTAREQUAL
    | DOUBLESLASHEQUAL
    ;

returnStmt   : RETURN starExpressions? ;
raiseStmt    : RAISE (expression (FROM expression)?)? ;
passStmt     : PASS ;
breakStmt    : BREAK ;
continueStmt : CONTINUE ;
globalStmt   : GLOBAL name (COMMA name)* ;
nonlocalStmt : NONLOCAL name (COMMA name)* ;
delStmt      : DEL delTargets ;
yieldStmt    : yieldExpr ;
assertStmt   : ASSERT expression (COMMA expression)? ;

delTargets
    : primary (COMMA primary)* COMMA? { checkDelTargets($ctx); }
    ;

// PEP 695 type alias (3.12): `type X[T] = ...`
typeAlias
    : TYPE name typeParams? EQUAL expression
    ;

importStmt
    : importName
    | importFrom
    ;

importName
    : IMPORT dottedAsName (COMMA dottedAsName)*
    ;

importFrom
    : FROM (DOT | ELLIPSIS)* dottedName IMPORT importTargets
    | FROM (DOT | ELLIPSIS)+ IMPORT importTargets
    ;

importTargets
    : LPAR importAsName (COMMA importAsName)* COMMA? RPAR
    | importAsName (COMMA importAsName)*
    | STAR
    ;

importAsName : name (AS name)? ;
dottedAsName : dottedName (AS name)? ;
dottedName   : name (DOT name)* ;

// ---------------------------------------------------------------- compound statements

compoundStmt
    : ifStmt
    | whileStmt
    | forStmt
    | tryStmt
    | withStmt
    | funcDef
    | classDef
    | decorated
    | matchStmt
    ;

block
    : NEWLINE INDENT statement+ DEDENT
    | simpleStmts
    ;

ifStmt
    : IF namedExpression COLON block elifClause* elseBlock?
    ;

elifClause
    : ELIF namedExpression COLON block
    ;

elseBlock
    : ELSE COLON block
    ;

whileStmt
    : WHILE namedExpression COLON block elseBlock?
    ;

forStmt
    : ASYNC? FOR starTargets IN starExpressions COLON block elseBlock?
    ;

tryStmt
    : TRY COLON block
      ( finallyBlock
      | exceptBlock+ elseBlock? finallyBlock?
      | exceptStarBlock+ elseBlock? finallyBlock?
      )
    ;

exceptBlock
    : EXCEPT (expression (AS name)?)? COLON block
    ;

exceptStarBlock
    : EXCEPT STAR expression (AS name)? COLON block
    ;

finallyBlock
    : FINALLY COLON block
    ;

// `with (a, b):` matches both alternatives; like CPython's PEG grammar, the
// first (parenthesised items) wins.
withStmt
    : ASYNC? WITH
      ( LPAR withItem (COMMA withItem)* COMMA? RPAR COLON
      | withItem (COMMA withItem)* COLON
      )
      block
    ;

withItem
    : expression (AS target=starTarget { checkStarTarget($target.ctx); })?
    ;

funcDef
    : ASYNC? DEF name typeParams? LPAR parameters? RPAR (RARROW expression)? COLON block
    ;

classDef
    : CLASS name typeParams? (LPAR arguments? RPAR)? COLON block
    ;

decorated
    : decorator+ (classDef | funcDef)
    ;

decorator
    : AT namedExpression NEWLINE
    ;

// PEP 695/696 type parameter lists (3.12, defaults 3.13)
typeParams
    : LSQB typeParam (COMMA typeParam)* COMMA? RSQB
    ;

typeParam
    : name (COLON expression)? (EQUAL expression)?
    | STAR name (EQUAL starExpression)?
    | DOUBLESTAR name (EQUAL expression)?
    ;

// ---------------------------------------------------------------- parameters

// PEP 570 positional-only marker, bare '*', keyword-only parameters, **kwargs.
parameters
    : param (COMMA param)* (COMMA SLASH (COMMA param)*)? (COMMA starEtc?)? { checkDefaults($ctx.param()); }
    | starEtc
    ;

param
    : name annotation? (EQUAL expression)?
    ;

annotation
    : COLON expression
    ;

starEtc
    : STAR ( starParam (COMMA param)* | (COMMA param)+ ) (COMMA kwdsParam?)?
    | kwdsParam
    ;

// `*args: *Ts` (3.11) allows a starred annotation
starParam
    : name (COLON (expression | STAR bitExpr))?
    ;

kwdsParam
    : DOUBLESTAR name annotation? COMMA?
    ;

lambdaParameters
    : lambdaParam (COMMA lambdaParam)* (COMMA SLASH (COMMA lambdaParam)*)? (COMMA lambdaStarEtc?)?
      { checkDefaults($ctx.lambdaParam()); }
    | lambdaStarEtc
    ;

lambdaParam
    : name (EQUAL expression)?
    ;

lambdaStarEtc
    : STAR ( name (COMMA lambdaParam)* | (COMMA lambdaParam)+ ) (COMMA lambdaKwds?)?
    | lambdaKwds
    ;

lambdaKwds
    : DOUBLESTAR name COMMA?
    ;

// ---------------------------------------------------------------- match statement (PEP 634)

matchStmt
    : MATCH subjectExpr COLON NEWLINE INDENT caseBlock+ DEDENT
    ;

subjectExpr
    : starNamedExpression (COMMA starNamedExpression)* COMMA? { checkSubject($ctx); }
    ;

caseBlock
    : CASE patterns guard? COLON block
    ;

guard
    : IF namedExpression
    ;

// A top-level open sequence (`case a, *rest:`) or a single pattern.
patterns
    : pattern (COMMA maybeSequence?)?
    | starPattern COMMA maybeSequence?
    ;

maybeSequence
    : maybeStarPattern (COMMA maybeStarPattern)* COMMA?
    ;

maybeStarPattern
    : starPattern
    | pattern
    ;

starPattern
    : STAR (captureName | UNDERSCORE)
    ;

pattern
    : orPattern (AS captureName)?
    ;

orPattern
    : closedPattern (VBAR closedPattern)*
    ;

// capture (`x`), wildcard (`_`), value (`a.b`) and class (`C(...)`) patterns all
// start with a (dotted) name; the shape tells them apart.
closedPattern
    : literalPattern
    | patternName (DOT patternName)* (LPAR classPatternArgs? RPAR)?
    | LPAR patterns? RPAR
    | LSQB maybeSequence? RSQB
    | mappingPattern
    ;

literalPattern
    : signedNumber ((PLUS | MINUS) NUMBER)?
    | STRING+ { checkStrings($ctx); }
    | NONE
    | TRUE
    | FALSE
    ;

signedNumber
    : MINUS? NUMBER
    ;

classPatternArgs
    : pattern (COMMA pattern)* (COMMA keywordPattern)* COMMA?
    | keywordPattern (COMMA keywordPattern)* COMMA?
    ;

keywordPattern
    : name EQUAL pattern
    ;

mappingPattern
    : LBRACE
      ( mappingItem (COMMA mappingItem)* (COMMA doubleStarPattern)? COMMA?
      | doubleStarPattern COMMA?
      )?
      RBRACE
    ;

mappingItem
    : (literalPattern | patternName (DOT patternName)+) COLON pattern
    ;

doubleStarPattern
    : DOUBLESTAR captureName
    ;

patternName
    : NAME | MATCH | CASE | TYPE | UNDERSCORE
    ;

captureName
    : NAME | MATCH | CASE | TYPE
    ;

// ================================================================ expressions

starExpressions
    : starExpression (COMMA starExpression)* COMMA?
    ;

starExpression
    : STAR bitExpr
    | expression
    ;

starNamedExpression
    : STAR bitExpr
    | namedExpression
    ;

namedExpression
    : name COLONEQUAL expression
    | expression
    ;

expression
    : disjunction (IF disjunction ELSE expression)?
    | lambdef
    ;

yieldExpr
    : YIELD (FROM expression | starExpressions)?
    ;

lambdef
    : LAMBDA lambdaParameters? COLON expression
    ;

// Flat list of 'and'/'or' operands, each with its own leading 'not's:
// 'not' binds tighter than 'and', which binds tighter than 'or'.
disjunction
    : NOT* comparison ((AND | OR) NOT* comparison)*
    ;

// Chained comparison: a < b == c.  'not in' and 'is not' are two tokens.
comparison
    : bitExpr ((EQEQUAL | NOTEQUAL | LESS | LESSEQUAL | GREATER | GREATEREQUAL | IN | NOT IN | IS NOT?) bitExpr)*
    ;

// Flat list: factor (op factor)*.  Precedence, loosest first:
//   |   ^   &   << >>   + -   * / // % @
bitExpr
    : factor ((VBAR | CIRCUMFLEX | AMPER | LEFTSHIFT | RIGHTSHIFT | PLUS | MINUS
              | STAR | SLASH | DOUBLESLASH | PERCENT | AT) factor)*
    ;

// Unary operators apply to the whole power `await? primary ** factor`:
// -x ** 2 == -(x ** 2),  2 ** -1 is 2 ** (-1).
factor
    : (PLUS | MINUS | TILDE)* AWAIT? primary (DOUBLESTAR factor)?
    ;

primary
    : atom trailer*
    ;

trailer
    : DOT name
    | LPAR arguments? RPAR
    | LSQB slices RSQB
    ;

atom
    : NAME | MATCH | CASE | TYPE | UNDERSCORE
    | NUMBER
    | strings
    | NONE | TRUE | FALSE | ELLIPSIS
    | LPAR (yieldExpr | paren=starNamedExpressionsOrComp { checkStarredInDisplay($paren.ctx, true); })? RPAR
                                                            // group, tuple, generator
    | LSQB (list=starNamedExpressionsOrComp { checkStarredInDisplay($list.ctx, false); })? RSQB
                                                            // list, list comprehension
    | LBRACE dictOrSetBody? RBRACE                          // dict, set, comprehensions
    ;

starNamedExpressionsOrComp
    : starNamedExpression (compFor | (COMMA starNamedExpression)* COMMA?)
    ;

dictOrSetBody
    : dictItem (compFor | (COMMA dictItem)* COMMA?)                         { checkDictOrSet($ctx); }
    | starNamedExpression (compFor | (COMMA starNamedExpression)* COMMA?)   { checkDictOrSet($ctx); }
    ;

dictItem
    : expression COLON expression
    | DOUBLESTAR bitExpr
    ;

compFor
    : compForClause+
    ;

compForClause
    : ASYNC? FOR starTargets IN disjunction (IF disjunction)*
    ;

// ---------------------------------------------------------------- targets (for loops, comprehensions, `as`)

starTargets
    : starTarget (COMMA starTarget)* COMMA? { checkStarTargets($ctx); }
    ;

starTarget
    : STAR? primary
    ;

// ---------------------------------------------------------------- calls and subscripts

arguments
    : argument (COMMA argument)* COMMA? { checkArguments($ctx); }
    ;

argument
    : name EQUAL expression
    | STAR expression
    | DOUBLESTAR expression
    | namedExpression compFor?
    ;

slices
    : slice (COMMA slice)* COMMA?
    ;

slice
    : expression (COLON expression? (COLON expression?)?)?
    | COLON expression? (COLON expression?)?
    | name COLONEQUAL expression
    | STAR bitExpr
    ;

// ---------------------------------------------------------------- strings and f-strings

strings
    : (STRING | fstring)+ { checkStrings($ctx); }
    ;

fstring
    : FSTRING_START fstringPart* FSTRING_END
    ;

fstringPart
    : FSTRING_MIDDLE
    | fstringReplacementField
    ;

fstringReplacementField
    : LBRACE (yieldExpr | starExpressions) EQUAL? fstringConversion? fstringFormatSpec? RBRACE
    ;

fstringConversion
    : EXCLAMATION name { checkConversion($ctx); }
    ;

fstringFormatSpec
    : COLON fstringPart*
    ;

// ---------------------------------------------------------------- names

name
    : NAME | MATCH | CASE | TYPE | UNDERSCORE
    ;
