/*
 * The view: what a template sees. It turns the model into a data tree
 * with every algorithm spelled the vendor's way, lifetimes with their
 * rekey margins worked out, enumerations as booleans that sections can
 * test, and the device-local facts (options) beside the cloud's data.
 * Every documented name is always present (null or false when it does
 * not apply), so strict rendering only fails on a template's typo. The
 * names are documented in cgwgen-template(5).
 */
#ifndef CGW_VIEW_H
#define CGW_VIEW_H

#include <stddef.h>
#include <stdint.h>

struct cgw_err;
struct model;
struct val;
struct vendor;

/* Facts about the device that the cloud cannot know. */
struct device_opts {
	const char	*local_address;	/* --local-address, or NULL */
	const char	*interface;	/* --interface, or the vendor's default */
	uint32_t	 if_id;		/* --if-id: first XFRM interface id */
	int32_t		 tunnel_number;	/* --tunnel-number; -1: the vendor's */
	uint32_t	 acl_number;	/* --acl-number; 0: the vendor's */
	const char	*zone;		/* --zone etc.; NULL: the vendor's */
	const char	*inside_zone;
	const char	*tunnel_zone;
	const char	*vrf;		/* --vrf, or NULL */
};

/*
 * The view of connections [first, first + count) of the model.
 * Route-based tunnels get XFRM interface ids counting up from
 * dev->if_id across the whole model, so that the ids do not depend on
 * how the output is split into files.
 */
struct val	*view_build(const struct model *, size_t first, size_t count,
		    const struct vendor *, const struct device_opts *,
		    struct cgw_err *);

/*
 * Views of synthetic models, for checking templates before any input is
 * read. VIEW_FULL uses every feature (BGP, several selectors, PFS, volume
 * lifetimes, a name for everything): tmpl_check() against it finds names
 * a template misspells. The sparse ones leave every optional value null
 * (no PFS, AEAD ciphers without integrity, no names, no addresses of the
 * device, no volume lifetime), one policy-based and one with BGP but no
 * local ASN: a strict render against them finds a null used unguarded.
 */
enum view_sample {
	VIEW_FULL,
	VIEW_SPARSE_POLICY,
	VIEW_SPARSE_BGP
};

struct val	*view_sample(const struct vendor *, const struct device_opts *,
		    enum view_sample);

#endif
