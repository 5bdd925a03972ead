// The syntactic grammar of .cpt files. Normative: docs/language.md describes it in prose.
//
// ANTLR is only the parser: src/CptLang/Syntax maps this parse tree once into cptc's own typed,
// immutable syntax tree, and nothing after Syntax/ sees ANTLR types. The grammar is deliberately
// permissive where the binder can say more (a value may be any word or number; the binder
// decides whether it is a learning rate, a ratio or a setting) so that mistakes get precise,
// coded diagnostics instead of generic parse errors.
parser grammar CptParser;

options { tokenVocab = CptLexer; }

compilationUnit
    : member* EOF
    ;

member
    : runDeclaration
    | lawDeclaration
    | sweepDeclaration
    | property
    ;

// ── runs ────────────────────────────────────────────────────────────────────────────────

runDeclaration
    : RUN name=IDENTIFIER LBRACE runItem* RBRACE
    ;

runItem
    : property
    | trainStage
    | pretrainedStage
    | switchStage
    ;

// `peak_lr 2e-4`, `tokens_per_step 4M`, `lambda 0.999`, `warmup_area peak`.
property
    : name=IDENTIFIER value
    ;

trainStage
    : TRAIN domain=IDENTIFIER stageBody
    ;

// An open checkpoint whose pre-training schedule is unknown (CPT §6).
pretrainedStage
    : PRETRAINED domain=IDENTIFIER
    ;

switchStage
    : SWITCH TO domain=IDENTIFIER stageBody
    ;

stageBody
    : LBRACE stageItem* RBRACE
    ;

stageItem
    : replay
    | phase
    ;

replay
    : REPLAY domain=IDENTIFIER value
    ;

// Lengths, a decay's `to` and a stable phase's shape are optional here so that the binder can
// name what is missing (or superfluous) instead of ANTLR cascading through the stage.
phase
    : WARMUP length? fromClause? toClause? shape?      # warmupPhase
    | STABLE length? atClause? shape?                  # stablePhase
    | DECAY length? fromClause? toClause? shape?       # decayPhase
    | DROP toClause                                    # dropPhase
    ;

// `36k steps`, `40B tokens`, `until 90k`.
length
    : amount=value unit=IDENTIFIER?                    # countLength
    | UNTIL step=value                                 # untilLength
    ;

fromClause : FROM value ;
toClause   : TO value ;
atClause   : AT value ;

// `cosine`, `1-sqrt`, `polynomial(2)`.
shape
    : ONE_SQRT
    | IDENTIFIER (LPAREN value RPAREN)?
    ;

// A number (`2e-4`, `-0.666`, `10%`) or a word (`peak`, `step`, or a mistake such as `nan`).
value
    : MINUS? NUMBER PERCENT?
    | IDENTIFIER
    ;

// ── laws ────────────────────────────────────────────────────────────────────────────────

lawDeclaration
    : LAW name=IDENTIFIER form=IDENTIFIER? lawBody     # lawBlock
    | LAW name=IDENTIFIER EQUALS lawExpression lawBody? # lawDefinition
    ;

// The uncertainty part (`uncertainty { sd L0 = 0.004 … }`, written by `cptc fit`) follows the
// parameters; its name is a word so that `uncertainty` stays usable as a name elsewhere, and the
// binder checks it (docs/language.md §7.8).
lawBody
    : LBRACE parameter* uncertaintyPart* RBRACE
    ;

uncertaintyPart
    : name=IDENTIFIER LBRACE uncertaintyEntry* RBRACE
    ;

// `noise = 0.0012`, `sd alpha = 0.02`, `corr L0 A = -0.93`: a key, the parameters it is about, a value.
uncertaintyEntry
    : key=IDENTIFIER subjects+=IDENTIFIER* EQUALS value
    ;

parameter
    : name=IDENTIFIER EQUALS value
    ;

// `0.867 * fineweb + 0.152 * kp` (an out-of-domain set) or `paper.fig3.general` (a preset).
lawExpression
    : lawTerm (sign=(PLUS | MINUS) lawTerm)*
    ;

lawTerm
    : (value STAR)? qualifiedName
    ;

qualifiedName
    : IDENTIFIER (DOT IDENTIFIER)*
    ;

// ── sweeps ──────────────────────────────────────────────────────────────────────────────

// `sweep RUN { axes, objective, constraints }`: the candidate runs `cptc optimize` compares,
// all reshaped from the named run (its schedule family).
sweepDeclaration
    : SWEEP run=IDENTIFIER LBRACE sweepItem* RBRACE
    ;

sweepItem
    : REPLAY domain=IDENTIFIER sweepValues                              # replayAxis
    | name=IDENTIFIER sweepValues                                       # namedAxis
    | MINIMIZE lawExpression                                            # objective
    | REQUIRE subject=IDENTIFIER measure=IDENTIFIER? LESS_EQUAL bound=value # requirement
    ;

// `1e-5 to 1e-4 step 1e-5` (`step` is checked by the binder: it is also a setting's value)
// or `5k, 10k, 20k` / `linear, cosine, 1-sqrt`.
sweepValues
    : low=value TO high=value stepWord=IDENTIFIER step=value            # sweepRange
    | sweepValue (COMMA sweepValue)*                                    # sweepList
    ;

sweepValue
    : MINUS? NUMBER PERCENT?
    | shape
    ;
