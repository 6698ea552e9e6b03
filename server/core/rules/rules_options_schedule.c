/*
 * rules_options_schedule.c: defineFunction `schedule` against Amplify's
 * schedule parser. A string containing "every" is a rate, anything else a
 * cron expression; both object forms ({ rate }, { cron }) and arrays are
 * read the same way. Errors are what Amplify rejects at deploy, including
 * the inputs its parser crashes on ("every 5 minutes", a 4-field cron);
 * warnings are schedules it accepts but that do not run as written
 * ("every 90m", "every 0m", "every 30h", both day fields '?'). Field names
 * and ranges, and the rate units, come from the catalogue's attrs.
 */
#define AMP_RULES_OPTIONS_SHARED
#include "rules_table_options.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTS 8

/* One field of a cron expression. */
typedef struct cron_field {
    char name[24];
    long lo, hi;
    bool qmark; /* '?' allowed */
} cron_field;

/* A string split on single spaces, as JavaScript's split(' ') does. */
typedef struct words {
    char part[MAX_PARTS][64];
    size_t count; /* may exceed MAX_PARTS (then only the first are kept) */
    bool too_long;
} words;

/* Problems found in one schedule string, joined for one message. */
typedef struct problems {
    char text[700];
    size_t count;
} problems;

static void add_problem(problems *pb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_problem(problems *pb, const char *fmt, ...)
{
    size_t used = strlen(pb->text);
    if (used + 4 >= sizeof pb->text)
        return;
    if (pb->count++)
        used += (size_t)snprintf(pb->text + used, sizeof pb->text - used, "; ");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pb->text + used, sizeof pb->text - used, fmt, ap);
    va_end(ap);
}

/* Splits s on every single space into w. */
static void split_words(const char *s, words *w)
{
    memset(w, 0, sizeof *w);
    const char *p = s;
    for (;;) {
        const char *space = strchr(p, ' ');
        size_t n = space ? (size_t)(space - p) : strlen(p);
        if (w->count < MAX_PARTS) {
            if (n >= sizeof w->part[0])
                w->too_long = true;
            snprintf(w->part[w->count], sizeof w->part[0], "%.*s", (int)n, p);
        }
        w->count++;
        if (!space)
            break;
        p = space + 1;
    }
}

