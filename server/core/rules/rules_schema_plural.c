/*
 * rules_schema_plural.c: the plural of a model name as the Amplify GraphQL
 * transformer forms it for the list query (`list` + pluralize(typeName),
 * graphql-transformer-core getFieldNameFor('list') with
 * graphql-transformer-common plurality(name, true)), which is the npm
 * package pluralize 8.0.0: irregular words, uncountable words, then the
 * first of its suffix rules that matches, tried from the last added to the
 * first, with the case of the replaced part restored.
 *
 * Each suffix rule below is a regular expression of pluralize written as
 * alternatives: `(G1|G2|...)(?:T1|T2|...)$`, where a group alternative may
 * hold classes ([abc], [^abc]) and a tail alternative may be empty. The
 * leftmost match wins, and at one start the first group alternative, then
 * the first tail alternative, as a backtracking matcher would choose. The
 * alternatives are split, measured and stored as constant data, so a call
 * parses nothing: it tries each pair of a group and a tail alternative at
 * the one start that pair allows.
 */
#include "rules_table_schema.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define PLURAL_MAX 128
#define PLURAL_MEMO_MAX 65536 /* names whose plural a model remembers */

/* The two irregular tables: singular -> plural. A word found among the
 * plurals is kept; one found among the singulars is replaced. */
static const char *const irregular[][2] = {
    {"i", "we"},
    {"me", "us"},
    {"he", "they"},
    {"she", "they"},
    {"them", "them"},
    {"myself", "ourselves"},
    {"yourself", "yourselves"},
    {"itself", "themselves"},
    {"herself", "themselves"},
    {"himself", "themselves"},
    {"themself", "themselves"},
    {"is", "are"},
    {"was", "were"},
    {"has", "have"},
    {"this", "these"},
    {"that", "those"},
    {"echo", "echoes"},
    {"dingo", "dingoes"},
    {"volcano", "volcanoes"},
    {"tornado", "tornadoes"},
    {"torpedo", "torpedoes"},
    {"genus", "genera"},
    {"viscus", "viscera"},
    {"stigma", "stigmata"},
    {"stoma", "stomata"},
    {"dogma", "dogmata"},
    {"lemma", "lemmata"},
    {"schema", "schemata"},
    {"anathema", "anathemata"},
    {"ox", "oxen"},
    {"axe", "axes"},
    {"die", "dice"},
    {"yes", "yeses"},
    {"foot", "feet"},
    {"eave", "eaves"},
    {"goose", "geese"},
    {"tooth", "teeth"},
    {"quiz", "quizzes"},
    {"human", "humans"},
    {"proof", "proofs"},
    {"carve", "carves"},
    {"valve", "valves"},
    {"looey", "looies"},
    {"thief", "thieves"},
    {"groove", "grooves"},
    {"pickaxe", "pickaxes"},
    {"passerby", "passersby"},
};

/* Words without a plural (compared with the whole lower-cased word). */
static const char *const uncountable[] = {
    "adulthood", "advice",         "agenda",    "aid",        "aircraft",     "alcohol",
    "ammo",      "analytics",      "anime",     "athletics",  "audio",        "bison",
    "blood",     "bream",          "buffalo",   "butter",     "carp",         "cash",
    "chassis",   "chess",          "clothing",  "cod",        "commerce",     "cooperation",
    "corps",     "debris",         "diabetes",  "digestion",  "elk",          "energy",
    "equipment", "excretion",      "expertise", "firmware",   "flounder",     "fun",
    "gallows",   "garbage",        "graffiti",  "hardware",   "headquarters", "health",
    "herpes",    "highjinks",      "homework",  "housework",  "information",  "jeans",
    "justice",   "kudos",          "labour",    "literature", "machinery",    "mackerel",
    "mail",      "media",          "mews",      "moose",      "music",        "mud",
    "manga",     "news",           "only",      "personnel",  "pike",         "plankton",
    "pliers",    "police",         "pollution", "premises",   "rain",         "research",
    "rice",      "salmon",         "scissors",  "series",     "sewage",       "shambles",
    "shrimp",    "software",       "species",   "staff",      "swine",        "tennis",
    "traffic",   "transportation", "trout",     "tuna",       "wealth",       "welfare",
    "whiting",   "wildebeest",     "wildlife",  "you",
};

