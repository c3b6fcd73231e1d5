/*
 * Rendering: the view of the model through the vendor's templates, into
 * memory first, then to standard output, one file (--output), or one set
 * of files per connection (--output-dir). Files are mode 0600: they hold
 * pre-shared keys.
 */
#ifndef CGW_RENDER_H
#define CGW_RENDER_H

#include "view.h"

struct cgw_err;
struct model;
struct vendor;

struct render_opts {
	struct device_opts	 dev;
	const char		*output;	/* --output FILE */
	const char		*output_dir;	/* --output-dir DIR */
};

/* Check every template of the vendor against the view's names. */
int	render_check_templates(const struct vendor *,
	    const struct device_opts *, struct cgw_err *);
int	render_model(const struct model *, const struct vendor *,
	    const struct render_opts *, struct cgw_err *);

#endif
