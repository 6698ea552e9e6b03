/*
 * rules_options_ignored.c: options a define* call accepts (its TypeScript
 * type has them) but that Amplify never uses, marked `"ignored": "true"` in
 * the catalogue's attrs. Example: defineAuth's SAML provider takes
 * encryptedResponses, requestSigningAlgorithm and idpInitiated from CDK's
 * props type, but the auth construct forwards only attributeMapping,
 * identifiers, idpSignout, metadata and name to
 * UserPoolIdentityProviderSaml (auth-construct construct.ts), so the three
 * are dropped without a word. Which options are ignored is catalogue data;
 * this file only walks an options object beside the catalogue and reports
 * the keys written in it.
 */
#include "rules_internal.h"

#include "amp_catalog.h"

#include <string.h>

#define MAX_DEPTH 16

/* True when loc lies inside outer (a key written in that object literal,
 * not one a spread brought in). */
static bool written_in(amp_loc loc, amp_loc outer)
{
    return loc.file == outer.file && loc.start >= outer.start && loc.end <= outer.end;
}

static void walk_object(amp_check *c, const char *define, const amp_cat_entry *e,
                        const amp_value *obj, int depth);

/* Walks the value of option k: an object's keys, or those of each object in
 * an array (the catalogue describes array items' keys as k's children). */
static void walk_value(amp_check *c, const char *define, const amp_cat_entry *k, const amp_value *v,
                       int depth)
{
    if (!v || depth >= MAX_DEPTH)
        return;
    if (v->kind == AMP_VAL_OBJECT)
        walk_object(c, define, k, v, depth + 1);
    else if (v->kind == AMP_VAL_ARRAY)
        for (size_t i = 0; i < v->item_count; i++)
            if (v->items[i] && v->items[i]->kind == AMP_VAL_OBJECT)
                walk_object(c, define, k, v->items[i], depth + 1);
}

static void walk_object(amp_check *c, const char *define, const amp_cat_entry *e,
                        const amp_value *obj, int depth)
{
    for (size_t i = 0; i < obj->prop_count; i++) {
        const amp_prop *p = &obj->props[i];
        const amp_cat_entry *k = amp_cat_key(e, p->key);
        if (!k || amp_cat_kind_of(k) != AMP_CAT_OPTION)
            continue;
        const char *ignored = amp_cat_attr(k, "ignored");
        if (ignored && strcmp(ignored, "true") == 0 && written_in(p->key_loc, obj->loc))
            amp_report(c, "options-ignored", p->key_loc,
                       "The %s option '%s' is ignored. %s Remove it.", define, p->key,
                       amp_cat_doc(k));
        walk_value(c, define, k, p->value, depth);
    }
}

void amp_rules_options_ignored(amp_check *c, const amp_resource *r)
{
    const amp_cat_entry *e = amp_catalog_find(r->define);
    if (e && r->props && r->props->kind == AMP_VAL_OBJECT)
        walk_object(c, r->define, e, r->props, 0);
}