/* True when s[0..n) is a non-empty run of digits; *out receives it. */
static bool whole(const char *s, size_t n, long *out)
{
    if (n == 0 || n > 9)
        return false;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* ---- cron ------------------------------------------------------------------------ */

/* Reads the cron fields from the catalogue ("cron_fields" and "cron.<name>"
 * = "lo-hi" or "lo-hi,?"); returns how many. */
static size_t cron_fields(const amp_cat_entry *e, cron_field *out, size_t cap)
{
    const char *names = amp_cat_attr(e, "cron_fields");
    size_t n = 0;
    for (const char *p = names; p && *p && n < cap;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char key[48];
        snprintf(out[n].name, sizeof out[n].name, "%.*s", (int)len, p);
        snprintf(key, sizeof key, "cron.%s", out[n].name);
        const char *range = amp_cat_attr(e, key);
        if (range) {
            out[n].lo = strtol(range, NULL, 10);
            const char *dash = strchr(range, '-');
            out[n].hi = dash ? strtol(dash + 1, NULL, 10) : out[n].lo;
            out[n].qmark = strchr(range, '?') != NULL;
            n++;
        }
        p += len + (comma ? 1 : 0);
    }
    return n;
}

typedef enum {
    TOK_OK,
    TOK_UNKNOWN,   /* a form we do not judge */
    TOK_VALUE,     /* a bare value out of range or not a number */
    TOK_STEP,      /* * / n with n not a positive whole number */
    TOK_STEP_BASE, /* a / n with a out of range or n not positive */
    TOK_RANGE,     /* a-b out of range or reversed */
} tok_result;

/* True when v is within the field's bounds. */
static bool in_range(const cron_field *f, long v)
{
    return v >= f->lo && v <= f->hi;
}

/* Judges one token (no commas) of a cron field. */
static tok_result check_token(const char *t, size_t n, const cron_field *f)
{
    long a, b;
    if (n == 1 && (t[0] == '*' || (t[0] == '?' && f->qmark)))
        return TOK_OK;
    const char *slash = memchr(t, '/', n), *dash = memchr(t, '-', n);
    if (slash && dash)
        return TOK_UNKNOWN;
    if (slash) {
        size_t base = (size_t)(slash - t), step = n - base - 1;
        bool step_ok = whole(slash + 1, step, &b) && b > 0;
        if (base == 1 && t[0] == '*')
            return step_ok ? TOK_OK : TOK_STEP;
        return whole(t, base, &a) && in_range(f, a) && step_ok ? TOK_OK : TOK_STEP_BASE;
    }
    if (dash) {
        size_t left = (size_t)(dash - t);
        return whole(t, left, &a) && whole(dash + 1, n - left - 1, &b) && in_range(f, a) &&
                       in_range(f, b) && a <= b
                   ? TOK_OK
                   : TOK_RANGE;
    }
    return whole(t, n, &a) && in_range(f, a) ? TOK_OK : TOK_VALUE;
}

/* True when the token has letters (MON, JAN, L, W, #). */
static bool has_names(const char *t)
{
    for (; *t; t++)
        if (isalpha((unsigned char)*t) || *t == '#')
            return true;
    return false;
}

/* Adds the problem of one field, if any. */
static void check_field(problems *pb, const char *part, const cron_field *f)
{
    char bounds[64];
    snprintf(bounds, sizeof bounds, "%ld to %ld%s", f->lo, f->hi, f->qmark ? " (or ?)" : "");
    const char *names =
        has_names(part) ? " (names such as MON or JAN, and L, W and #, are not supported)" : "";
    if (strchr(part, ',')) {
        for (const char *p = part; *p;) {
            const char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            tok_result r = check_token(p, n, f);
            if (r != TOK_OK && r != TOK_UNKNOWN) {
                add_problem(pb, "each item of the %s list '%s' must be a whole number from %s%s",
                            f->name, part, bounds, names);
                return;
            }
            p += n + (comma ? 1 : 0);
        }
        return;
    }
    switch (check_token(part, strlen(part), f)) {
    case TOK_VALUE:
        add_problem(pb, "the %s field '%s' must be a whole number from %s%s", f->name, part, bounds,
                    names);
        break;
    case TOK_STEP:
        add_problem(pb, "the step in the %s field '%s' must be a positive whole number", f->name,
                    part);
        break;
    case TOK_STEP_BASE:
        add_problem(pb,
                    "the %s field '%s' must be a start from %ld to %ld, '/', and a positive step",
                    f->name, part, f->lo, f->hi);
        break;
    case TOK_RANGE:
        add_problem(pb,
                    "the range in the %s field '%s' must go from a lower to a higher whole number, "
                    "both from %ld to %ld",
                    f->name, part, f->lo, f->hi);
        break;
    default:
        break;
    }
}

/* Index of the field named name, or -1. */
static int field_index(const cron_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The day-of-month / day-of-week rule: exactly one of them is '?'. */
static void check_days(amp_check *c, problems *pb, const words *w, int dom, int dow,
                       const amp_value *v)
{
    bool q1 = strcmp(w->part[dom], "?") == 0, q2 = strcmp(w->part[dow], "?") == 0;
    if (q1 && q2 && pb->count == 0) {
        amp_report(
            c, "function-schedule-ineffective", v->loc,
            "Both day-of-month and day-of-week are '?', so the schedule names no day; Amplify "
            "passes it on unchanged, but it does not describe a valid schedule. Put * in one of "
            "them, e.g. '%s %s * %s ?'.",
            w->part[0], w->part[1], w->part[3]);
    } else if (!q1 && !q2) {
        char fixed[200] = "";
        for (size_t i = 0; i < w->count && i < MAX_PARTS; i++) {
            size_t used = strlen(fixed);
            bool swap = (int)i == (strcmp(w->part[dow], "*") == 0 ? dow : dom);
            snprintf(fixed + used, sizeof fixed - used, "%s%s", i ? " " : "",
                     swap ? "?" : w->part[i]);
        }
        add_problem(pb,
                    "day-of-month ('%s') and day-of-week ('%s') are both set ('*' counts); one of "
                    "them must be '?', e.g. '%s'",
                    w->part[dom], w->part[dow], fixed);
    }
}

/* A cron expression: its number of fields, each field, and the day rule. */
static void check_cron(amp_check *c, const amp_value *v)
{
    cron_field f[MAX_PARTS];
    size_t nf = cron_fields(amp_opt_entry("defineFunction.schedule"), f, MAX_PARTS);
    words w;
    split_words(v->str, &w);
    if (nf < 5 || w.too_long || w.count > nf)
        return; /* more fields than Amplify reads: not judged */
    if (w.count + 1 < nf) {
        amp_report(
            c, "function-schedule-invalid", v->loc,
            "The cron schedule '%s' has %zu fields; Amplify's parser needs %zu or %zu (minute hour "
            "day-of-month month day-of-week [year]) and fails on this one. Example: '0 9 ? * 2' "
            "(09:00 every Monday).",
            v->str, w.count, nf - 1, nf);
        return;
    }
    problems pb = {"", 0};
    for (size_t i = 0; i < w.count; i++)
        check_field(&pb, w.part[i], &f[i]);
    int dom = field_index(f, nf, "day-of-month"), dow = field_index(f, nf, "day-of-week");
    if (dom >= 0 && dow >= 0 && (size_t)dow < w.count)
        check_days(c, &pb, &w, dom, dow, v);
    if (pb.count)
        amp_report(c, "function-schedule-invalid", v->loc,
                   "Amplify rejects the cron schedule '%s': %s.", v->str, pb.text);
}

/* ---- rates ------------------------------------------------------------------------ */

/* True when word ends with one of the units of the catalogue's list. */
static bool known_unit(const char *units, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = units; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        if (wl >= n && strncmp(word + wl - n, p, n) == 0)
            return true;
        p += n + (comma ? 1 : 0);
    }
    return false;
}

/* A rate Amplify reads, written from a common English form ("every 5
 * minutes" -> "every 5m"); empty when there is none. */
static void rate_suggestion(const words *w, char *out, size_t cap)
{
    static const struct {
        const char *word;
        const char *unit;
        bool needs_one;
    } forms[] = {
        {"minute", "m", false},   {"minutes", "m", false},   {"min", "m", false},
        {"mins", "m", false},     {"hour", "h", false},      {"hours", "h", false},
        {"hr", "h", false},       {"hrs", "h", false},       {"day", "day", true},
        {"days", "day", true},    {"week", "week", true},    {"weeks", "week", true},
        {"month", "month", true}, {"months", "month", true}, {"year", "year", true},
        {"years", "year", true},
    };
    out[0] = '\0';
    if (w->count < 2 || w->count > 3 || strcmp(w->part[0], "every") != 0)
        return;
    long n = 1;
    if (w->count == 3 && !whole(w->part[1], strlen(w->part[1]), &n))
        return;
    const char *word = w->part[w->count - 1];
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (strcmp(word, forms[i].word) != 0)
            continue;
        if (forms[i].needs_one && n == 1)
            snprintf(out, cap, "every %s", forms[i].unit);
        else if (!forms[i].needs_one)
            snprintf(out, cap, "every %ld%s", n, forms[i].unit);
        return;
    }
}

