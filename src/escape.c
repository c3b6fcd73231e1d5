/*
 * Quoting untrusted values for a target syntax, per struct escape_rule.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "escape.h"
#include "val.h"
#include "xmalloc.h"

static int	encode(const struct escape_rule *, const char *, struct buf *,
		    struct cgw_err *);
static int	carriable(const struct escape_rule *, unsigned char);
static void	describe(const char *, char *, size_t);

int
escape_charset(const char *spec, unsigned char *set, struct cgw_err *err)
{
	const unsigned char	*p = (const unsigned char *)spec;
	unsigned int		 c;

	memset(set, 0, 256);
	while (*p != '\0') {
		if (p[1] == '-' && p[2] != '\0') {
			if (p[2] < p[0])
				return err_set(err, CGW_E_TEMPLATE, "character "
				    "range \"%c-%c\" is backwards", p[0], p[2]);
			for (c = p[0]; c <= p[2]; c++)
				set[c] = 1;
			p += 3;
		} else
			set[*p++] = 1;
	}
	/* Control characters are never safe, whatever the file says. */
	for (c = 0; c < 0x20; c++)
		set[c] = 0;
	set[0x7f] = 0;
	return 0;
}

void
escape_rule_free(struct escape_rule *r)
{
	size_t	i;

	free(r->secret_prefix);
	for (i = 0; i < r->nsecret_encode_prefixes; i++)
		free(r->secret_encode_prefixes[i]);
	free(r->secret_encode_prefixes);
	memset(r, 0, sizeof(*r));
}

static int
encode(const struct escape_rule *r, const char *s, struct buf *out,
    struct cgw_err *err)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s), n;
	char			*enc;
	int			 ret;

	if (buf_adds(out, r->secret_prefix, err) == -1)
		return -1;
	n = r->secret_encoding == ENC_HEX ? 2 * len + 1 :
	    4 * ((len + 2) / 3) + 1;
	enc = xmalloc(n);
	if (r->secret_encoding == ENC_HEX)
		crypto_hex(p, len, enc);
	else
		crypto_base64(p, len, enc);
	ret = buf_adds(out, enc, err);
	/* The encoding is the secret, as readable as the key itself. */
	crypto_wipe(enc, n);
	free(enc);
	return ret;
}

/* Quote a non-secret value for a message, making controls visible. */
static void
describe(const char *s, char *out, size_t len)
{
	size_t	used = 0;
	int	w;

	out[0] = '\0';
	for (; *s != '\0' && used + 5 < len; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			w = snprintf(out + used, len - used, "\\x%02x",
			    (unsigned char)*s);
		else
			w = snprintf(out + used, len - used, "%c", *s);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* Whether c can be written at all, bare or quoted. */
static int
carriable(const struct escape_rule *r, unsigned char c)
{
	if (c < 0x20 || c == 0x7f)
		return 0;
	if (r->bare[c])
		return 1;
	if (r->quote == 0 || r->quote_forbid[c])
		return 0;
	if (c == (unsigned char)r->quote || (r->escape_char != 0 &&
	    c == (unsigned char)r->escape_char))
		return r->escape_char != 0 && r->quote_escapes[c];
	return 1;
}

int
escape_value(const struct escape_rule *r, const char *name,
    const struct val *v, const char *text, struct buf *out,
    struct cgw_err *err)
{
	const unsigned char	*p;
	char			 shown[256];
	const char		*why;
	size_t			 i;
	int			 secret, ctrl = 0, bare = 1, quotable;
	int			 reserved = 0;

	secret = v != NULL && (v->flags & VAL_SECRET);
	quotable = r->quote != 0;
	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			ctrl = 1;
		if (!r->bare[*p])
			bare = 0;
		if (r->quote_forbid[*p])
			quotable = 0;
		else if ((*p == (unsigned char)r->quote || (r->escape_char != 0 &&
		    *p == (unsigned char)r->escape_char)) &&
		    (r->escape_char == 0 || !r->quote_escapes[*p]))
			quotable = 0;
	}
	if (*text == '\0' || (secret && r->secrets_quoted))
		bare = 0;
	for (i = 0; secret && i < r->nsecret_encode_prefixes; i++)
		if (strncmp(text, r->secret_encode_prefixes[i],
		    strlen(r->secret_encode_prefixes[i])) == 0)
			reserved = 1;

	if (!ctrl && !reserved && (bare || (v != NULL &&
	    (v->flags & VAL_TRUSTED))))
		return buf_adds(out, text, err);
	if (!ctrl && !reserved && quotable) {
		if (buf_addc(out, r->quote, err) == -1)
			return -1;
		for (p = (const unsigned char *)text; *p != '\0'; p++) {
			if (r->quote_escapes[*p] && r->escape_char != 0 &&
			    buf_addc(out, r->escape_char, err) == -1)
				return -1;
			if (buf_addc(out, (char)*p, err) == -1)
				return -1;
		}
		return buf_addc(out, r->quote, err);
	}
	if (secret && r->secret_encoding != ENC_NONE)
		return encode(r, text, out, err);
	if (v != NULL && (v->flags & VAL_LOSSY) && !secret) {
		struct val	 tmp;
		char		*copy = strdup(text);
		int		 ret;

		if (copy == NULL)
			return err_set(err, CGW_E_SYS, "out of memory");
		for (i = 0; copy[i] != '\0'; i++)
			if (!carriable(r, (unsigned char)copy[i]))
				copy[i] = r->lossy != 0 ? r->lossy : '?';
		memset(&tmp, 0, sizeof(tmp));
		tmp.type = VAL_STR;
		ret = escape_value(r, name, &tmp, copy, out, err);
		free(copy);
		return ret;
	}

	if (ctrl)
		why = "a control character such as a line break";
	else if (r->quote == 0)
		why = "characters that need quoting, and the syntax has none";
	else
		why = "a character that cannot be written inside quotes";
	if (secret)
		return err_set(err, CGW_E_UNSUPPORTED, "the secret %s contains "
		    "%s, which %s cannot carry; change it on the cloud side",
		    name, why, r->target);
	describe(text, shown, sizeof(shown));
	return err_set(err, CGW_E_UNSUPPORTED, "%s \"%s\" contains %s, which "
	    "%s cannot carry", name, shown, why, r->target);
}
