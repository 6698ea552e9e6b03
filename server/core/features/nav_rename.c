/*
 * nav_rename.c: go-to-definition, prepareRename and rename over the
 * occurrence index (see amp_nav.h).
 *
 * Rename rewrites every occurrence whose text is the symbol's name: keys,
 * identifiers (`models.Post`), and the inside of strings (the quotes stay).
 * A shorthand key `{ Post }` becomes `{ NewName: Post }` so the variable it
 * reads keeps its name. Functions are not renamed here: their names are
 * TypeScript identifiers, which the TypeScript server renames.
 */
#include "nav_internal.h"

#include <stdio.h>
#include <string.h>

bool amp_nav_definition(const amp_nav_index *ix, uint32_t file, uint32_t offset,
                        amp_nav_target *out)
{
    memset(out, 0, sizeof *out);
    const amp_nav_link *link = amp_nav_link_at(ix, file, offset);
    if (link) {
        out->is_file = true;
        out->path = link->path;
        out->origin = link->loc;
        return true;
    }
    const amp_occ *o = amp_nav_occ_at(ix, file, offset);
    if (!o || !ix->syms[o->sym].has_def)
        return false;
    const amp_sym *s = &ix->syms[o->sym];
    out->origin = o->loc;
    out->selection = s->def;
    out->range = s->def_full;
    if (out->range.file != out->selection.file || out->range.start > out->selection.start ||
        out->range.end < out->selection.end)
        out->range = out->selection;
    return true;
}

/* ---- checks ---------------------------------------------------------------- */

static bool is_graphql_name(const char *s)
{
    if (!s[0] || (s[0] == '_' && s[1] == '_'))
        return false;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (i > 0 && c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

/* Names a type may not take: GraphQL's root types and the scalars. */
static bool is_reserved_type_name(const char *s)
{
    static const char *const reserved[] = {
        "Query",    "Mutation", "Subscription", "String",  "Int",          "Float",
        "Boolean",  "ID",       "AWSDate",      "AWSTime", "AWSDateTime",  "AWSTimestamp",
        "AWSEmail", "AWSJSON",  "AWSPhone",     "AWSURL",  "AWSIPAddress",
    };
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(s, reserved[i]) == 0)
            return true;
    return false;
}

/* A Cognito group name: 1 to 128 bytes, no white space, quotes, backslashes
 * or control characters. */
static bool is_group_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 128)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c == 0x7f || c == '\'' || c == '"' || c == '`' || c == '\\')
            return false;
    }
    return true;
}

/* The symbol named name of the same kind and scope as sym (another type of
 * the namespace, another field of the type, another group), or NULL. */
static const amp_sym *taken_by(const amp_nav_index *ix, const amp_sym *sym, const char *name)
{
    for (size_t i = 0; i < ix->sym_count; i++) {
        const amp_sym *o = &ix->syms[i];
        if (o == sym || o->kind != sym->kind || strcmp(o->name, name) != 0)
            continue;
        if (sym->kind == AMP_SYM_TYPE && o->space == sym->space)
            return o;
        if (sym->kind == AMP_SYM_FIELD && o->type == sym->type)
            return o;
        if (sym->kind == AMP_SYM_GROUP)
            return o;
    }
    return NULL;
}

/* True when sym's name is written, as itself, where it is declared (its
 * definition, or a renameModels pair): renaming it then renames it. */
static bool has_renamable_name(const amp_nav_index *ix, uint32_t sym)
{
    if (ix->syms[sym].kind == AMP_SYM_GROUP)
        return true; /* groups are just strings: rename them all */
    for (size_t i = 0; i < ix->occ_count; i++) {
        const amp_occ *o = &ix->occs[i];
        if (o->sym == sym && (o->flags & (AMP_OCC_DEF | AMP_OCC_NAMING)) &&
            (o->flags & AMP_OCC_RENAMABLE))
            return true;
    }
    return false;
}

/* The renamable occurrence at offset: 0 and *occ; 1 nothing to rename; -1
 * with the reason in err. Identifiers we cannot rename are left to the
 * TypeScript server (1); strings we cannot rename are explained (-1). */
