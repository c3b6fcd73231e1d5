/*
 * Unit tests for escape_value() and escape_charset(), with three rules
 * built the way vendor data files describe them: a swanctl-like one
 * (quotes with backslash escapes, hex secrets), a Libreswan-like one
 * (quotes without escapes, base64 secrets) and a Cisco-like one (no
 * quoting at all). Every output is compared with the exact text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "escape.h"
#include "tap.h"
#include "val.h"
#include "xmalloc.h"

#define BARE	"A-Za-z0-9._:/@-"

static void	 rule_base(struct escape_rule *, const char *);
static void	 rule_prefixes(struct escape_rule *, const char *,
		    const char *);
static void	 rule_swanctl(struct escape_rule *);
static void	 rule_libreswan(struct escape_rule *);
static void	 rule_cisco(struct escape_rule *);
static void	 rule_encode(struct escape_rule *, enum secret_encoding,
		    const char *);
static char	*esc(const struct escape_rule *, const char *, int,
		    const char *, struct cgw_err *);
static int	 one_swanctl_token(const char *);
static void	 t_charset(void);
static void	 t_bare(void);
static void	 t_quoted(void);
static void	 t_unquotable(void);
static void	 t_control(void);
static void	 t_secret_messages(void);
static void	 t_reserved_prefix(void);
static void	 t_encodings(void);
static void	 t_trusted(void);
static void	 t_cisco(void);
static void	 t_injection(void);

static struct escape_rule	swanctl, libreswan, cisco;

static void
rule_base(struct escape_rule *r, const char *target)
{
	struct cgw_err	err;

	memset(r, 0, sizeof(*r));
	memset(&err, 0, sizeof(err));
	r->target = target;
	if (escape_charset(BARE, r->bare, &err) == -1)
		diag("escape_charset: %s", err.msg);
}

static void
rule_prefixes(struct escape_rule *r, const char *a, const char *b)
{
	r->secret_encode_prefixes = xcalloc(2, sizeof(char *));
	r->secret_encode_prefixes[0] = xstrdup(a);
	r->secret_encode_prefixes[1] = xstrdup(b);
	r->nsecret_encode_prefixes = 2;
}

static void
rule_swanctl(struct escape_rule *r)
{
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	rule_base(r, "swanctl");
	r->quote = '"';
	r->escape_char = '\\';
	if (escape_charset("\"\\", r->quote_escapes, &err) == -1 ||
	    escape_charset("$", r->quote_forbid, &err) == -1)
		diag("escape_charset: %s", err.msg);
	r->secret_encoding = ENC_HEX;
	r->secret_prefix = xstrdup("0x");
	rule_prefixes(r, "0x", "0s");
}

static void
rule_libreswan(struct escape_rule *r)
{
	rule_base(r, "libreswan");
	r->quote = '"';
	r->secret_encoding = ENC_BASE64;
	r->secret_prefix = xstrdup("0s");
	rule_prefixes(r, "0s", "0x");
}

static void
rule_cisco(struct escape_rule *r)
{
	rule_base(r, "cisco-ios");
}

/* Nothing is bare and nothing can be quoted: every secret is encoded. */
static void
rule_encode(struct escape_rule *r, enum secret_encoding enc,
    const char *prefix)
{
	memset(r, 0, sizeof(*r));
	r->target = "encoder";
	r->secret_encoding = enc;
	r->secret_prefix = xstrdup(prefix);
}

/*
 * Escape text (a secret when secret is 1, trusted when 2, a plain string
 * when 0, no val at all when -1); returns the output or NULL.
 */
static char *
esc(const struct escape_rule *r, const char *text, int secret,
    const char *name, struct cgw_err *err)
{
	struct buf	 b;
	struct val	*v = NULL;
	char		*s = NULL;

	memset(err, 0, sizeof(*err));
	if (secret == 1)
		v = val_secret(text);
	else if (secret == 2)
		v = val_trusted(text);
	else if (secret == 0)
		v = val_str(text);
	buf_init(&b, 0);
	if (escape_value(r, name, v, text, &b, err) == 0)
		s = buf_release(&b);
	else if (b.len != 0)
		diag("a refused value left %zu bytes in the buffer", b.len);
	buf_free(&b);
	val_free(v);
	return s;
}