/* What a rule makes of its match. */
typedef enum {
    KEEP,  /* the word as it is */
    GROUP, /* the captured group, then add */
    TEXT,  /* add alone */
} plural_kind;

/* One alternative of a rule: its text, its length in bytes and the number
 * of characters it matches (a class [...] matches one). */
typedef struct plural_alt {
    const char *text;
    unsigned char len, width;
} plural_alt;

/* An alternative written as a literal: its width is its length. */
#define LIT(s)                                                                                     \
    {                                                                                              \
        s, sizeof s - 1, sizeof s - 1                                                              \
    }
/* An alternative holding classes: its width is given. */
#define CLS(s, w)                                                                                  \
    {                                                                                              \
        s, sizeof s - 1, w                                                                         \
    }
/* A list of alternatives and its size. */
#define ALTS(...)                                                                                  \
    (const plural_alt[]){__VA_ARGS__},                                                             \
        sizeof((const plural_alt[]){__VA_ARGS__}) / sizeof(plural_alt)

typedef struct plural_rule {
    const plural_alt *groups; /* alternatives of the (captured) group */
    size_t group_count;
    const plural_alt *tails; /* alternatives after it (one may be empty) */
    size_t tail_count;
    bool at_start; /* ^ or \b before the group: only a match of the whole word */
    plural_kind kind;
    const char *add;
} plural_rule;

/* pluralize's plural rules and its uncountable patterns, in the order they
 * are tried (the reverse of the order pluralize adds them), split into
 * their alternatives once, here. */
static const plural_rule rules[] = {
    {ALTS(LIT("sheep")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("pox")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(CLS("o[iu]s", 3)), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("measles")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("fish")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("deer")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(CLS("[^aeiou]ese", 4)), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("pokemon")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("thou")), ALTS(LIT("")), true, TEXT, "you"},
    {ALTS(CLS("m[ae]n", 3)), ALTS(LIT("")), false, TEXT, "men"},
    {ALTS(LIT("eaux")), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("child")), ALTS(LIT("ren"), LIT("")), false, GROUP, "ren"},
    {ALTS(LIT("pe")), ALTS(LIT("rson"), LIT("ople")), false, GROUP, "ople"},
    {ALTS(LIT("titm"), LIT("m"), LIT("l")), ALTS(LIT("ice"), LIT("ouse")), true, GROUP, "ice"},
    {ALTS(LIT("matr"), LIT("cod"), LIT("mur"), LIT("sil"), LIT("vert"), LIT("ind"), LIT("append")),
     ALTS(LIT("ix"), LIT("ex")), false, GROUP, "ices"},
    {ALTS(LIT("x"), LIT("ch"), LIT("ss"), LIT("sh"), LIT("zz")), ALTS(LIT("")), false, GROUP, "es"},
    {ALTS(CLS("[^ch][ieo][ln]", 3)), ALTS(LIT("ey")), false, GROUP, "ies"},
    {ALTS(CLS("[^aeiouy]", 1), LIT("qu")), ALTS(LIT("y")), false, GROUP, "ies"},
    {ALTS(LIT("kni"), LIT("wi"), LIT("li")), ALTS(LIT("fe")), false, GROUP, "ves"},
    {ALTS(LIT("ar"), LIT("l"), LIT("ea"), LIT("eo"), LIT("oa"), LIT("hoo")), ALTS(LIT("f")), false,
     GROUP, "ves"},
    {ALTS(LIT("sis")), ALTS(LIT("")), false, TEXT, "ses"},
    {ALTS(LIT("apheli"), LIT("hyperbat"), LIT("periheli"), LIT("asyndet"), LIT("noumen"),
          LIT("phenomen"), LIT("criteri"), LIT("organ"), LIT("prolegomen"), LIT("hedr"),
          LIT("automat")),
     ALTS(LIT("a"), LIT("on")), false, GROUP, "a"},
    {ALTS(LIT("agend"), LIT("addend"), LIT("millenni"), LIT("dat"), LIT("extrem"), LIT("bacteri"),
          LIT("desiderat"), LIT("strat"), LIT("candelabr"), LIT("errat"), LIT("ov"), LIT("symposi"),
          LIT("curricul"), LIT("automat"), LIT("quor")),
     ALTS(LIT("a"), LIT("um")), false, GROUP, "a"},
    {ALTS(LIT("her"), LIT("at"), LIT("gr")), ALTS(LIT("o")), false, GROUP, "oes"},
    {ALTS(LIT("seraph"), LIT("cherub")), ALTS(LIT("im"), LIT("")), false, GROUP, "im"},
    {ALTS(LIT("alumn"), LIT("alg"), LIT("vertebr")), ALTS(LIT("a"), LIT("ae")), false, GROUP, "ae"},
    {ALTS(LIT("alumn"), LIT("syllab"), LIT("vir"), LIT("radi"), LIT("nucle"), LIT("fung"),
          LIT("cact"), LIT("stimul"), LIT("termin"), LIT("bacill"), LIT("foc"), LIT("uter"),
          LIT("loc"), LIT("strat")),
     ALTS(LIT("us"), LIT("i")), false, GROUP, "i"},
    {ALTS(CLS("e[mn]u", 3)), ALTS(LIT("s"), LIT("")), false, GROUP, "s"},
    {ALTS(CLS("[^l]ias", 4), CLS("[aeiou]las", 4), CLS("[ejzr]as", 3), CLS("[iu]am", 3)),
     ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("alias"), CLS("[^aou]us", 3), CLS("t[lm]as", 4), LIT("gas"), LIT("ris")),
     ALTS(LIT("")), false, GROUP, "es"},
    {ALTS(LIT("ax"), LIT("test")), ALTS(LIT("is")), false, GROUP, "es"},
    {ALTS(CLS("[^aeiou]ese", 4)), ALTS(LIT("")), false, KEEP, NULL},
    {ALTS(LIT("s"), LIT("")), ALTS(LIT("")), false, TEXT, "s"},
};

