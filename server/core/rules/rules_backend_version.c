/*
 * rules_backend_version.c: version questions for rules (see
 * rules_backend_version.h). A version or npm range is read as the interval
 * [lo, hi) of versions it allows; alternatives joined by `||` give the hull
 * of their intervals. Anything not understood makes the answer "unknown",
 * which every question reports as false.
 */
#include "rules_backend_version.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct semver {
    long part[3];
    bool pre; /* a prerelease: sorts below the same version without one */
} semver;

typedef struct interval {
    semver lo;
    semver hi;   /* exclusive */
    bool has_hi; /* false: no upper bound */
} interval;

static int compare(const semver *a, const semver *b)
{
    for (int i = 0; i < 3; i++)
        if (a->part[i] != b->part[i])
            return a->part[i] < b->part[i] ? -1 : 1;
    return a->pre == b->pre ? 0 : a->pre ? -1 : 1;
}

/* Parses "1", "1.2", "1.2.3", "1.2.x", "1.2.3-beta.1+build" from s (up to
 * end). *given receives how many numeric parts were written (x and * stop
 * the count). Returns false when s is not such a version. */
static bool parse_version(const char *s, const char *end, semver *v, int *given)
{
    memset(v, 0, sizeof *v);
    *given = 0;
    if (s < end && (*s == 'v' || *s == 'V' || *s == '='))
        s++;
    for (int i = 0; i < 3 && s < end; i++) {
        if (*s == 'x' || *s == 'X' || *s == '*') {
            s++;
        } else if (isdigit((unsigned char)*s)) {
            char *stop;
            v->part[i] = strtol(s, &stop, 10);
            s = stop;
            if (*given == i)
                (*given)++;
        } else {
            return false;
        }
        if (s < end && *s == '.')
            s++;
        else
            break;
    }
    if (s < end && *s == '-') {
        v->pre = true;
        while (s < end && *s != '+')
            s++;
    }
    if (s < end && *s == '+')
        s = end;
    return s == end;
}

/* The version after v when only `given` parts were written: 1.2 -> 1.3.0. */
static semver bump(semver v, int given)
{
    semver next = {{0, 0, 0}, false};
    int i = given > 0 ? given - 1 : 0;
    for (int k = 0; k < i; k++)
        next.part[k] = v.part[k];
    next.part[i] = v.part[i] + 1;
    return next;
}

/* The caret bound: the first non-zero written part is the one that may not
 * change (^1.2.3 -> 2.0.0, ^0.12.1 -> 0.13.0, ^0.0.3 -> 0.0.4). */
static semver caret_hi(semver v, int given)
{
    int i = 0;
    while (i < given - 1 && v.part[i] == 0)
        i++;
    return bump(v, i + 1);
}

/* Narrows iv by one comparator ("^1.2", ">=1.0.0", "1.x", ...). */
static bool apply_comparator(const char *s, const char *end, interval *iv)
{
    const char *op = s;
    while (s < end && strchr("^~<>=", *s))
        s++;
    size_t op_len = (size_t)(s - op);
    semver v;
    int given;
    if (!parse_version(s, end, &v, &given) || given == 0)
        return false;
    semver lo = v, hi;
    bool has_hi = true;
    if (op_len == 1 && op[0] == '^') {
        hi = caret_hi(v, given);
    } else if (op_len == 1 && op[0] == '~') {
        hi = bump(v, given < 2 ? 1 : 2);
    } else if (op_len >= 1 && op[0] == '>') {
        has_hi = false;
        hi = v;
    } else if (op_len >= 1 && op[0] == '<') {
        lo = (semver){{0, 0, 0}, false};
        hi = op_len == 2 && op[1] == '=' ? bump(v, given) : v;
    } else if (op_len == 0 || (op_len == 1 && op[0] == '=')) {
        hi = v.pre ? (semver){{v.part[0], v.part[1], v.part[2]}, false} : bump(v, given);
    } else {
        return false;
    }
    if (compare(&lo, &iv->lo) > 0)
        iv->lo = lo;
    if (has_hi && (!iv->has_hi || compare(&hi, &iv->hi) < 0)) {
        iv->hi = hi;
        iv->has_hi = true;
    }
    return true;
}

/* Reads one alternative: comparators separated by spaces. */
static bool parse_alternative(const char *s, const char *end, interval *iv)
{
    memset(iv, 0, sizeof *iv);
    bool any = false;
    while (s < end) {
        while (s < end && isspace((unsigned char)*s))
            s++;
        const char *word = s;
        while (s < end && !isspace((unsigned char)*s))
            s++;
        if (s > word) {
            /* ">= 1.2.3": the operator stands alone. */
            if (strspn(word, "^~<>=") == (size_t)(s - word)) {
                while (s < end && isspace((unsigned char)*s))
                    s++;
                while (s < end && !isspace((unsigned char)*s))
                    s++;
            }
            if (!apply_comparator(word, s, iv))
                return false;
            any = true;
        }
    }
    return any;
}

/* Reads a version or range into its interval. False when not understood. */
static bool parse_range(const char *text, interval *out)
{
    if (!text)
        return false;
    const char *s = text;
    if (strncmp(s, "npm:", 4) == 0) {
        const char *at = strrchr(s + 4, '@');
        if (!at || at == s + 4)
            return false;
        s = at + 1;
    }
    if (strncmp(s, "workspace:", 10) == 0)
        s += 10;
    const char *end = s + strlen(s);
    bool first = true;
    while (s <= end) {
        const char *bar = strstr(s, "||");
        const char *stop = bar ? bar : end;
        interval iv;
        if (!parse_alternative(s, stop, &iv))
            return false;
        if (first) {
            *out = iv;
        } else {
            if (compare(&iv.lo, &out->lo) < 0)
                out->lo = iv.lo;
            if (!iv.has_hi)
                out->has_hi = false;
            else if (out->has_hi && compare(&iv.hi, &out->hi) > 0)
                out->hi = iv.hi;
        }
        first = false;
        if (!bar)
            break;
        s = bar + 2;
    }
    return !first;
}

static bool parse_limit(const char *text, semver *v)
{
    int given;
    return text && parse_version(text, text + strlen(text), v, &given) && given > 0;
}

bool amp_version_at_least(const char *version, const char *min)
{
    interval iv;
    semver m;
    return parse_range(version, &iv) && parse_limit(min, &m) && compare(&iv.lo, &m) >= 0;
}

bool amp_version_below(const char *version, const char *limit)
{
    interval iv;
    semver m;
    return parse_range(version, &iv) && parse_limit(limit, &m) && iv.has_hi &&
           compare(&iv.hi, &m) <= 0;
}

bool amp_version_preview(const amp_rule_env *env)
{
    if (!env)
        return false;
    if (env->backend_version && (amp_version_below(env->backend_version, "1.0.0") ||
                                 amp_version_at_least(env->backend_version, "1.0.0")))
        return amp_version_below(env->backend_version, "1.0.0");
    return amp_version_below(env->data_schema_version, "1.0.0");
}