/*
 * Whether s is exactly one swanctl token: bare characters only, or a
 * quoted string whose inner quotes and backslashes are all escaped.
 */
static int
one_swanctl_token(const char *s)
{
	const char	*p;

	if (*s != '"') {
		for (p = s; *p != '\0'; p++)
			if (!swanctl.bare[(unsigned char)*p])
				return 0;
		return *s != '\0';
	}
	for (p = s + 1; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
		if (*p == '\\') {
			if (p[1] == '\0')
				return 0;
			p++;
		} else if (*p == '"')
			return p[1] == '\0';
	}
	return 0;
}

static void
t_charset(void)
{
	unsigned char	set[256];
	struct cgw_err	err;
	int		c, n, good;

	memset(&err, 0, sizeof(err));
	is_int(escape_charset("a-c", set, &err), 0, "charset: a-c");
	ok(set['a'] && set['b'] && set['c'] && !set['d'] && !set['`'] &&
	    !set['-'], "charset: a-c is a, b and c only");
	is_int(escape_charset(BARE, set, &err), 0, "charset: " BARE);
	for (n = 0, c = 0; c < 256; c++)
		n += set[c] != 0;
	is_int(n, 26 + 26 + 10 + 6, "charset: " BARE " has 68 characters");
	ok(set['A'] && set['Z'] && set['a'] && set['z'] && set['0'] &&
	    set['9'] && set['.'] && set['_'] && set[':'] && set['/'] &&
	    set['@'] && set['-'], "charset: ends of ranges and singles");
	ok(!set[' '] && !set['"'] && !set['$'] && !set['\\'] && !set[','],
	    "charset: others not included");
	is_int(escape_charset("-a", set, &err), 0, "charset: leading dash");
	ok(set['-'] && set['a'] && !set['b'], "charset: leading dash is "
	    "literal");
	is_int(escape_charset("a-", set, &err), 0, "charset: trailing dash");
	ok(set['-'] && set['a'] && !set['b'], "charset: trailing dash is "
	    "literal");
	is_int(escape_charset("", set, &err), 0, "charset: empty spec");
	for (n = 0, c = 0; c < 256; c++)
		n += set[c] != 0;
	is_int(n, 0, "charset: empty spec gives the empty set");
	is_int(escape_charset("\x01-~", set, &err), 0, "charset: range from "
	    "a control character");
	for (n = 0, good = 1, c = 0; c < 256; c++) {
		n += set[c] != 0;
		if ((c < 0x20 || c == 0x7f) && set[c])
			good = 0;
	}
	ok(good, "charset: control characters are never in a set");
	is_int(n, 95, "charset: \\x01-~ keeps the 95 printable characters");
	is_int(escape_charset("\t\n\x7f ", set, &err), 0, "charset: controls "
	    "listed singly");
	ok(!set['\t'] && !set['\n'] && !set[0x7f] && set[' '],
	    "charset: listed controls dropped, space kept");
	is_int(err.code, CGW_E_NONE, "charset: no error so far");

	is_int(escape_charset("z-a", set, &err), -1, "charset: backwards "
	    "range fails");
	is_int(err.code, CGW_E_TEMPLATE, "charset: backwards range is a "
	    "template error");
	is_str(err.msg, "character range \"z-a\" is backwards",
	    "charset: backwards range message");
	memset(&err, 0, sizeof(err));
	is_int(escape_charset("A-Z9-0", set, &err), -1, "charset: backwards "
	    "second range fails");
	is_str(err.msg, "character range \"9-0\" is backwards",
	    "charset: names the backwards range");
	memset(&err, 0, sizeof(err));
	is_int(escape_charset("a-a", set, &err), 0, "charset: one-character "
	    "range");
	ok(set['a'] && !set['b'] && !set['-'], "charset: a-a is a");
}

