/*
 * Unit tests for the algorithm tables: every spelling Tencent Cloud and
 * Alibaba Cloud document (cloud-apis.md 1.5 and 2.6) maps to the right
 * canonical id, matching ignores case, unknown names give NULL, canonical
 * ids round-trip, and the flags and IANA numbers are right.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "alg.h"
#include "tap.h"

struct spelling {
	enum alg_kind	 kind;
	const char	*cloud;		/* the cloud's spelling */
	const char	*id;		/* canonical id, NULL: unknown */
};

struct number {
	enum alg_kind	 kind;
	const char	*id;
	int		 iana;
};

static const char	*id_of(const struct alg *);
static void		 t_tencent(void);
static void		 t_alibaba(void);
static void		 t_case(void);
static void		 t_unknown(void);
static void		 t_roundtrip(void);
static void		 t_flags(void);
static void		 t_iana(void);
static void		 t_misc(void);

/* Tencent: IKEOptionsSpecification and IPSECOptionsSpecification. */
static const struct spelling tencent[] = {
	{ ALG_ENC, "3DES-CBC", "3des-cbc" },
	{ ALG_ENC, "AES-CBC-128", "aes128-cbc" },
	{ ALG_ENC, "AES-CBC-192", "aes192-cbc" },
	{ ALG_ENC, "AES-CBC-256", "aes256-cbc" },
	{ ALG_ENC, "DES-CBC", "des-cbc" },
	{ ALG_ENC, "SM4", "sm4-cbc" },
	{ ALG_ENC, "NULL", "null" },
	{ ALG_ENC, "AES128GCM128", "aes128-gcm16" },
	{ ALG_ENC, "AES192GCM128", "aes192-gcm16" },
	{ ALG_ENC, "AES256GCM128", "aes256-gcm16" },
	{ ALG_INTEG, "MD5", "md5" },
	{ ALG_INTEG, "SHA", "sha1" },
	{ ALG_INTEG, "SHA1", "sha1" },
	{ ALG_INTEG, "SHA-256", "sha256" },
	{ ALG_INTEG, "SHA-384", "sha384" },
	{ ALG_INTEG, "SHA-512", "sha512" },
	{ ALG_INTEG, "SM3", "sm3" },
	{ ALG_DH, "GROUP1", "modp768" },
	{ ALG_DH, "GROUP2", "modp1024" },
	{ ALG_DH, "GROUP5", "modp1536" },
	{ ALG_DH, "GROUP14", "modp2048" },
	{ ALG_DH, "GROUP15", "modp3072" },
	{ ALG_DH, "GROUP16", "modp4096" },
	{ ALG_DH, "GROUP19", "ecp256" },
	{ ALG_DH, "GROUP20", "ecp384" },
	{ ALG_DH, "GROUP21", "ecp521" },
	{ ALG_DH, "GROUP24", "modp2048s256" },
	{ ALG_DH, "DH-GROUP1", "modp768" },
	{ ALG_DH, "DH-GROUP2", "modp1024" },
	{ ALG_DH, "DH-GROUP5", "modp1536" },
	{ ALG_DH, "DH-GROUP14", "modp2048" },
	{ ALG_DH, "DH-GROUP15", "modp3072" },
	{ ALG_DH, "DH-GROUP16", "modp4096" },
	{ ALG_DH, "DH-GROUP19", "ecp256" },
	{ ALG_DH, "DH-GROUP20", "ecp384" },
	{ ALG_DH, "DH-GROUP21", "ecp521" },
	{ ALG_DH, "DH-GROUP24", "modp2048s256" },
};