/* True when alternative a matches text (lower case, at least a->width
 * bytes) exactly. */
static bool alt_match(const plural_alt *a, const char *text)
{
    const char *p = a->text, *end = p + a->len;
    for (; p < end; p++, text++) {
        if (*p != '[') {
            if (*p != *text)
                return false;
            continue;
        }
        bool negate = p[1] == '^';
        bool in = false;
        for (p += negate ? 2 : 1; p < end && *p != ']'; p++)
            in |= *p == *text;
        if (in == negate)
            return false;
    }
    return true;
}

/* Finds the leftmost match of rule r in the lower-cased word w (n bytes):
 * its start and the length of the captured group. A match ends at the end
 * of the word, so each pair of a group and a tail alternative fixes its
 * start; of the pairs that match, the earliest start wins, and at one
 * start the first group, then the first tail, as a backtracking matcher
 * would choose. Each tail is compared once with the end of the word, then
 * each group with what precedes it (its last letter first). */
static bool rule_match(const plural_rule *r, const char *w, size_t n, size_t *start, size_t *group)
{
    size_t best = n + 1, best_g = 0, width = 0; /* no match yet */
    for (size_t ti = 0; ti < r->tail_count; ti++) {
        const plural_alt *t = &r->tails[ti];
        if (t->len > n || memcmp(t->text, w + n - t->len, t->len) != 0)
            continue;
        size_t end = n - t->len; /* where the group ends */
        for (size_t gi = 0; gi < r->group_count; gi++) {
            const plural_alt *g = &r->groups[gi];
            if (g->width > end)
                continue;
            size_t s = end - g->width;
            char last = g->len ? g->text[g->len - 1] : ']';
            if (s > best || (s == best && gi >= best_g) || (r->at_start && s != 0) ||
                (last != ']' && last != w[end - 1]) || !alt_match(g, w + s))
                continue;
            best = s;
            best_g = gi;
            width = g->width;
        }
    }
    *start = best;
    *group = width;
    return best <= n;
}

static bool has_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isupper((unsigned char)s[i]))
            return true;
    return false;
}