static int rename_target(const amp_nav_index *ix, uint32_t file, uint32_t offset,
                         const amp_occ **occ, char *err, size_t err_size)
{
    const amp_occ *o = amp_nav_occ_at(ix, file, offset);
    if (!o || ix->syms[o->sym].kind == AMP_SYM_RESOURCE)
        return 1;
    const amp_sym *s = &ix->syms[o->sym];
    bool renamable = has_renamable_name(ix, o->sym) && (o->flags & AMP_OCC_RENAMABLE);
    if (!renamable && !(o->flags & AMP_OCC_STRING))
        return 1; /* an identifier (a const, a key): the TypeScript server's */
    if (!has_renamable_name(ix, o->sym)) {
        snprintf(err, err_size,
                 "cannot rename %s '%s': its name is not written where it is declared (it comes "
                 "from an export name)",
                 amp_nav_sym_word(ix, s), s->name);
        return -1;
    }
    if (!(o->flags & AMP_OCC_RENAMABLE)) {
        uint32_t n;
        const char *p = nav_text(ix, o->loc, &n);
        snprintf(
            err, err_size,
            "'%.*s' is not the name of %s '%s' (it is mapped to it); rename '%s' where it is named",
            (int)(p ? n : 0), p ? p : "", amp_nav_sym_word(ix, s), s->name, s->name);
        return -1;
    }
    *occ = o;
    return 0;
}

int amp_nav_prepare_rename(const amp_nav_index *ix, uint32_t file, uint32_t offset, amp_loc *range,
                           const char **placeholder, char *err, size_t err_size)
{
    const amp_occ *o = NULL;
    int rc = rename_target(ix, file, offset, &o, err, err_size);
    if (rc != 0)
        return rc;
    *range = o->loc;
    *placeholder = ix->syms[o->sym].name;
    return 0;
}

/* Checks new_name for sym: 0, or -1 with the reason in err. */
static int check_new_name(const amp_nav_index *ix, const amp_sym *s, const char *new_name,
                          char *err, size_t err_size)
{
    const char *word = amp_nav_sym_word(ix, s);
    if (s->kind == AMP_SYM_GROUP && !is_group_name(new_name)) {
        snprintf(err, err_size,
                 "'%s' is not a valid group name (1 to 128 characters, no spaces, quotes or "
                 "backslashes)",
                 new_name);
        return -1;
    }
    if (s->kind != AMP_SYM_GROUP && !is_graphql_name(new_name)) {
        snprintf(err, err_size,
                 "'%s' is not a valid %s name: use letters, digits and _ (not first a digit, not "
                 "starting with __)",
                 new_name, word);
        return -1;
    }
    if (s->kind == AMP_SYM_TYPE && is_reserved_type_name(new_name)) {
        snprintf(err, err_size, "'%s' is reserved in GraphQL: choose another %s name", new_name,
                 word);
        return -1;
    }
    const amp_sym *other = taken_by(ix, s, new_name);
    if (other && s->kind == AMP_SYM_FIELD) {
        snprintf(err, err_size, "'%s' is already a field of '%s'", new_name,
                 s->type->name ? s->type->name : "");
        return -1;
    }
    if (other && s->kind == AMP_SYM_GROUP) {
        snprintf(err, err_size, "there is already a group named '%s'", new_name);
        return -1;
    }
    if (other) {
        snprintf(err, err_size, "there is already a %s named '%s' in this schema",
                 amp_nav_sym_word(ix, other), new_name);
        return -1;
    }
    return 0;
}

int amp_nav_rename(amp_nav_index *ix, uint32_t file, uint32_t offset, const char *new_name,
                   amp_nav_edit **edits, size_t *count, char *err, size_t err_size)
{
    *edits = NULL;
    *count = 0;
    const amp_occ *o = NULL;
    int rc = rename_target(ix, file, offset, &o, err, err_size);
    if (rc != 0)
        return rc;
    const amp_sym *s = &ix->syms[o->sym];
    if (check_new_name(ix, s, new_name, err, err_size) != 0)
        return -1;
    if (strcmp(new_name, s->name) == 0)
        return 0;
    const char *shorthand = nav_printf(&ix->scratch, "%s: %s", new_name, s->name);
    for (size_t i = 0; i < ix->occ_count; i++) {
        const amp_occ *x = &ix->occs[i];
        if (x->sym != o->sym || !(x->flags & AMP_OCC_RENAMABLE))
            continue;
        amp_nav_edit *e = nav_push(&ix->scratch, (void **)edits, count, sizeof *e);
        if (!e) {
            snprintf(err, err_size, "out of memory");
            return -1;
        }
        e->loc = x->loc;
        e->text = x->flags & AMP_OCC_SHORTHAND ? shorthand : new_name;
    }
    return 0;
}