/* Alibaba: IkeEncAlg/IpsecEncAlg, IkeAuthAlg/IpsecAuthAlg, IkePfs. */
static const struct spelling alibaba[] = {
	{ ALG_ENC, "aes", "aes128-cbc" },
	{ ALG_ENC, "aes192", "aes192-cbc" },
	{ ALG_ENC, "aes256", "aes256-cbc" },
	{ ALG_ENC, "des", "des-cbc" },
	{ ALG_ENC, "3des", "3des-cbc" },
	{ ALG_ENC, "sm4", "sm4-cbc" },
	{ ALG_INTEG, "md5", "md5" },
	{ ALG_INTEG, "sha1", "sha1" },
	{ ALG_INTEG, "sha256", "sha256" },
	{ ALG_INTEG, "sha384", "sha384" },
	{ ALG_INTEG, "sha512", "sha512" },
	{ ALG_INTEG, "sm3", "sm3" },
	{ ALG_DH, "group1", "modp768" },
	{ ALG_DH, "group2", "modp1024" },
	{ ALG_DH, "group5", "modp1536" },
	{ ALG_DH, "group14", "modp2048" },
};

static const struct number numbers[] = {
	{ ALG_DH, "modp768", 1 },
	{ ALG_DH, "modp1024", 2 },
	{ ALG_DH, "modp1536", 5 },
	{ ALG_DH, "modp2048", 14 },
	{ ALG_DH, "modp3072", 15 },
	{ ALG_DH, "modp4096", 16 },
	{ ALG_DH, "ecp256", 19 },
	{ ALG_DH, "ecp384", 20 },
	{ ALG_DH, "ecp521", 21 },
	{ ALG_DH, "modp2048s256", 24 },
	/* IKEv2 transform type 1 (ENCR_*). */
	{ ALG_ENC, "des-cbc", 2 },
	{ ALG_ENC, "3des-cbc", 3 },
	{ ALG_ENC, "null", 11 },
	{ ALG_ENC, "aes128-cbc", 12 },
	{ ALG_ENC, "aes192-cbc", 12 },
	{ ALG_ENC, "aes256-cbc", 12 },
	{ ALG_ENC, "aes128-gcm16", 20 },
	{ ALG_ENC, "aes192-gcm16", 20 },
	{ ALG_ENC, "aes256-gcm16", 20 },
	/* IKEv2 transform type 3 (AUTH_*). */
	{ ALG_INTEG, "md5", 1 },
	{ ALG_INTEG, "sha1", 2 },
	{ ALG_INTEG, "sha256", 12 },
	{ ALG_INTEG, "sha384", 13 },
	{ ALG_INTEG, "sha512", 14 },
};

static const char *
id_of(const struct alg *a)
{
	return a == NULL ? NULL : a->id;
}

static void
t_tencent(void)
{
	size_t	i;

	for (i = 0; i < nitems(tencent); i++)
		is_str(id_of(alg_by_tencent(tencent[i].kind, tencent[i].cloud)),
		    tencent[i].id, "tencent %s %s -> %s",
		    alg_kind_name(tencent[i].kind), tencent[i].cloud,
		    tencent[i].id);
}

static void
t_alibaba(void)
{
	size_t	i;

	for (i = 0; i < nitems(alibaba); i++)
		is_str(id_of(alg_by_alibaba(alibaba[i].kind, alibaba[i].cloud)),
		    alibaba[i].id, "alibaba %s %s -> %s",
		    alg_kind_name(alibaba[i].kind), alibaba[i].cloud,
		    alibaba[i].id);
}

