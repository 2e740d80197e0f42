/* yaml_tree.h — a small read-only YAML tree with a line and column on every
 * node, built from libfyaml's event stream.
 *
 * Why not libfyaml's own document tree: its container nodes do not expose
 * their position, and it resolves aliases (a "billion laughs" risk for a
 * file users edit). This tree refuses aliases, tags, duplicate keys and
 * more than one document, so the policy validator only sees plain data.
 * Internal to lib/clock. */
#ifndef REDRESS_CLOCK_YAML_TREE_H
#define REDRESS_CLOCK_YAML_TREE_H
#include <stdbool.h>
#include <stddef.h>
#include "redress/err.h"

enum ynode_type { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ynode_type type;
	int line, col;          /* 1-based, of the node's first character */
	char *s;                /* scalar text (NUL-terminated), else NULL */
	size_t slen;
	bool plain;             /* unquoted scalar: may be null/bool/number */
	struct ynode **kids;    /* MAP: key, value, key, value…; SEQ: items */
	size_t n;               /* number of kids (MAP: 2 x pairs) */
	size_t cap;
};

/* Nesting deeper than this is refused (the policy needs five levels). */
#define YTREE_MAX_DEPTH 32
/* Nodes beyond this are refused: a policy is a few hundred. */
#define YTREE_MAX_NODES 200000

/* Parses BUF[0..LEN) as one YAML document. *root is a new tree (CALLER
 * frees with ytree_free) or NULL for an empty document. On a syntax error
 * returns RD_EINVAL with "NAME:line:col: YAML syntax error: …" in *errmsg
 * (CALLER frees). */
enum rd_err ytree_parse(const char *buf, size_t len, const char *name,
			struct ynode **root, char **errmsg);
void ytree_free(struct ynode *n);

/* True for a plain empty, "~" or "null" scalar. */
bool ytree_is_null(const struct ynode *n);
/* "a mapping", "a list", "a string 'x'": for error messages. */
const char *ytree_type_name(const struct ynode *n);

#endif
