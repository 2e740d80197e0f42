/* yaml_tree.c — builds the positioned YAML tree of yaml_tree.h from
 * libfyaml's event parser (iteratively, with a depth and node cap, so a
 * hostile file cannot exhaust the stack or memory). */
#include <libfyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock/yaml_tree.h"
#include "util/buf.h"

void ytree_free(struct ynode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		ytree_free(n->kids[i]);
	free(n->kids);
	free(n->s);
	free(n);
}

bool ytree_is_null(const struct ynode *n)
{
	if (!n)
		return true;
	if (n->type != Y_SCALAR || !n->plain)
		return false;
	return n->slen == 0 || strcmp(n->s, "~") == 0 || strcmp(n->s, "null") == 0 ||
	       strcmp(n->s, "Null") == 0 || strcmp(n->s, "NULL") == 0;
}

const char *ytree_type_name(const struct ynode *n)
{
	if (!n || ytree_is_null(n))
		return "nothing";
	switch (n->type) {
	case Y_MAP: return "a mapping";
	case Y_SEQ: return "a list";
	case Y_SCALAR: return "a scalar";
	}
	return "?";
}

static void quiet_output(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
	(void)diag, (void)user, (void)buf, (void)len;
}

static int add_kid(struct ynode *parent, struct ynode *kid)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 8;
		struct ynode **k = realloc(parent->kids, cap * sizeof *k);
		if (!k)
			return -1;
		parent->kids = k;
		parent->cap = cap;
	}
	parent->kids[parent->n++] = kid;
	return 0;
}

static struct ynode *new_node(enum ynode_type t, const struct fy_mark *m, int line, int col)
{
	struct ynode *n = calloc(1, sizeof *n);
	if (!n)
		return NULL;
	n->type = t;
	n->line = m ? m->line + 1 : line;
	n->col = m ? m->column + 1 : col;
	return n;
}

/* The text of a one-line single-quoted scalar, unescaped ('' -> '), as a
 * new string; NULL when TOK is not one. libfyaml 0.7.12 leaks 2 KiB in
 * fy_token_get_text for single-quoted scalars with many '' escapes (found
 * by tests/fuzz/policy_fuzz.c), so we read those from the source bytes. */
static char *single_quoted(const char *buf, size_t len, struct fy_token *tok, size_t *n, bool *oom)
{
	if (fy_token_scalar_style(tok) != FYSS_SINGLE_QUOTED)
		return NULL;
	const struct fy_mark *s = fy_token_start_mark(tok), *e = fy_token_end_mark(tok);
	if (!s || !e || e->input_pos > len || s->input_pos > e->input_pos)
		return NULL;
	const char *p = buf + s->input_pos, *end = buf + e->input_pos;
	if (memchr(p, '\n', (size_t)(end - p)) || memchr(p, '\r', (size_t)(end - p)))
		return NULL;
	char *out = malloc((size_t)(end - p) + 1), *o = out;
	if (!out) {
		*oom = true;
		return NULL;
	}
	for (; p < end; p++) {
		*o++ = *p;
		if (*p == '\'' && p + 1 < end && p[1] == '\'')
			p++;
	}
	*o = '\0';
	*n = (size_t)(o - out);
	return out;
}

/* Reports the first error libfyaml collected, with its position. */
static enum rd_err syntax_error(struct fy_diag *diag, const char *name, char **errmsg)
{
	void *it = NULL;
	struct fy_diag_error *de;
	while ((de = fy_diag_errors_iterate(diag, &it))) {
		if (de->type >= FYET_ERROR)
			return rd_fail(RD_EINVAL, errmsg, "%s:%d:%d: YAML syntax error: %s", name,
				       de->line, de->column, de->msg ? de->msg : "invalid YAML");
	}
	return rd_fail(RD_EINVAL, errmsg, "%s: YAML syntax error", name);
}

enum rd_err ytree_parse(const char *buf, size_t len, const char *name,
			struct ynode **root, char **errmsg)
{
	enum rd_err ret = RD_OK;
	struct fy_diag *diag = NULL;
	struct fy_parser *fyp = NULL;
	struct fy_event *ev = NULL;
	struct ynode *stack[YTREE_MAX_DEPTH + 1];
	int depth = 0;
	size_t nodes = 0;
	int docs = 0;
	int last_line = 1, last_col = 1;  /* for null scalars, which carry no mark */

	*root = NULL;