static void
t_case(void)
{
	char	s[64];
	size_t	i, j;
	int	good;

	good = 1;
	for (i = 0; i < nitems(tencent); i++) {
		snprintf(s, sizeof(s), "%s", tencent[i].cloud);
		for (j = 0; s[j] != '\0'; j++)
			if (s[j] >= 'A' && s[j] <= 'Z')
				s[j] = (char)(s[j] - 'A' + 'a');
		if (alg_by_tencent(tencent[i].kind, s) !=
		    alg_by_id(tencent[i].kind, tencent[i].id)) {
			diag("tencent lower case %s not matched", s);
			good = 0;
		}
	}
	ok(good, "tencent: every spelling matches in lower case");
	good = 1;
	for (i = 0; i < nitems(alibaba); i++) {
		snprintf(s, sizeof(s), "%s", alibaba[i].cloud);
		for (j = 0; s[j] != '\0'; j++)
			if (s[j] >= 'a' && s[j] <= 'z')
				s[j] = (char)(s[j] - 'a' + 'A');
		if (alg_by_alibaba(alibaba[i].kind, s) !=
		    alg_by_id(alibaba[i].kind, alibaba[i].id)) {
			diag("alibaba upper case %s not matched", s);
			good = 0;
		}
	}
	ok(good, "alibaba: every spelling matches in upper case");
	is_str(id_of(alg_by_tencent(ALG_ENC, "Aes-Cbc-256")), "aes256-cbc",
	    "tencent: mixed case Aes-Cbc-256");
	is_str(id_of(alg_by_tencent(ALG_DH, "dh-Group14")), "modp2048",
	    "tencent: mixed case dh-Group14");
	is_str(id_of(alg_by_tencent(ALG_INTEG, "Sha-256")), "sha256",
	    "tencent: mixed case Sha-256");
	is_str(id_of(alg_by_alibaba(ALG_DH, "Group14")), "modp2048",
	    "alibaba: mixed case Group14");
	is_str(id_of(alg_by_alibaba(ALG_ENC, "AES256")), "aes256-cbc",
	    "alibaba: AES256");
}

static void
t_unknown(void)
{
	ok(alg_by_tencent(ALG_ENC, "AES-CBC-512") == NULL,
	    "tencent: AES-CBC-512 unknown");
	ok(alg_by_tencent(ALG_ENC, "") == NULL, "tencent: empty unknown");
	ok(alg_by_tencent(ALG_ENC, NULL) == NULL, "tencent: NULL unknown");
	ok(alg_by_tencent(ALG_ENC, "AES-CBC-128 ") == NULL,
	    "tencent: trailing space is not ignored");
	ok(alg_by_tencent(ALG_ENC, "AES-CBC") == NULL,
	    "tencent: prefix of a spelling unknown");
	ok(alg_by_tencent(ALG_ENC, "aes") == NULL,
	    "tencent: Alibaba's aes is not a Tencent spelling");
	ok(alg_by_tencent(ALG_ENC, "aes128-cbc") == NULL,
	    "tencent: canonical id is not a Tencent spelling");
	ok(alg_by_tencent(ALG_INTEG, "AES-CBC-128") == NULL,
	    "tencent: encryption name is not an integrity algorithm");
	ok(alg_by_tencent(ALG_ENC, "SHA-256") == NULL,
	    "tencent: integrity name is not an encryption algorithm");
	ok(alg_by_tencent(ALG_DH, "GROUP3") == NULL, "tencent: GROUP3 unknown");
	ok(alg_by_tencent(ALG_DH, "DH-GROUP") == NULL,
	    "tencent: DH-GROUP unknown");
	ok(alg_by_tencent(ALG_DH, "14") == NULL, "tencent: bare 14 unknown");
	ok(alg_by_alibaba(ALG_ENC, "AES-CBC-128") == NULL,
	    "alibaba: Tencent's AES-CBC-128 unknown");
	ok(alg_by_alibaba(ALG_ENC, "aes128") == NULL,
	    "alibaba: aes128 unknown");
	ok(alg_by_alibaba(ALG_ENC, "null") == NULL,
	    "alibaba: null unknown");
	ok(alg_by_alibaba(ALG_DH, "disabled") == NULL,
	    "alibaba: disabled is not a group");
	ok(alg_by_alibaba(ALG_DH, "group3") == NULL,
	    "alibaba: group3 unknown");
	ok(alg_by_alibaba(ALG_INTEG, NULL) == NULL,
	    "alibaba: NULL unknown");
	ok(alg_by_alibaba(ALG_INTEG, "") == NULL, "alibaba: empty unknown");
	ok(alg_by_id(ALG_ENC, "AES-CBC-128") == NULL,
	    "id: Tencent spelling is not an id");
	ok(alg_by_id(ALG_ENC, "aes") == NULL,
	    "id: Alibaba spelling is not an id");
	ok(alg_by_id(ALG_INTEG, "aes128-cbc") == NULL,
	    "id: encryption id is not an integrity id");
	ok(alg_by_id(ALG_DH, "") == NULL, "id: empty unknown");
	ok(alg_by_id(ALG_DH, NULL) == NULL, "id: NULL unknown");
}

