// The lexical grammar of .cpt files. Normative: docs/language.md describes it in prose.
//
// Every character of the input ends up in exactly one token: whitespace and comments go to
// the hidden channel (the syntax tree keeps them as trivia) and anything unexpected becomes a
// BAD_CHARACTER token, so the lexer itself never reports an error.
lexer grammar CptLexer;

// Keywords. Units (`steps`, `tokens`), shapes (`cosine` …) and setting names are plain
// identifiers checked by the binder, which gives better diagnostics than a parse error.
RUN      : 'run';
TRAIN    : 'train';
PRETRAINED : 'pretrained';
SWITCH   : 'switch';
TO       : 'to';
FROM     : 'from';
AT       : 'at';
UNTIL    : 'until';
WARMUP   : 'warmup';
STABLE   : 'stable';
DECAY    : 'decay';
DROP     : 'drop';
REPLAY   : 'replay';
LAW      : 'law';
SWEEP    : 'sweep';
MINIMIZE : 'minimize';
REQUIRE  : 'require';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
EQUALS   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
PERCENT  : '%';
DOT      : '.';
COMMA    : ',';
LESS_EQUAL : '<=';

// The decay shape 1−√r. Longest match makes `1-sqrt` one token rather than `1`, `-`, `sqrt`.
ONE_SQRT : '1-sqrt';

// 2e-4, 36k, 1.5B, .5 — the optional suffix k/M/B scales by 1e3/1e6/1e9.
NUMBER
    : ( DIGITS ('.' DIGITS?)? | '.' DIGITS ) EXPONENT? SCALE?
    ;

// Letters, digits and underscores; inner hyphens allowed (`inverse-sqrt`, `knowledge-pile`).
IDENTIFIER
    : [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)*
    ;

LINE_COMMENT  : '//' ~[\r\n]*              -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? ( '*/' | EOF )    -> channel(HIDDEN);
NEWLINE       : ( '\r\n' | '\r' | '\n' )   -> channel(HIDDEN);
WHITESPACE    : [ \t\f\u000B\u00A0\uFEFF]+ -> channel(HIDDEN);

// Anything else: kept as a token so the parser reports it at its exact position.
BAD_CHARACTER : . ;

fragment DIGITS   : [0-9]+ ('_' [0-9]+)*;
fragment EXPONENT : [eE] [+-]? [0-9]+;
fragment SCALE    : [kMB];