static void
t_bare(void)
{
	struct cgw_err	 err;
	char		*s;

	s = esc(&swanctl, "vpnx-f49l6u0z", 0, "id", &err);
	is_str(s, "vpnx-f49l6u0z", "bare: id unchanged");
	free(s);
	s = esc(&swanctl, "user@vpn.example.com:500/x_y", 0, "id", &err);
	is_str(s, "user@vpn.example.com:500/x_y", "bare: every bare "
	    "character unchanged");
	free(s);
	s = esc(&swanctl, "10.0.0.0/16", -1, "ts", &err);
	is_str(s, "10.0.0.0/16", "bare: no val at all");
	free(s);
	s = esc(&swanctl, "0x1234", 0, "id", &err);
	is_str(s, "0x1234", "bare: a plain string starting 0x stays bare");
	free(s);
	s = esc(&swanctl, "s3cr3t-Key_1", 1, "psk", &err);
	is_str(s, "s3cr3t-Key_1", "bare: a bare secret is written as is");
	free(s);
	s = esc(&libreswan, "s3cr3t", 1, "psk", &err);
	is_str(s, "s3cr3t", "bare: libreswan bare secret as is");
	free(s);
	s = esc(&cisco, "abc.def", 0, "name", &err);
	is_str(s, "abc.def", "bare: cisco bare value");
	free(s);
	is_int(err.code, CGW_E_NONE, "bare: no error");
}

static void
t_quoted(void)
{
	struct cgw_err	 err;
	char		*s;

	s = esc(&swanctl, "hello world", 0, "name", &err);
	is_str(s, "\"hello world\"", "quoted: space");
	free(s);
	s = esc(&swanctl, "", 0, "name", &err);
	is_str(s, "\"\"", "quoted: empty value is an empty quoted string");
	free(s);
	s = esc(&swanctl, "a\"b", 0, "name", &err);
	is_str(s, "\"a\\\"b\"", "quoted: quote escaped");
	free(s);
	s = esc(&swanctl, "a\\b", 0, "name", &err);
	is_str(s, "\"a\\\\b\"", "quoted: backslash escaped");
	free(s);
	s = esc(&swanctl, "\\\"", 0, "name", &err);
	is_str(s, "\"\\\\\\\"\"", "quoted: backslash then quote");
	free(s);
	s = esc(&swanctl, "a#b;c{d}e=f,g'h", 0, "name", &err);
	is_str(s, "\"a#b;c{d}e=f,g'h\"", "quoted: syntax characters "
	    "quoted, not escaped");
	free(s);
	s = esc(&swanctl, "caf\xc3\xa9", 0, "name", &err);
	is_str(s, "\"caf\xc3\xa9\"", "quoted: UTF-8 bytes quoted");
	free(s);
	s = esc(&swanctl, "pass word", 1, "psk", &err);
	is_str(s, "\"pass word\"", "quoted: a quotable secret is quoted");
	free(s);
	s = esc(&swanctl, "pa\"ss", 1, "psk", &err);
	is_str(s, "\"pa\\\"ss\"", "quoted: secret with a quote, escaped");
	free(s);
	s = esc(&libreswan, "hello world", 0, "name", &err);
	is_str(s, "\"hello world\"", "quoted: libreswan quotes");
	free(s);
	s = esc(&libreswan, "a\\b", 0, "name", &err);
	is_str(s, "\"a\\b\"", "quoted: libreswan has no escape character, "
	    "backslash is plain");
	free(s);
	is_int(err.code, CGW_E_NONE, "quoted: no error");
}

static void
t_unquotable(void)
{
	struct cgw_err	 err;
	char		*s;

	s = esc(&swanctl, "a$b", 0, "name", &err);
	ok(s == NULL, "unquotable: $ refused by swanctl");
	is_int(err.code, CGW_E_UNSUPPORTED, "unquotable: CGW_E_UNSUPPORTED");
	is_str(err.msg, "name \"a$b\" contains a character that cannot be "
	    "written inside quotes, which swanctl cannot carry",
	    "unquotable: message names the value and target");
	free(s);
	s = esc(&swanctl, "a$b", 1, "psk", &err);
	is_str(s, "0x612462", "unquotable: a secret with $ is hex encoded");
	free(s);
	s = esc(&libreswan, "a\"b", 0, "name", &err);
	ok(s == NULL, "unquotable: a quote without escape character refused");
	is_str(err.msg, "name \"a\"b\" contains a character that cannot be "
	    "written inside quotes, which libreswan cannot carry",
	    "unquotable: libreswan message");
	free(s);
	s = esc(&libreswan, "a\"b", 1, "psk", &err);
	is_str(s, "0sYSJi", "unquotable: libreswan secret with a quote is "
	    "base64 encoded");
	free(s);
	s = esc(&swanctl, "a$b", 2, "title", &err);
	is_str(s, "a$b", "unquotable: trusted text is written as is");
	free(s);
}