static void
t_roundtrip(void)
{
	static const enum alg_kind kinds[] = { ALG_ENC, ALG_INTEG, ALG_DH };
	const struct alg	*t;
	size_t			 k, i, j, n;
	int			 good, uniq, spell;

	for (k = 0; k < nitems(kinds); k++) {
		t = alg_table(kinds[k], &n);
		ok(t != NULL && n > 0, "%s table: not empty",
		    alg_kind_name(kinds[k]));
		good = uniq = spell = 1;
		for (i = 0; i < n; i++) {
			if (alg_by_id(kinds[k], t[i].id) != &t[i]) {
				diag("%s does not round-trip", t[i].id);
				good = 0;
			}
			for (j = i + 1; j < n; j++)
				if (strcmp(t[i].id, t[j].id) == 0)
					uniq = 0;
			if ((t[i].tc_ike != NULL &&
			    alg_by_tencent(kinds[k], t[i].tc_ike) != &t[i]) ||
			    (t[i].tc_esp != NULL &&
			    alg_by_tencent(kinds[k], t[i].tc_esp) != &t[i]) ||
			    (t[i].tc_alias != NULL &&
			    alg_by_tencent(kinds[k], t[i].tc_alias) != &t[i]) ||
			    (t[i].al != NULL &&
			    alg_by_alibaba(kinds[k], t[i].al) != &t[i])) {
				diag("a spelling of %s finds another row",
				    t[i].id);
				spell = 0;
			}
			if (t[i].name == NULL || *t[i].name == '\0') {
				diag("%s has no name", t[i].id);
				good = 0;
			}
		}
		ok(good, "%s table: every id round-trips through alg_by_id "
		    "and has a name", alg_kind_name(kinds[k]));
		ok(uniq, "%s table: ids are unique", alg_kind_name(kinds[k]));
		ok(spell, "%s table: every cloud spelling finds its own row",
		    alg_kind_name(kinds[k]));
	}
}

