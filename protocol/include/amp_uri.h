/*
 * amp_uri.h: file URIs <-> file-system paths (RFC 3986 percent-encoding).
 *
 * Only "file" URIs name files; other schemes (untitled:, git:, ...) are kept
 * as opaque keys by the caller. Returned strings are owned by the caller
 * (free with free).
 */
#ifndef AMP_URI_H
#define AMP_URI_H

/* Returns the path of a file URI ("file:///a%20b/c.ts" -> "/a b/c.ts"), or
 * NULL when the URI is not a well-formed file URI or decodes to a NUL byte. */
char *amp_uri_to_path(const char *uri);

/* Returns the file URI of an absolute path, percent-encoding every byte
 * outside RFC 3986's unreserved set and "/". NULL when out of memory. */
char *amp_path_to_uri(const char *path);

#endif