static void
t_control(void)
{
	static const struct {
		const char	*in;
		const char	*shown;
		const char	*hex;
		const char	*b64;
	} c[] = {
		{ "a\nb", "a\\x0ab", "0x610a62", "0sYQpi" },
		{ "a\rb", "a\\x0db", "0x610d62", "0sYQ1i" },
		{ "a\tb", "a\\x09b", "0x610962", "0sYQli" },
		{ "a\x7f" "b", "a\\x7fb", "0x617f62", "0sYX9i" },
		{ "\x1b[0m", "\\x1b[0m", "0x1b5b306d", "0sG1swbQ==" },
	};
	struct cgw_err	 err;
	char		 want[256];
	char		*s;
	size_t		 i;

	for (i = 0; i < nitems(c); i++) {
		s = esc(&swanctl, c[i].in, 0, "local_id", &err);
		ok(s == NULL, "control %s: refused in a name", c[i].shown);
		is_int(err.code, CGW_E_UNSUPPORTED, "control %s: "
		    "CGW_E_UNSUPPORTED", c[i].shown);
		snprintf(want, sizeof(want), "local_id \"%s\" contains a "
		    "control character such as a line break, which swanctl "
		    "cannot carry", c[i].shown);
		is_str(err.msg, want, "control %s: message shows it visibly",
		    c[i].shown);
		free(s);
		s = esc(&swanctl, c[i].in, 2, "title", &err);
		ok(s == NULL, "control %s: refused even in trusted text",
		    c[i].shown);
		free(s);
		s = esc(&swanctl, c[i].in, 1, "psk", &err);
		is_str(s, c[i].hex, "control %s: secret hex encoded",
		    c[i].shown);
		free(s);
		s = esc(&libreswan, c[i].in, 1, "psk", &err);
		is_str(s, c[i].b64, "control %s: secret base64 encoded",
		    c[i].shown);
		free(s);
		s = esc(&cisco, c[i].in, 1, "psk", &err);
		ok(s == NULL, "control %s: secret refused without encoding",
		    c[i].shown);
		is_str(err.msg, "the secret psk contains a control character "
		    "such as a line break, which cisco-ios cannot carry; "
		    "change it on the cloud side", "control %s: secret "
		    "message", c[i].shown);
		free(s);
	}
}

static void
t_secret_messages(void)
{
	static const char *const secrets[] = { "Zq9\nXw", "Zq9 Xw",
	    "Zq9\"Xw", "Zq9$Xw" };
	struct escape_rule	 plain;
	struct cgw_err		 err;
	char			*s;
	size_t			 i;

	/* swanctl quoting, but no encoding: $ and controls refused. */
	rule_base(&plain, "plain");
	plain.quote = '"';
	plain.escape_char = '\\';
	escape_charset("\"\\", plain.quote_escapes, &err);
	escape_charset("$", plain.quote_forbid, &err);

	for (i = 0; i < nitems(secrets); i++) {
		s = esc(&cisco, secrets[i], 1, "psk", &err);
		ok(s == NULL, "secret %zu: refused by cisco", i);
		ok(strstr(err.msg, "Zq9") == NULL && strstr(err.msg,
		    "Xw") == NULL, "secret %zu: the message does not hold "
		    "the secret", i);
		ok(strstr(err.msg, "psk") != NULL, "secret %zu: the message "
		    "names the field", i);
		free(s);
	}
	s = esc(&plain, "Zq9$Xw", 1, "psk", &err);
	ok(s == NULL, "secret: unquotable secret without encoding refused");
	is_str(err.msg, "the secret psk contains a character that cannot be "
	    "written inside quotes, which plain cannot carry; change it on "
	    "the cloud side", "secret: message without the secret");
	free(s);
	s = esc(&plain, "Zq9\nXw", 1, "psk", &err);
	ok(s == NULL && strstr(err.msg, "Zq9") == NULL,
	    "secret: control character refused without showing it");
	free(s);
	s = esc(&plain, "Zq9$Xw", 0, "name", &err);
	ok(s == NULL && strstr(err.msg, "\"Zq9$Xw\"") != NULL,
	    "secret: the same text as a non-secret is shown");
	free(s);
	escape_rule_free(&plain);
}

