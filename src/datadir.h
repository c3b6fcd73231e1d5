/*
 * Where vendors/ and templates/ are: --template-dir, else the
 * CGWGEN_TEMPLATE_DIR environment variable, else the source tree when the
 * binary runs from its build directory (uninstalled), else the installed
 * package data directory.
 */
#ifndef CGW_DATADIR_H
#define CGW_DATADIR_H

struct cgw_err;

/* Returns a heap string naming the directory, or NULL with err set. */
char	*datadir_find(const char *option, struct cgw_err *);

#endif