static void
t_flags(void)
{
	static const struct { enum alg_kind kind; const char *id; } weak[] = {
		{ ALG_ENC, "des-cbc" }, { ALG_ENC, "3des-cbc" },
		{ ALG_ENC, "null" }, { ALG_INTEG, "md5" },
		{ ALG_DH, "modp768" }, { ALG_DH, "modp1024" },
		{ ALG_DH, "modp1536" }, { ALG_DH, "modp2048s256" },
	}, strong[] = {
		{ ALG_ENC, "aes128-cbc" }, { ALG_ENC, "aes192-cbc" },
		{ ALG_ENC, "aes256-cbc" }, { ALG_ENC, "aes128-gcm16" },
		{ ALG_ENC, "aes192-gcm16" }, { ALG_ENC, "aes256-gcm16" },
		{ ALG_INTEG, "sha1" }, { ALG_INTEG, "sha256" },
		{ ALG_INTEG, "sha384" }, { ALG_INTEG, "sha512" },
		{ ALG_DH, "modp2048" }, { ALG_DH, "modp3072" },
		{ ALG_DH, "ecp256" }, { ALG_DH, "ecp384" },
	};
	static const char *const aead[] = { "aes128-gcm16", "aes192-gcm16",
	    "aes256-gcm16" };
	static const char *const notaead[] = { "aes128-cbc", "aes192-cbc",
	    "aes256-cbc", "3des-cbc", "des-cbc", "sm4-cbc", "null" };
	const struct alg	*a;
	size_t			 i;

	for (i = 0; i < nitems(weak); i++) {
		a = alg_by_id(weak[i].kind, weak[i].id);
		ok(a != NULL && (a->flags & ALG_WEAK) != 0, "%s is weak",
		    weak[i].id);
		ok(a != NULL && a->why != NULL && *a->why != '\0',
		    "%s says why it is weak", weak[i].id);
	}
	for (i = 0; i < nitems(strong); i++) {
		a = alg_by_id(strong[i].kind, strong[i].id);
		ok(a != NULL && (a->flags & ALG_WEAK) == 0, "%s is not weak",
		    strong[i].id);
	}
	for (i = 0; i < nitems(aead); i++) {
		a = alg_by_id(ALG_ENC, aead[i]);
		ok(a != NULL && (a->flags & ALG_AEAD) != 0, "%s is AEAD",
		    aead[i]);
	}
	for (i = 0; i < nitems(notaead); i++) {
		a = alg_by_id(ALG_ENC, notaead[i]);
		ok(a != NULL && (a->flags & ALG_AEAD) == 0, "%s is not AEAD",
		    notaead[i]);
	}
	a = alg_by_id(ALG_ENC, "null");
	ok(a != NULL && (a->flags & ALG_NOIKE) != 0, "null is ESP only");
	a = alg_by_id(ALG_ENC, "aes256-cbc");
	ok(a != NULL && (a->flags & ALG_NOIKE) == 0, "aes256-cbc works in "
	    "IKE");
	a = alg_by_id(ALG_ENC, "sm4-cbc");
	ok(a != NULL && (a->flags & ALG_NATIONAL) != 0, "sm4-cbc is ShangMi");
	a = alg_by_id(ALG_INTEG, "sm3");
	ok(a != NULL && (a->flags & ALG_NATIONAL) != 0, "sm3 is ShangMi");
	a = alg_by_id(ALG_INTEG, "sha256");
	ok(a != NULL && (a->flags & (ALG_NATIONAL | ALG_AEAD)) == 0,
	    "sha256 is neither ShangMi nor AEAD");
}

static void
t_iana(void)
{
	const struct alg	*a;
	size_t			 i;

	for (i = 0; i < nitems(numbers); i++) {
		a = alg_by_id(numbers[i].kind, numbers[i].id);
		is_int(a == NULL ? -1 : a->iana, numbers[i].iana,
		    "%s is IANA number %d", numbers[i].id, numbers[i].iana);
	}
}

static void
t_misc(void)
{
	const struct alg	*a;

	is_str(alg_kind_name(ALG_ENC), "encryption", "kind name encryption");
	is_str(alg_kind_name(ALG_INTEG), "integrity", "kind name integrity");
	is_str(alg_kind_name(ALG_DH), "DH group", "kind name DH group");
	a = alg_recommended(ALG_ENC);
	is_str(id_of(a), "aes256-cbc", "recommended encryption");
	ok(a != NULL && (a->flags & ALG_WEAK) == 0,
	    "recommended encryption is not weak");
	a = alg_recommended(ALG_INTEG);
	is_str(id_of(a), "sha256", "recommended integrity");
	ok(a != NULL && (a->flags & ALG_WEAK) == 0,
	    "recommended integrity is not weak");
	a = alg_recommended(ALG_DH);
	is_str(id_of(a), "modp2048", "recommended DH group");
	ok(a != NULL && (a->flags & ALG_WEAK) == 0,
	    "recommended DH group is not weak");
}

int
main(void)
{
	t_tencent();
	t_alibaba();
	t_case();
	t_unknown();
	t_roundtrip();
	t_flags();
	t_iana();
	t_misc();
	return done_testing();
}