	/* libfyaml 0.7.12 loops forever on some invalid UTF-8 (e.g. "%\xd2"),
	 * found by tests/fuzz/policy_fuzz.c; the file must be UTF-8 anyway. */
	size_t bad;
	if (!rd_utf8_valid(buf, len, &bad)) {
		int line = 1, col = 1;
		for (size_t i = 0; i < bad; i++) {
			if (buf[i] == '\n') {
				line++;
				col = 1;
			} else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
				col++;
			}
		}
		return rd_fail(RD_EINVAL, errmsg, "%s:%d:%d: not valid UTF-8 (byte 0x%02x)", name, line, col,
			       (unsigned char)buf[bad]);
	}

	struct fy_diag_cfg dc;
	fy_diag_cfg_default(&dc);
	dc.fp = NULL;
	dc.output_fn = quiet_output;
	dc.level = FYET_ERROR;
	diag = fy_diag_create(&dc);
	if (!diag)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	fy_diag_set_collect_errors(diag, true);

	struct fy_parse_cfg cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE;
	cfg.diag = diag;
	fyp = fy_parser_create(&cfg);
	if (!fyp || fy_parser_set_string(fyp, len ? buf : "", len) != 0) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}

	while ((ev = fy_parser_parse(fyp)) != NULL) {
		const struct fy_mark *m = fy_event_start_mark(ev);
		struct ynode *node = NULL;
		if (m) {
			last_line = m->line + 1;
			last_col = m->column + 1;
		}
		switch (ev->type) {
		case FYET_DOCUMENT_START:
			if (++docs > 1) {
				ret = rd_fail(RD_EINVAL, errmsg,
					"%s:%d:%d: a policy file holds one YAML document, found a second",
					name, last_line, last_col);
				goto out;
			}
			break;
		case FYET_ALIAS:
			/* the alias token starts after its '*' */
			ret = rd_fail(RD_EINVAL, errmsg,
				"%s:%d:%d: aliases (*name) are not supported in this file; write the value out",
				name, last_line, last_col > 1 ? last_col - 1 : 1);
			goto out;
		case FYET_SCALAR:
		case FYET_MAPPING_START:
		case FYET_SEQUENCE_START: {
			struct fy_token *tag = ev->type == FYET_SCALAR ? ev->scalar.tag
				: ev->type == FYET_MAPPING_START ? ev->mapping_start.tag
				: ev->sequence_start.tag;
			if (tag) {
				ret = rd_fail(RD_EINVAL, errmsg,
					"%s:%d:%d: YAML tags (!!type) are not supported in this file",
					name, last_line, last_col);
				goto out;
			}
			if (++nodes > YTREE_MAX_NODES) {
				ret = rd_fail(RD_EINVAL, errmsg, "%s:%d:%d: too many values (more than %d)",
					      name, last_line, last_col, YTREE_MAX_NODES);
				goto out;
			}
			enum ynode_type t = ev->type == FYET_SCALAR ? Y_SCALAR
				: ev->type == FYET_MAPPING_START ? Y_MAP : Y_SEQ;
			node = new_node(t, m, last_line, last_col);
			if (!node) {
				ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
				goto out;
			}
			if (t == Y_SCALAR) {
				size_t n = 0;
				bool oom = false;
				node->s = ev->scalar.value ? single_quoted(buf, len, ev->scalar.value, &n, &oom) : NULL;
				if (!node->s && !oom) {
					const char *txt = ev->scalar.value ? fy_token_get_text(ev->scalar.value, &n) : "";
					if (!txt) {
						txt = "";
						n = 0;
					}
					if ((node->s = malloc(n + 1)) != NULL) {
						memcpy(node->s, txt, n);
						node->s[n] = '\0';
					}
				}
				if (!node->s) {
					ytree_free(node);
					ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
					goto out;
				}
				node->slen = n;
				/* point at the opening quote, not the text after it */
				enum fy_scalar_style st = ev->scalar.value ? fy_token_scalar_style(ev->scalar.value)
									    : FYSS_PLAIN;
				if ((st == FYSS_SINGLE_QUOTED || st == FYSS_DOUBLE_QUOTED) && m && node->col > 1)
					node->col--;
				node->plain = !ev->scalar.value ||
					fy_token_scalar_style(ev->scalar.value) == FYSS_PLAIN;
			}
			/* attach to the parent, or become the root */
			if (depth == 0) {
				*root = node;
			} else {
				struct ynode *parent = stack[depth - 1];
				if (parent->type == Y_MAP && parent->n % 2 == 0 && t != Y_SCALAR) {
					ytree_free(node);
					ret = rd_fail(RD_EINVAL, errmsg,
						"%s:%d:%d: mapping keys must be plain words, not a %s",
						name, last_line, last_col, t == Y_MAP ? "mapping" : "list");
					goto out;
				}
				if (add_kid(parent, node)) {
					ytree_free(node);
					ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
					goto out;
				}
			}
			if (t != Y_SCALAR) {
				if (depth >= YTREE_MAX_DEPTH) {
					ret = rd_fail(RD_EINVAL, errmsg, "%s:%d:%d: nested more than %d levels deep",
						      name, last_line, last_col, YTREE_MAX_DEPTH);
					goto out;
				}
				stack[depth++] = node;
			}
			break;
		}
		case FYET_MAPPING_END:
		case FYET_SEQUENCE_END:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		fy_parser_event_free(fyp, ev);
		ev = NULL;
	}
	if (fy_parser_get_stream_error(fyp)) {
		ret = syntax_error(diag, name, errmsg);
		goto out;
	}
out:
	if (ev)
		fy_parser_event_free(fyp, ev);
	if (fyp)
		fy_parser_destroy(fyp);
	fy_diag_destroy(diag);
	if (ret) {
		ytree_free(*root);
		*root = NULL;
	}
	return ret;
}
