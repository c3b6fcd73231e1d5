/*
 * Small helpers: reading a whole file, parsing numbers, and recognising
 * the kinds of text the model allows (tokens, addresses, CIDRs, names).
 * None of them print; the parse helpers return -1 and leave the message
 * to the caller, who knows the field.
 */
#ifndef CGW_UTIL_H
#define CGW_UTIL_H

#include <stddef.h>
#include <stdint.h>

struct cgw_err;

#define INPUT_MAX	(8u * 1024 * 1024)	/* largest input file */

/* Read path ("-" is stdin) into a NUL-terminated heap buffer. */
int	util_read_file(const char *, size_t, char **, size_t *,
	    struct cgw_err *);

/* Decimal digits only, within [min, max]. */
int	parse_u64(const char *, uint64_t, uint64_t, uint64_t *);

/* Identifier usable as a file and section name: [A-Za-z0-9_-]{1,64}. */
int	is_token(const char *);
/* Whether a CIDR is everything: 0.0.0.0/0 or ::/0. */
int	cidr_is_any(const char *);
/* A device-local name (a zone, a VRF): [A-Za-z0-9._:/-]{1,63}. */
int	is_device_name(const char *);
/* 4 or 6 for an IPv4 or IPv6 address, 0 otherwise. */
int	addr_family(const char *);
/*
 * Parse "a.b.c.d/len" (or a bare address) into canonical CIDR text in
 * out (at least 64 bytes). *host_bits is set when bits beyond the prefix
 * were set and have been cleared. Returns the family, 0 if invalid.
 */
int	cidr_parse(const char *, char *, size_t, int *);
/* Whether the address lies inside the CIDR block (same family). */
int	cidr_contains(const char *, const char *);
/* Host name: letters, digits, '-', '_', dot-separated, at most 253. */
int	is_fqdn(const char *);
/* local@domain with a host-name domain. */
int	is_user_fqdn(const char *);
/* The characters of UTF-8 text (bytes that do not continue one). */
size_t	utf8_chars(const char *);
/* Printable ASCII or UTF-8 text without control characters. */
int	is_text(const char *);
/*
 * Copy s into out (size len) for a message: control characters become
 * '?', and a text too long ends in "..." . Returns out.
 */
char	*shown(const char *s, char *out, size_t len);

#endif
