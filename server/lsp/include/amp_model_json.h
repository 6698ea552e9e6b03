/*
 * amp_model_json.h: the semantic model as JSON, for `amplify-ls dump-model`
 * and the debug requests. Locations are given as {file, line, column}
 * (1-based, UTF-16 columns) using the texts the model was built from.
 */
#ifndef AMP_MODEL_JSON_H
#define AMP_MODEL_JSON_H

#include <jansson.h>

#include "amp_model.h"

/* texts[i] is the text of model->files[i] (borrowed). root, when not NULL,
 * is stripped from the front of file paths. Returns a new reference. */
json_t *amp_model_to_json(const amp_model *model, const amp_text *const *texts, const char *root);

#endif
