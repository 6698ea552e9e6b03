/*
 * diag.c: diagnostic lists (see amp_diag.h).
 */
#include "amp_diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* vasprintf for C11: returns an owned string or NULL. */
static char *format_v(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

amp_diag *amp_diag_add(amp_diag_list *list, uint32_t start, uint32_t end, amp_severity sev,
                       const char *code, const char *fmt, ...)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        amp_diag *grown = realloc(list->items, cap * sizeof *grown);
        if (!grown)
            return NULL;
        list->items = grown;
        list->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *message = format_v(fmt, ap);
    va_end(ap);
    if (!message)
        return NULL;
    amp_diag *d = &list->items[list->count++];
    memset(d, 0, sizeof *d);
    d->start = start;
    d->end = end < start ? start : end;
    d->severity = sev;
    d->code = code;
    d->message = message;
    return d;
}

int amp_diag_relate(amp_diag *d, const char *file, uint32_t start, uint32_t end, const char *fmt,
                    ...)
{
    amp_related *grown = realloc(d->related, (d->related_count + 1) * sizeof *grown);
    if (!grown)
        return -1;
    d->related = grown;
    va_list ap;
    va_start(ap, fmt);
    char *message = format_v(fmt, ap);
    va_end(ap);
    char *f = strdup(file);
    if (!message || !f) {
        free(message);
        free(f);
        return -1;
    }
    amp_related *r = &d->related[d->related_count++];
    r->file = f;
    r->start = start;
    r->end = end;
    r->message = message;
    return 0;
}

void amp_diag_free(amp_diag *d)
{
    free(d->message);
    for (size_t j = 0; j < d->related_count; j++) {
        free(d->related[j].file);
        free(d->related[j].message);
    }
    free(d->related);
}

bool amp_diag_list_has(const amp_diag_list *list, size_t from, size_t to, uint32_t start,
                       uint32_t end, const char *code)
{
    for (size_t i = from; i < to && i < list->count; i++)
        if (list->items[i].start == start && list->items[i].end == end &&
            strcmp(list->items[i].code, code) == 0)
            return true;
    return false;
}

void amp_diag_list_clear(amp_diag_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        amp_diag_free(&list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

int amp_diag_list_append(amp_diag_list *dst, const amp_diag_list *src)
{
    for (size_t i = 0; i < src->count; i++) {
        const amp_diag *d = &src->items[i];
        amp_diag *copy =
            amp_diag_add(dst, d->start, d->end, d->severity, d->code, "%s", d->message);
        if (!copy)
            return -1;
        copy->tags = d->tags;
        for (size_t j = 0; j < d->related_count; j++)
            if (amp_diag_relate(copy, d->related[j].file, d->related[j].start, d->related[j].end,
                                "%s", d->related[j].message) != 0)
                return -1;
    }
    return 0;
}

bool amp_diag_list_equal(const amp_diag_list *a, const amp_diag_list *b)
{
    if (a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++) {
        const amp_diag *x = &a->items[i], *y = &b->items[i];
        if (x->start != y->start || x->end != y->end || x->severity != y->severity ||
            strcmp(x->code, y->code) != 0 || strcmp(x->message, y->message) != 0 ||
            x->related_count != y->related_count)
            return false;
        for (size_t j = 0; j < x->related_count; j++)
            if (x->related[j].start != y->related[j].start ||
                x->related[j].end != y->related[j].end ||
                strcmp(x->related[j].file, y->related[j].file) != 0)
                return false;
    }
    return true;
}
