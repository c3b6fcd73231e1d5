/*
 * Writing untrusted text into a target's syntax. A vendor data file
 * describes its target's quoting with a struct escape_rule; escape_value()
 * then writes each value so that it stays one token of the target syntax:
 *
 *  1. a value made only of "bare" characters, or cgwgen's own text
 *     (VAL_TRUSTED), is written as is;
 *  2. otherwise, if the target has quotes and the value holds none of the
 *     characters that cannot be quoted, it is written quoted, with the
 *     characters in quote_escapes preceded by escape_char;
 *  3. otherwise a secret may be written encoded (hex or base64 behind a
 *     prefix, as swanctl's 0x and Libreswan's 0s);
 *  4. otherwise display text (VAL_LOSSY, such as a connection's name in
 *     a comment) is written again with every character that stood in
 *     the way replaced by the rule's lossy character ('?' unless the
 *     vendor says otherwise: a Cisco CLI reads '?' as a help request);
 *  5. otherwise the value is refused, naming why but never quoting a
 *     secret.
 * Control characters are never written bare or quoted. A secret starting
 * with one of secret_encode_prefixes is always encoded, because the target
 * would read it as an encoding; with secrets_quoted, a secret is never
 * written bare (Libreswan reads a bare PSK as an encoding).
 */
#ifndef CGW_ESCAPE_H
#define CGW_ESCAPE_H

#include <stddef.h>

struct buf;
struct cgw_err;
struct val;

enum secret_encoding {
	ENC_NONE,
	ENC_HEX,
	ENC_BASE64
};

struct escape_rule {
	const char		*target;	/* vendor name, for messages */
	unsigned char		 bare[256];	/* 1: may appear unquoted */
	char			 quote;		/* 0: the target cannot quote */
	char			 escape_char;	/* 0: nothing can be escaped */
	char			 lossy;		/* replaces what display text
						   cannot carry ('?') */
	unsigned char		 quote_escapes[256];
	unsigned char		 quote_forbid[256];
	enum secret_encoding	 secret_encoding;
	int			 secrets_quoted;
	char			*secret_prefix;
	char			**secret_encode_prefixes;
	size_t			 nsecret_encode_prefixes;
};

/* "A-Za-z0-9._-": ranges and single characters into a 256-entry set. */
int	escape_charset(const char *, unsigned char *, struct cgw_err *);
void	escape_rule_free(struct escape_rule *);
int	escape_value(const struct escape_rule *, const char *name,
	    const struct val *, const char *text, struct buf *,
	    struct cgw_err *);

#endif
