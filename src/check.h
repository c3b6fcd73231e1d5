/*
 * Checks between a model and a target, before anything is rendered:
 * warnings for weak choices (MD5, DES, 3DES, DH groups 1, 2, 5 and 24, no
 * PFS, aggressive mode, BGP outside the traffic selectors), errors for
 * what the target cannot do. Each
 * message names the connection and the cloud-side setting to change.
 */
#ifndef CGW_CHECK_H
#define CGW_CHECK_H

struct cgw_err;
struct model;
struct vendor;
struct warnings;

/* Warnings only: no target involved (cgwgen show). */
void	check_weak(const struct model *, struct warnings *);
/*
 * Weak-choice warnings, then what the vendor cannot do: returns -1 with
 * every such problem in err, one per line.
 */
int	check_model(const struct model *, const struct vendor *,
	    struct warnings *, struct cgw_err *);

#endif
