/*
 * The algorithm tables. Sources: IANA IKEv2 transform registry, Tencent
 * VPC API 2017-03-12 (IKEOptionsSpecification, IPSECOptionsSpecification)
 * and Alibaba VPC API 2016-04-28 (IkeConfig, IpsecConfig).
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "alg.h"
#include "compat.h"

static const struct alg	*alg_find(enum alg_kind, const char *, int);

static const struct alg enc_table[] = {
	{ .id = "des-cbc", .name = "DES-CBC", .iana = 2, .flags = ALG_WEAK,
	  .why = "a 56-bit key is broken",
	  .tc_ike = "DES-CBC", .tc_esp = "DES-CBC", .al = "des" },
	{ .id = "3des-cbc", .name = "3DES-CBC", .iana = 3, .flags = ALG_WEAK,
	  .why = "a 64-bit block, deprecated by RFC 8221",
	  .tc_ike = "3DES-CBC", .tc_esp = "3DES-CBC", .al = "3des" },
	{ .id = "aes128-cbc", .name = "AES-CBC-128", .iana = 12,
	  .tc_ike = "AES-CBC-128", .tc_esp = "AES-CBC-128", .al = "aes" },
	{ .id = "aes192-cbc", .name = "AES-CBC-192", .iana = 12,
	  .tc_ike = "AES-CBC-192", .tc_esp = "AES-CBC-192", .al = "aes192" },
	{ .id = "aes256-cbc", .name = "AES-CBC-256", .iana = 12,
	  .tc_ike = "AES-CBC-256", .tc_esp = "AES-CBC-256", .al = "aes256" },
	{ .id = "aes128-gcm16", .name = "AES-GCM-128 (16-octet ICV)",
	  .iana = 20, .flags = ALG_AEAD,
	  .tc_ike = "AES128GCM128", .tc_esp = "AES128GCM128" },
	{ .id = "aes192-gcm16", .name = "AES-GCM-192 (16-octet ICV)",
	  .iana = 20, .flags = ALG_AEAD,
	  .tc_ike = "AES192GCM128", .tc_esp = "AES192GCM128" },
	{ .id = "aes256-gcm16", .name = "AES-GCM-256 (16-octet ICV)",
	  .iana = 20, .flags = ALG_AEAD,
	  .tc_ike = "AES256GCM128", .tc_esp = "AES256GCM128" },
	{ .id = "sm4-cbc", .name = "SM4-CBC", .flags = ALG_NATIONAL,
	  .tc_ike = "SM4", .tc_esp = "SM4", .al = "sm4" },
	{ .id = "null", .name = "NULL (no encryption)", .iana = 11,
	  .flags = ALG_WEAK | ALG_NOIKE,
	  .why = "the traffic is not encrypted",
	  .tc_esp = "NULL" },
};

static const struct alg integ_table[] = {
	{ .id = "md5", .name = "HMAC-MD5-96", .iana = 1, .flags = ALG_WEAK,
	  .why = "broken, deprecated by RFC 8221 and RFC 8247",
	  .tc_ike = "MD5", .tc_esp = "MD5", .al = "md5" },
	{ .id = "sha1", .name = "HMAC-SHA1-96", .iana = 2,
	  .tc_ike = "SHA", .tc_esp = "SHA1", .tc_alias = "SHA-1",
	  .al = "sha1" },
	{ .id = "sha256", .name = "HMAC-SHA2-256-128", .iana = 12,
	  .tc_ike = "SHA-256", .tc_esp = "SHA-256", .tc_alias = "SHA256",
	  .al = "sha256" },
	{ .id = "sha384", .name = "HMAC-SHA2-384-192", .iana = 13,
	  .tc_ike = "SHA-384", .tc_esp = "SHA-384", .tc_alias = "SHA384",
	  .al = "sha384" },
	{ .id = "sha512", .name = "HMAC-SHA2-512-256", .iana = 14,
	  .tc_ike = "SHA-512", .tc_esp = "SHA-512", .tc_alias = "SHA512",
	  .al = "sha512" },
	{ .id = "sm3", .name = "HMAC-SM3", .flags = ALG_NATIONAL,
	  .tc_ike = "SM3", .tc_esp = "SM3", .al = "sm3" },
};

static const struct alg dh_table[] = {
	{ .id = "modp768", .name = "MODP-768 (group 1)", .iana = 1,
	  .flags = ALG_WEAK, .why = "a 768-bit group can be broken",
	  .tc_ike = "GROUP1", .tc_esp = "DH-GROUP1", .al = "group1" },
	{ .id = "modp1024", .name = "MODP-1024 (group 2)", .iana = 2,
	  .flags = ALG_WEAK,
	  .why = "a 1024-bit group, deprecated by RFC 8247",
	  .tc_ike = "GROUP2", .tc_esp = "DH-GROUP2", .al = "group2" },
	{ .id = "modp1536", .name = "MODP-1536 (group 5)", .iana = 5,
	  .flags = ALG_WEAK,
	  .why = "1536 bits, below the 2048-bit minimum of RFC 8247",
	  .tc_ike = "GROUP5", .tc_esp = "DH-GROUP5", .al = "group5" },
	{ .id = "modp2048", .name = "MODP-2048 (group 14)", .iana = 14,
	  .tc_ike = "GROUP14", .tc_esp = "DH-GROUP14", .al = "group14" },
	{ .id = "modp3072", .name = "MODP-3072 (group 15)", .iana = 15,
	  .tc_ike = "GROUP15", .tc_esp = "DH-GROUP15" },
	{ .id = "modp4096", .name = "MODP-4096 (group 16)", .iana = 16,
	  .tc_ike = "GROUP16", .tc_esp = "DH-GROUP16" },
	{ .id = "ecp256", .name = "ECP-256 (group 19)", .iana = 19,
	  .tc_ike = "GROUP19", .tc_esp = "DH-GROUP19" },
	{ .id = "ecp384", .name = "ECP-384 (group 20)", .iana = 20,
	  .tc_ike = "GROUP20", .tc_esp = "DH-GROUP20" },
	{ .id = "ecp521", .name = "ECP-521 (group 21)", .iana = 21,
	  .tc_ike = "GROUP21", .tc_esp = "DH-GROUP21" },
	{ .id = "modp2048s256", .name = "MODP-2048/256 (group 24)",
	  .iana = 24, .flags = ALG_WEAK,
	  .why = "RFC 8247 says it should not be used",
	  .tc_ike = "GROUP24", .tc_esp = "DH-GROUP24" },
};

static const struct {
	const struct alg	*table;
	size_t			 n;
	const char		*name;
	const char		*recommended;
} tables[] = {
	[ALG_ENC] = { enc_table, nitems(enc_table), "encryption",
	    "aes256-cbc" },
	[ALG_INTEG] = { integ_table, nitems(integ_table), "integrity",
	    "sha256" },
	[ALG_DH] = { dh_table, nitems(dh_table), "DH group", "modp2048" },
};

const struct alg *
alg_table(enum alg_kind kind, size_t *n)
{
	*n = tables[kind].n;
	return tables[kind].table;
}

const char *
alg_kind_name(enum alg_kind kind)
{
	return tables[kind].name;
}

/* how: 0 canonical id, 1 Tencent, 2 Alibaba. */
static const struct alg *
alg_find(enum alg_kind kind, const char *s, int how)
{
	const struct alg	*a;
	size_t			 i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < tables[kind].n; i++) {
		a = &tables[kind].table[i];
		switch (how) {
		case 0:
			if (strcmp(a->id, s) == 0)
				return a;
			break;
		case 1:
			if ((a->tc_ike != NULL && strcasecmp(a->tc_ike, s) == 0) ||
			    (a->tc_esp != NULL && strcasecmp(a->tc_esp, s) == 0) ||
			    (a->tc_alias != NULL &&
			    strcasecmp(a->tc_alias, s) == 0))
				return a;
			break;
		default:
			if (a->al != NULL && strcasecmp(a->al, s) == 0)
				return a;
			break;
		}
	}
	return NULL;
}