static void
t_reserved_prefix(void)
{
	struct cgw_err	 err;
	char		*s;

	s = esc(&swanctl, "0xdeadbeef", 1, "psk", &err);
	is_str(s, "0x30786465616462656566", "prefix: bare secret starting 0x "
	    "is hex encoded");
	free(s);
	s = esc(&swanctl, "0sabc", 1, "psk", &err);
	is_str(s, "0x3073616263", "prefix: bare secret starting 0s is hex "
	    "encoded");
	free(s);
	s = esc(&libreswan, "0sabc", 1, "psk", &err);
	is_str(s, "0sMHNhYmM=", "prefix: libreswan secret starting 0s is "
	    "base64 encoded");
	free(s);
	s = esc(&libreswan, "0xdeadbeef", 1, "psk", &err);
	is_str(s, "0sMHhkZWFkYmVlZg==", "prefix: libreswan secret starting "
	    "0x is base64 encoded");
	free(s);
	s = esc(&swanctl, "0 x", 1, "psk", &err);
	is_str(s, "\"0 x\"", "prefix: 0 then space is not a prefix");
	free(s);
	s = esc(&swanctl, "x0x", 1, "psk", &err);
	is_str(s, "x0x", "prefix: 0x later in the secret does not count");
	free(s);
	s = esc(&swanctl, "0Xab", 1, "psk", &err);
	is_str(s, "0Xab", "prefix: 0X is not the 0x prefix");
	free(s);
}

static void
t_encodings(void)
{
	static const struct { const char *in, *hex, *b64; } c[] = {
		{ "a", "0x61", "0sYQ==" },
		{ "ab", "0x6162", "0sYWI=" },
		{ "abc", "0x616263", "0sYWJj" },
		{ "abcd", "0x61626364", "0sYWJjZA==" },
		{ "\xff\xfe", "0xfffe", "0s//4=" },
		{ "\x80\x7f\x01", "0x807f01", "0sgH8B" },
		{ "any carnal pleas", "0x616e79206361726e616c20706c656173",
		    "0sYW55IGNhcm5hbCBwbGVhcw==" },
		{ "any carnal pleasu", "0x616e79206361726e616c20706c65617375",
		    "0sYW55IGNhcm5hbCBwbGVhc3U=" },
		{ "sure.>?", "0x737572652e3e3f", "0sc3VyZS4+Pw==" },
	};
	struct escape_rule	 hex, b64;
	struct cgw_err		 err;
	char			*s;
	size_t			 i;

	rule_encode(&hex, ENC_HEX, "0x");
	rule_encode(&b64, ENC_BASE64, "0s");
	for (i = 0; i < nitems(c); i++) {
		s = esc(&hex, c[i].in, 1, "psk", &err);
		is_str(s, c[i].hex, "hex of case %zu", i);
		free(s);
		s = esc(&b64, c[i].in, 1, "psk", &err);
		is_str(s, c[i].b64, "base64 of case %zu", i);
		free(s);
	}
	s = esc(&hex, "abc", 0, "name", &err);
	ok(s == NULL, "encode: a non-secret is never encoded");
	is_str(err.msg, "name \"abc\" contains characters that need quoting, "
	    "and the syntax has none, which encoder cannot carry",
	    "encode: message for the refused non-secret");
	free(s);
	escape_rule_free(&hex);
	escape_rule_free(&b64);
}

static void
t_trusted(void)
{
	struct cgw_err	 err;
	char		*s;

	s = esc(&swanctl, "Tencent Cloud (ap-guangzhou)", 2, "title", &err);
	is_str(s, "Tencent Cloud (ap-guangzhou)", "trusted: written unquoted");
	free(s);
	s = esc(&cisco, "generated by cgwgen, do not edit", 2, "title", &err);
	is_str(s, "generated by cgwgen, do not edit", "trusted: written "
	    "even where nothing can be quoted");
	free(s);
	s = esc(&swanctl, "Tencent Cloud (ap-guangzhou)", 0, "title", &err);
	is_str(s, "\"Tencent Cloud (ap-guangzhou)\"", "trusted: the same "
	    "text untrusted is quoted");
	free(s);
}

