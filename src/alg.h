/*
 * Algorithm tables: one table per kind (encryption, integrity, DH group),
 * one row per algorithm with its canonical id, its IANA number, what we
 * know of its strength, and how each cloud spells it. The model holds
 * pointers to these rows; vendor data files map the canonical ids out.
 * PRFs use the integrity table's hash ids (a PRF "sha256" is
 * PRF-HMAC-SHA2-256).
 */
#ifndef CGW_ALG_H
#define CGW_ALG_H

#include <stddef.h>

enum alg_kind {
	ALG_ENC,
	ALG_INTEG,
	ALG_DH
};

#define ALG_WEAK	0x01	/* warn: deprecated or too short */
#define ALG_AEAD	0x02	/* combined mode: no separate integrity */
#define ALG_NATIONAL	0x04	/* Chinese ShangMi algorithm */
#define ALG_NOIKE	0x08	/* not valid in IKE (ESP only) */

struct alg {
	const char	*id;		/* canonical id: "aes128-cbc" */
	const char	*name;		/* for people: "AES-CBC-128" */
	int		 iana;		/* transform id, or DH group number */
	int		 flags;
	const char	*why;		/* why ALG_WEAK */
	const char	*tc_ike;	/* Tencent spelling in IKE options */
	const char	*tc_esp;	/* Tencent spelling in IPsec options */
	const char	*tc_alias;	/* another Tencent spelling seen */
	const char	*al;		/* Alibaba spelling */
};

const struct alg	*alg_table(enum alg_kind, size_t *n);
const struct alg	*alg_by_id(enum alg_kind, const char *);
/* Tencent and Alibaba spellings, matched without regard to case. */
const struct alg	*alg_by_tencent(enum alg_kind, const char *);
const struct alg	*alg_by_alibaba(enum alg_kind, const char *);
/* What we advise instead of a weak or unsupported choice. */
const struct alg	*alg_recommended(enum alg_kind);

/* Which spelling alg_spellings() lists. */
enum alg_col {
	ALG_COL_ID,		/* canonical */
	ALG_COL_TC_IKE,		/* Tencent, IKE options */
	ALG_COL_TC_ESP,		/* Tencent, IPsec options */
	ALG_COL_AL		/* Alibaba */
};

/*
 * "a, b, c": every spelling of a kind in one column (rows without one
 * are left out), after first when it is not NULL; for messages.
 */
void			 alg_spellings(enum alg_kind, enum alg_col,
			    const char *first, char *, size_t);
const char		*alg_kind_name(enum alg_kind);

#endif
