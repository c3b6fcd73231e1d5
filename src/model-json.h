/*
 * The model as JSON: the output of "cgwgen show" and an input source of
 * its own ("--cloud model"), so that a user can hand-write a model for a
 * cloud cgwgen does not know. The format is documented in cgwgen-model(5)
 * and is a public interface: change it only compatibly.
 */
#ifndef CGW_MODEL_JSON_H
#define CGW_MODEL_JSON_H

struct buf;
struct cgw_err;
struct model;
struct source;

#define MODEL_JSON_VERSION	1

/* Append the model as pretty-printed JSON (with a final newline). */
int	model_json_write(const struct model *, struct buf *,
	    struct cgw_err *);

extern const struct source	source_model;

#endif