static void
t_cisco(void)
{
	struct cgw_err	 err;
	char		*s;

	s = esc(&cisco, "hello world", 0, "description", &err);
	ok(s == NULL, "cisco: a space cannot be written");
	is_int(err.code, CGW_E_UNSUPPORTED, "cisco: CGW_E_UNSUPPORTED");
	is_str(err.msg, "description \"hello world\" contains characters that "
	    "need quoting, and the syntax has none, which cisco-ios cannot "
	    "carry", "cisco: message");
	free(s);
	s = esc(&cisco, "", 0, "description", &err);
	ok(s == NULL, "cisco: an empty value cannot be written");
	free(s);
	s = esc(&cisco, "a\"b", 0, "description", &err);
	ok(s == NULL, "cisco: a quote cannot be written");
	free(s);
	s = esc(&cisco, "pass word", 1, "psk", &err);
	ok(s == NULL && strstr(err.msg, "pass word") == NULL,
	    "cisco: secret with a space refused without showing it");
	free(s);
}

static void
t_injection(void)
{
	static const char *const names[] = {
		"x\" }\n  inject {",
		"x\" } inject {",
		"x\\\" } inject {",
		"x\\",
		"\"",
		"} connections { evil {",
		"a\"\"b",
	};
	struct cgw_err	 err;
	char		*s;
	size_t		 i;

	ok(one_swanctl_token("\"a\\\" b\"") && one_swanctl_token("abc"),
	    "injection: the token checker accepts one token");
	ok(!one_swanctl_token("\"x\" } inject {\"") &&
	    !one_swanctl_token("\"a\nb\"") && !one_swanctl_token("a b") &&
	    !one_swanctl_token("\"a\\\""), "injection: the token checker "
	    "finds a token that ends early, a line break, a space and an "
	    "unterminated quote");
	s = esc(&swanctl, names[0], 0, "name", &err);
	ok(s == NULL, "injection: name with a line break refused");
	is_str(err.msg, "name \"x\" }\\x0a  inject {\" contains a control "
	    "character such as a line break, which swanctl cannot carry",
	    "injection: message shows the line break escaped");
	free(s);
	s = esc(&swanctl, names[1], 0, "name", &err);
	is_str(s, "\"x\\\" } inject {\"", "injection: one-line attempt fully "
	    "quoted with the quote escaped");
	free(s);
	for (i = 0; i < nitems(names); i++) {
		s = esc(&swanctl, names[i], 0, "name", &err);
		ok(s == NULL || one_swanctl_token(s), "injection %zu: swanctl "
		    "output is refused or one token", i);
		if (s != NULL && !one_swanctl_token(s))
			diag("got %s", s);
		free(s);
		s = esc(&swanctl, names[i], 1, "psk", &err);
		ok(s != NULL && (one_swanctl_token(s) ||
		    strspn(s + 2, "0123456789abcdef") == strlen(s + 2)),
		    "injection %zu: swanctl secret is one token", i);
		free(s);
		s = esc(&libreswan, names[i], 0, "name", &err);
		ok(s == NULL || (s[0] == '"' && strchr(s + 1, '"') ==
		    s + strlen(s) - 1 && strchr(s, '\n') == NULL),
		    "injection %zu: libreswan output is refused or one "
		    "quoted token", i);
		free(s);
		s = esc(&cisco, names[i], 0, "name", &err);
		ok(s == NULL, "injection %zu: cisco refuses", i);
		free(s);
	}
	s = esc(&swanctl, names[0], 1, "psk", &err);
	is_str(s, "0x7822207d0a2020696e6a656374207b", "injection: secret "
	    "with a line break hex encoded");
	free(s);
	s = esc(&libreswan, names[0], 1, "psk", &err);
	is_str(s, "0seCIgfQogIGluamVjdCB7", "injection: secret with a line "
	    "break base64 encoded");
	free(s);
	s = esc(&libreswan, names[1], 0, "name", &err);
	ok(s == NULL, "injection: libreswan refuses a quote in a name");
	free(s);
}

int
main(void)
{
	rule_swanctl(&swanctl);
	rule_libreswan(&libreswan);
	rule_cisco(&cisco);
	t_charset();
	t_bare();
	t_quoted();
	t_unquotable();
	t_control();
	t_secret_messages();
	t_reserved_prefix();
	t_encodings();
	t_trusted();
	t_cisco();
	t_injection();
	escape_rule_free(&swanctl);
	escape_rule_free(&libreswan);
	escape_rule_free(&cisco);
	return done_testing();
}
