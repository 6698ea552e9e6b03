/*
 * amp_framing.h: the LSP base protocol's message framing.
 *
 * A message is a header block ("Content-Length: N\r\n", optionally
 * "Content-Type: ...\r\n", then "\r\n") followed by exactly N bytes of body.
 * The framer takes bytes as they arrive, in any split, and hands out whole
 * bodies. It never trusts its input: a header block that is malformed, a
 * missing, non-numeric or negative length, or a length over the cap yields one
 * AMP_FRAME_ERROR and the framer resynchronises at the next "Content-Length"
 * header, so one bad message never stops the stream. It knows nothing of JSON.
 */
#ifndef AMP_FRAMING_H
#define AMP_FRAMING_H

#include <stddef.h>

typedef struct amp_framer amp_framer;

typedef enum {
    AMP_FRAME_NONE = 0, /* no complete message buffered yet */
    AMP_FRAME_MESSAGE,  /* a body is available */
    AMP_FRAME_ERROR,    /* a malformed frame was dropped; see amp_frame.error */
} amp_frame_status;

typedef struct amp_frame {
    const char *body; /* borrowed: valid until the next call on the framer */
    size_t body_len;
    const char *error; /* borrowed static text, set with AMP_FRAME_ERROR */
} amp_frame;

/* Returns an owned framer (free with amp_framer_delete) that refuses bodies
 * larger than max_body bytes, or NULL when out of memory. */
amp_framer *amp_framer_new(size_t max_body);

/* Frees the framer and any buffered bytes. Accepts NULL. */
void amp_framer_delete(amp_framer *self);

/* Appends len bytes (copied) to the framer's buffer. Returns 0, or -1 when out
 * of memory (the bytes are then dropped). */
int amp_framer_feed(amp_framer *self, const char *data, size_t len);

/* Takes the next complete frame out of the buffer. */
amp_frame_status amp_framer_next(amp_framer *self, amp_frame *out);

/* Number of bytes buffered and not yet handed out (for tests and limits). */
size_t amp_framer_buffered(const amp_framer *self);

/* Returns an owned buffer (free with free) holding the header and body of one
 * outgoing message, and its length in *out_len; NULL when out of memory. */
char *amp_frame_encode(const char *body, size_t body_len, size_t *out_len);

#endif