/* The number of `every <N><unit>` when unit is one letter in the list and
 * the number is written plainly; false otherwise. */
static bool rate_number(const char *word, const char *units, double *num, char *unit)
{
    size_t n = strlen(word);
    if (n < 2 || !isalpha((unsigned char)word[n - 1]) || isalpha((unsigned char)word[n - 2]))
        return false;
    char u[2] = {word[n - 1], '\0'};
    if (!known_unit(units, u))
        return false;
    const char *p = word + (word[0] == '-');
    size_t digits = 0, dots = 0;
    for (; p < word + n - 1; p++) {
        digits += isdigit((unsigned char)*p) != 0;
        dots += *p == '.';
        if (!isdigit((unsigned char)*p) && *p != '.')
            return false;
    }
    if (digits == 0 || dots > 1)
        return false;
    *num = strtod(word, NULL);
    *unit = u[0];
    return true;
}

/* The function's timeoutSeconds: the literal, the catalogue default when
 * absent, or -1 when not known. */
static double timeout_of(const amp_value *props, const amp_value **at)
{
    const amp_prop *t = amp_value_prop(props, "timeoutSeconds");
    *at = t ? t->value : NULL;
    if (t)
        return t->value->kind == AMP_VAL_NUMBER ? t->value->num : -1;
    if (props->open)
        return -1;
    const char *def =
        amp_cat_value_default(amp_cat_value_of(amp_opt_entry("defineFunction.timeoutSeconds")));
    return def ? strtod(def, NULL) : -1;
}

/* Checks `every N<unit>` numbers: whole and positive, sensible, longer
 * than the timeout. */