const struct alg *
alg_by_id(enum alg_kind kind, const char *s)
{
	return alg_find(kind, s, 0);
}

const struct alg *
alg_by_tencent(enum alg_kind kind, const char *s)
{
	return alg_find(kind, s, 1);
}

const struct alg *
alg_by_alibaba(enum alg_kind kind, const char *s)
{
	return alg_find(kind, s, 2);
}

const struct alg *
alg_recommended(enum alg_kind kind)
{
	return alg_by_id(kind, tables[kind].recommended);
}

void
alg_spellings(enum alg_kind kind, enum alg_col col, const char *first,
    char *out, size_t len)
{
	const struct alg	*a;
	const char		*sp;
	size_t			 i, used;
	int			 w;

	snprintf(out, len, "%s", first == NULL ? "" : first);
	used = strlen(out);
	for (i = 0; i < tables[kind].n && used < len; i++) {
		a = &tables[kind].table[i];
		switch (col) {
		case ALG_COL_ID:
			sp = a->id;
			break;
		case ALG_COL_TC_IKE:
			sp = a->tc_ike;
			break;
		case ALG_COL_TC_ESP:
			sp = a->tc_esp;
			break;
		default:
			sp = a->al;
			break;
		}
		if (sp == NULL)
			continue;
		w = snprintf(out + used, len - used, "%s%s",
		    used == 0 ? "" : ", ", sp);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}