static bool has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (islower((unsigned char)s[i]))
            return true;
    return false;
}

/* pluralize's restoreCase: token (tn bytes, in buf) takes the case of word
 * (wn bytes): equal, all lower, all upper, or capitalised. */
static void restore_case(const char *word, size_t wn, char *token, size_t tn)
{
    if (wn == tn && memcmp(word, token, tn) == 0)
        return;
    bool lower = !has_upper(word, wn), upper = !has_lower(word, wn);
    for (size_t i = 0; i < tn; i++) {
        bool up = !lower && (upper || (i == 0 && !islower((unsigned char)word[0])));
        token[i] = (char)(up ? toupper((unsigned char)token[i]) : tolower((unsigned char)token[i]));
    }
}

/* Writes prefix (pn bytes) and token (tn bytes) into out, false when they
 * do not fit. */
static bool put(char *out, size_t cap, const char *prefix, size_t pn, const char *token, size_t tn)
{
    if (pn + tn >= cap)
        return false;
    memcpy(out, prefix, pn);
    memcpy(out + pn, token, tn);
    out[pn + tn] = '\0';
    return true;
}

/* The plural of an irregular word: a known plural is kept, a known
 * singular replaced (plurals first); false when w (lower case) is neither. */
static bool irregular_plural(const char *word, const char *w, size_t n, char *out, size_t cap,
                             bool *ok)
{
    for (int side = 1; side >= 0; side--)
        for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
            if (w[0] == irregular[i][side][0] && strcmp(w, irregular[i][side]) == 0) {
                char token[PLURAL_MAX];
                size_t tn = strlen(irregular[i][1]);
                memcpy(token, irregular[i][1], tn);
                restore_case(word, n, token, tn);
                *ok = put(out, cap, "", 0, token, tn);
                return true;
            }
    return false;
}

static bool is_uncountable(const char *w)
{
    for (size_t i = 0; i < sizeof uncountable / sizeof uncountable[0]; i++)
        if (w[0] == uncountable[i][0] && strcmp(w, uncountable[i]) == 0)
            return true;
    return false;
}

bool amp_schema_plural(const char *word, char *out, size_t cap)
{
    size_t n = word ? strlen(word) : 0;
    char w[PLURAL_MAX], token[PLURAL_MAX * 2];
    bool ok;
    if (n == 0 || n >= PLURAL_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)word[i] >= 0x80)
            return false; /* not a GraphQL name */
        w[i] = (char)tolower((unsigned char)word[i]);
    }
    w[n] = '\0';
    if (irregular_plural(word, w, n, out, cap, &ok))
        return ok;
    if (is_uncountable(w))
        return put(out, cap, "", 0, word, n);
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const plural_rule *r = &rules[i];
        size_t s, g;
        if (!rule_match(r, w, n, &s, &g))
            continue;
        if (r->kind == KEEP)
            return put(out, cap, "", 0, word, n);
        size_t gn = r->kind == GROUP ? g : 0, an = strlen(r->add);
        memcpy(token, word + s, gn);
        memcpy(token + gn, r->add, an);
        if (s < n)
            restore_case(word + s, n - s, token, gn + an);
        else /* an empty match takes the case of the letter before it */
            restore_case(word + n - 1, 1, token, gn + an);
        return put(out, cap, word, s, token, gn + an);
    }
    return put(out, cap, "", 0, word, n);
}

bool amp_schema_plural_of(const amp_model *m, const char *word, char *out, size_t cap)
{
    amp_name_memo *memo = word ? amp_model_name_memo(m) : NULL;
    const char *known = memo ? amp_strmap_get(&memo->plurals, word) : NULL;
    size_t n = known ? strlen(known) : 0;
    if (known && n < cap) {
        memcpy(out, known, n + 1);
        return true;
    }
    if (!amp_schema_plural(word, out, cap))
        return false;
    if (memo && memo->plurals.count < PLURAL_MEMO_MAX) {
        char *copy = strdup(out);
        if (copy && amp_strmap_put(&memo->plurals, word, copy, NULL) != 0)
            free(copy);
    }
    return true;
}