static void check_rate_number(amp_check *c, const amp_value *v, double num, char unit,
                              const amp_value *props)
{
    if (num < 0 || !amp_opt_is_whole(num)) {
        amp_report(c, "function-schedule-invalid", v->loc,
                   "The rate '%s' needs a positive whole number of %s; Amplify rejects it.", v->str,
                   unit == 'm' ? "minutes" : "hours");
    } else if (num == 0) {
        amp_report(
            c, "function-schedule-ineffective", v->loc,
            "'%s' is accepted by Amplify but becomes the cron step */0, which is not a working "
            "schedule. Use a positive number.",
            v->str);
    } else if (unit == 'm' && num > 59) {
        amp_report(c, "function-schedule-ineffective", v->loc,
                   "'%s' becomes the cron minute field */%g, which does not mean every %g minutes: "
                   "a minute step over 59 fires at most once an hour (at minute 0). Use hours "
                   "(e.g. 'every %lldh') or a cron expression.",
                   v->str, num, num, amp_opt_ceil(num / 60));
    } else if (unit == 'h' && num > 23) {
        amp_report(c, "function-schedule-ineffective", v->loc,
                   "'%s' becomes the cron hour field */%g, which does not mean every %g hours: an "
                   "hour step over 23 fires at most once a day (at 00:00). Use 'every day' or a "
                   "cron expression.",
                   v->str, num, num);
    } else if (unit == 'm') {
        const amp_value *at = NULL;
        double timeout = timeout_of(props, &at);
        if (timeout < 0 || num * 60 >= timeout)
            return;
        amp_diag *d =
            amp_report(c, "function-schedule-invalid", v->loc,
                       "The rate '%s' is shorter than the function's timeout of %g seconds; "
                       "Amplify requires the interval to be at least the timeout. Use 'every "
                       "%lldm' or more, or lower timeoutSeconds.",
                       v->str, timeout, amp_opt_ceil(timeout / 60));
        if (at)
            amp_relate(c, d, at->loc, "timeoutSeconds is set here");
    }
}

/* A rate ("every ..."): its form, then its number. */
static void check_rate(amp_check *c, const amp_value *v, const amp_value *props)
{
    const char *units = amp_cat_attr(amp_opt_entry("defineFunction.schedule"), "rate_units");
    words w;
    split_words(v->str, &w);
    if (!units || w.too_long)
        return;
    if (w.count != 2 || strcmp(w.part[0], "every") != 0 || !known_unit(units, w.part[1])) {
        char fix[64], hint[96] = "";
        rate_suggestion(&w, fix, sizeof fix);
        if (fix[0])
            snprintf(hint, sizeof hint, " Write '%s'.", fix);
        amp_report(
            c, "function-schedule-invalid", v->loc,
            "Amplify cannot read the schedule '%s' (its parser fails on it at deploy): a rate is "
            "exactly 'every <N>m', 'every <N>h', 'every day', 'every week', 'every month' or "
            "'every year'.%s",
            v->str, hint);
        return;
    }
    double num;
    char unit;
    if (rate_number(w.part[1], units, &num, &unit))
        check_rate_number(c, v, num, unit, props);
}

/* ---- forms ------------------------------------------------------------------------ */

/* One schedule: a string, or an object with rate or cron. */
static void check_one(amp_check *c, const amp_value *v, const amp_value *props)
{
    if (v->kind == AMP_VAL_STRING && v->str) {
        if (strstr(v->str, "every"))
            check_rate(c, v, props);
        else
            check_cron(c, v);
    } else if (v->kind == AMP_VAL_OBJECT) {
        const amp_prop *rate = amp_value_prop(v, "rate");
        const amp_prop *cron = amp_value_prop(v, "cron");
        if (rate && rate->value->kind == AMP_VAL_STRING)
            check_rate(c, rate->value, props);
        else if (!rate && cron && cron->value->kind == AMP_VAL_STRING)
            check_cron(c, cron->value);
    }
}

void amp_rules_options_schedule(amp_check *c, const amp_resource *r)
{
    if (!r->props || r->props->kind != AMP_VAL_OBJECT)
        return;
    const amp_prop *s = amp_value_prop(r->props, "schedule");
    if (!s)
        return;
    if (s->value->kind == AMP_VAL_ARRAY)
        for (size_t i = 0; i < s->value->item_count; i++)
            check_one(c, s->value->items[i], r->props);
    else
        check_one(c, s->value, r->props);
}
