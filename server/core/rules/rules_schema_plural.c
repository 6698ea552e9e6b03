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
 * the first tail alternative, as a backtracking matcher would choose.
 */
#include "rules_table_schema.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define PLURAL_MAX 128

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

typedef struct plural_rule {
    const char *groups; /* alternatives of the (captured) group, '|'-separated */
    const char *tails;  /* alternatives after it ("" or ending in '|': may be empty) */
    bool at_start;      /* ^ or \b before the group: only a match of the whole word */
    plural_kind kind;
    const char *add;
} plural_rule;

/* pluralize's plural rules and its uncountable patterns, in the order they
 * are tried (the reverse of the order pluralize adds them). */
static const plural_rule rules[] = {
    {"sheep", "", false, KEEP, NULL},
    {"pox", "", false, KEEP, NULL},
    {"o[iu]s", "", false, KEEP, NULL},
    {"measles", "", false, KEEP, NULL},
    {"fish", "", false, KEEP, NULL},
    {"deer", "", false, KEEP, NULL},
    {"[^aeiou]ese", "", false, KEEP, NULL},
    {"pokemon", "", false, KEEP, NULL},
    {"thou", "", true, TEXT, "you"},
    {"m[ae]n", "", false, TEXT, "men"},
    {"eaux", "", false, KEEP, NULL},
    {"child", "ren|", false, GROUP, "ren"},
    {"pe", "rson|ople", false, GROUP, "ople"},
    {"titm|m|l", "ice|ouse", true, GROUP, "ice"},
    {"matr|cod|mur|sil|vert|ind|append", "ix|ex", false, GROUP, "ices"},
    {"x|ch|ss|sh|zz", "", false, GROUP, "es"},
    {"[^ch][ieo][ln]", "ey", false, GROUP, "ies"},
    {"[^aeiouy]|qu", "y", false, GROUP, "ies"},
    {"kni|wi|li", "fe", false, GROUP, "ves"},
    {"ar|l|ea|eo|oa|hoo", "f", false, GROUP, "ves"},
    {"sis", "", false, TEXT, "ses"},
    {"apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat",
     "a|on", false, GROUP, "a"},
    {"agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|"
     "curricul|automat|quor",
     "a|um", false, GROUP, "a"},
    {"her|at|gr", "o", false, GROUP, "oes"},
    {"seraph|cherub", "im|", false, GROUP, "im"},
    {"alumn|alg|vertebr", "a|ae", false, GROUP, "ae"},
    {"alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat", "us|i", false,
     GROUP, "i"},
    {"e[mn]u", "s|", false, GROUP, "s"},
    {"[^l]ias|[aeiou]las|[ejzr]as|[iu]am", "", false, KEEP, NULL},
    {"alias|[^aou]us|t[lm]as|gas|ris", "", false, GROUP, "es"},
    {"ax|test", "is", false, GROUP, "es"},
    {"[^aeiou]ese", "", false, KEEP, NULL},
    {"s|", "", false, TEXT, "s"},
};

/* The number of characters alternative alt (of length n) matches. */
static size_t alt_width(const char *alt, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++, w++)
        if (alt[i] == '[')
            while (i < n && alt[i] != ']')
                i++;
    return w;
}

/* True when alternative alt (n bytes) matches text exactly (lower case). */
static bool alt_match(const char *alt, size_t n, const char *text)
{
    for (size_t i = 0; i < n; i++, text++) {
        if (alt[i] != '[') {
            if (alt[i] != *text)
                return false;
            continue;
        }
        bool negate = alt[i + 1] == '^';
        bool in = false;
        for (i += negate ? 2 : 1; i < n && alt[i] != ']'; i++)
            in |= alt[i] == *text;
        if (in == negate)
            return false;
    }
    return true;
}

/* The next '|'-separated alternative of *list, or false at the end. An
 * empty list has one empty alternative. */
static bool next_alt(const char **list, bool *done, const char **alt, size_t *n)
{
    if (*done)
        return false;
    const char *bar = strchr(*list, '|');
    *alt = *list;
    *n = bar ? (size_t)(bar - *list) : strlen(*list);
    if (bar)
        *list = bar + 1;
    else
        *done = true;
    return true;
}

/* Finds the leftmost match of rule r in the lower-cased word w (n bytes):
 * its start and the length of the captured group. */
static bool rule_match(const plural_rule *r, const char *w, size_t n, size_t *start, size_t *group)
{
    /* A match ends at the end of the word and spans at most the widest
     * group plus the longest tail, so no earlier start can match. */
    size_t widest = 0, longest = 0, len;
    const char *list = r->groups, *alt;
    for (bool done = false; next_alt(&list, &done, &alt, &len);)
        widest = alt_width(alt, len) > widest ? alt_width(alt, len) : widest;
    list = r->tails;
    for (bool done = false; next_alt(&list, &done, &alt, &len);)
        longest = len > longest ? len : longest;
    size_t first = n > widest + longest ? n - widest - longest : 0;
    if (r->at_start && first > 0)
        return false;
    for (size_t s = first; s <= n && (s == 0 || !r->at_start); s++) {
        const char *gl = r->groups, *g;
        size_t gn;
        for (bool gdone = false; next_alt(&gl, &gdone, &g, &gn);) {
            size_t gw = alt_width(g, gn);
            if (gw > n - s || !alt_match(g, gn, w + s))
                continue;
            const char *tl = r->tails, *t;
            size_t tn;
            for (bool tdone = false; next_alt(&tl, &tdone, &t, &tn);)
                if (gw + tn == n - s && memcmp(t, w + s + gw, tn) == 0) {
                    *start = s;
                    *group = gw;
                    return true;
                }
        }
    }
    return false;
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

/* Writes prefix + token into out, false when it does not fit. */
static bool put(char *out, size_t cap, const char *prefix, size_t pn, const char *token)
{
    int n = snprintf(out, cap, "%.*s%s", (int)pn, prefix, token);
    return n >= 0 && (size_t)n < cap;
}

bool amp_schema_plural(const char *word, char *out, size_t cap)
{
    size_t n = word ? strlen(word) : 0;
    char w[PLURAL_MAX], token[PLURAL_MAX * 2];
    if (n == 0 || n >= PLURAL_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)word[i] >= 0x80)
            return false; /* not a GraphQL name */
        w[i] = (char)tolower((unsigned char)word[i]);
    }
    w[n] = '\0';
    /* A known plural is kept, a known singular replaced (plurals first). */
    for (int side = 1; side >= 0; side--)
        for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
            if (strcmp(w, irregular[i][side]) == 0) {
                snprintf(token, sizeof token, "%s", irregular[i][1]);
                restore_case(word, n, token, strlen(token));
                return put(out, cap, "", 0, token);
            }
    for (size_t i = 0; i < sizeof uncountable / sizeof uncountable[0]; i++)
        if (strcmp(w, uncountable[i]) == 0)
            return put(out, cap, "", 0, word);
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const plural_rule *r = &rules[i];
        size_t s, g;
        if (!rule_match(r, w, n, &s, &g))
            continue;
        if (r->kind == KEEP)
            return put(out, cap, "", 0, word);
        snprintf(token, sizeof token, "%.*s%s", r->kind == GROUP ? (int)g : 0, word + s, r->add);
        if (s < n)
            restore_case(word + s, n - s, token, strlen(token));
        else /* an empty match takes the case of the letter before it */
            restore_case(word + n - 1, 1, token, strlen(token));
        return put(out, cap, word, s, token);
    }
    return put(out, cap, "", 0, word);
}
