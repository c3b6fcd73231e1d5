/*
 * Sources: where a model comes from. Each source reads one kind of input
 * (a saved Tencent Cloud response, a cgwgen model file, ...) into the
 * normalized model, and knows how its cloud names each setting, so that
 * checks can tell the user what to change on the cloud side.
 *
 * source_load() reads the input, detects its kind (or takes the one
 * forced with --cloud), parses it, keeps the selected connections and
 * validates the result.
 */
#ifndef CGW_SOURCE_H
#define CGW_SOURCE_H

#include <stddef.h>

#include "model.h"

struct alg;
struct cJSON;
struct cgw_err;
struct warnings;

/* A gateway's public address, by its id, from a cloud's API. */
struct addr_entry {
	char	*id;
	char	*addr;
};

struct source_opts {
	const char	*cloud;		/* --cloud, NULL to detect */
	const char	*peer_address;	/* --peer-address */
	const char	*local_address;	/* --local-address */
	char *const	*ids;		/* --connection, in order given */
	size_t		 nids;
	const char	*region;	/* the region a live call asked */
	const struct addr_entry *addrs;	/* gateway addresses (live),
					   sorted by id */
	size_t		 naddrs;
};

struct source_ctx {
	const char			*path;	/* for messages */
	const struct source_opts	*opts;
	struct model			*model;
	struct warnings			*warn;
	char				**seen;	/* every connection id read */
	size_t				 nseen;
};

struct source {
	const char	*name;		/* --cloud value */
	const char	*title;		/* "Tencent Cloud" */
	/* How sure we are that a JSON document is ours: 0 not at all. */
	int		(*detect_json)(const struct cJSON *);
	int		(*parse_json)(const struct cJSON *, struct source_ctx *,
			    struct cgw_err *);
	/* Text inputs (a device configuration): NULL when not accepted. */
	int		(*detect_text)(const char *, size_t);
	int		(*parse_text)(const char *, size_t, struct source_ctx *,
			    struct cgw_err *);
	/* The cloud's name of a model field, for advice. */
	const char	*(*field)(enum mfield);
	/* An algorithm spelled the way the cloud spells it in a field. */
	const char	*(*spell)(enum mfield, const struct alg *);
	/* A model value ("main", "2") spelled the cloud's way ("MAIN"). */
	const char	*(*spell_value)(enum mfield, const char *);
};

/* A model value and how a cloud spells it, for spell_value(). */
struct value_spelling {
	enum mfield	 field;
	const char	*model;
	const char	*cloud;
};

/* The cloud's spelling of v in field f from a table, or v itself. */
const char	*source_spell_lookup(const struct value_spelling *, size_t,
		    enum mfield, const char *);

int	source_load(const char *, const struct source_opts *,
	    struct model **, struct warnings *, struct cgw_err *);
/*
 * The same from a document already parsed (a live API answer); name is
 * used in messages in place of a file name.
 */
int	source_load_json(const char *name, const struct cJSON *,
	    const struct source_opts *, struct model **, struct warnings *,
	    struct cgw_err *);
/* The address of the gateway with this id, from opts->addrs, or NULL. */
const char	*source_addr(const struct source_opts *, const char *);
const struct source	*source_find(const char *);
/* "tencent, alibaba, comware, model", for messages. */
const char		*source_names(void);

/*
 * Whether a connection id is wanted (no --connection, or listed); every
 * id offered is remembered for the "not found" message.
 */
int	source_wanted(struct source_ctx *, const char *);

/*
 * Advice naming the cloud-side setting behind a model field: "set
 * IKEOptionsSpecification.DhGroupName to GROUP14 in Tencent Cloud", or
 * "change ..." when suggest is NULL. cloud is the connection's cloud
 * (NULL: the model file itself).
 */
void	source_advice(const char *cloud, enum mfield,
	    const struct alg *suggest, char *, size_t);
/* The same with a model value: "set ...ExchangeMode to MAIN in ...". */
void	source_advice_value(const char *cloud, enum mfield, const char *,
	    char *, size_t);

#endif
