/*
 * Vendor data: one JSON file per target in DATADIR/vendors/NAME.json and
 * its templates in DATADIR/templates/NAME/. The data file says how the
 * target spells each algorithm (a canonical id missing from a map is an
 * algorithm the target cannot use), what else it supports, how values
 * are quoted, and which files a rendering produces. Every template of the
 * vendor is parsed when the vendor is loaded, before any input is read.
 * The format is documented in cgwgen-template(5).
 */
#ifndef CGW_VENDOR_H
#define CGW_VENDOR_H

#include <stddef.h>
#include <stdint.h>

#include "escape.h"

struct alg;
struct cgw_err;
struct tmpl;

enum vmap {
	VM_IKE_ENC,
	VM_IKE_INTEG,
	VM_IKE_PRF,
	VM_IKE_DH,
	VM_ESP_ENC,
	VM_ESP_INTEG,
	VM_ESP_PFS,
	VM__COUNT
};

struct vendor_map {
	char	**ids;
	char	**names;
	size_t	  n;
	int	  present;	/* for a per-version map: it overrides */
};

struct vendor_file {
	char			*template;	/* "swanctl.conf" */
	char			*suffix;	/* ".conf" */
	const struct tmpl	*tmpl;
};

struct vendor {
	char			*name;
	char			*title;
	char			*dir;		/* its template directory */
	struct vendor_file	*files;
	size_t			 nfiles;
	struct escape_rule	 esc;
	struct vendor_map	 maps[VM__COUNT];
	struct vendor_map	 vmaps[3][VM__COUNT]; /* [1], [2]: IKEv1's and
						   IKEv2's own, if present */
	int			 ike_versions;	/* bit 1: IKEv1, bit 2: IKEv2 */
	int			 aggressive;
	int			 separate_prf;	/* a PRF other than the integrity
						   algorithm's hash */
	uint32_t		 ike_lifetime_max; /* 0: no limit */
	uint32_t		 esp_lifetime_max;
	uint32_t		 ike_lifetime_min; /* 0: no limit */
	uint32_t		 esp_lifetime_min;
	uint32_t		 dpd_interval_min; /* 0: no limit */
	uint32_t		 dpd_interval_max;
	uint32_t		 dpd_retries_max;
	int			 ipv6;		/* IPv6 gateways and selectors */
	int			 id_types;	/* bits by enum id_type */
	int			 routings;	/* bits by enum routing */
	char			*interface;	/* default outside interface */
	uint32_t		 tunnel_number;	/* first tunnel interface */
	uint32_t		 acl_number;	/* first ACL, 0: none */
	char			*zone;		/* security zones (Junos) */
	char			*inside_zone;
	char			*tunnel_zone;
	struct tmpl		**tmpls;	/* every template, by name */
	char			**tmpl_names;
	size_t			 ntmpls;
};

int		 vendor_load(const char *, const char *, struct vendor **,
		    struct cgw_err *);
void		 vendor_free(struct vendor *);
/*
 * The vendor's spelling of an algorithm in a tunnel of IKE version
 * (1, 2; 0 for the general maps), or NULL if it cannot use it there.
 */
const char	*vendor_spell(const struct vendor *, int, enum vmap,
		    const struct alg *);
const char	*vendor_map_name(enum vmap);
/* The names of the vendors in a data directory, sorted. */
int		 vendor_list(const char *, char ***, size_t *,
		    struct cgw_err *);
/* tmpl_partial_fn over a struct vendor. */
const struct tmpl *vendor_partial(void *, const char *);

#endif
