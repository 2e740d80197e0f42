/* mustache.c — Mustache templates for message drafting: parse to a tree,
 * then render against a JSON view. Follows the Mustache spec (v1.3) for
 * interpolation, sections, inverted sections, comments, partials and set
 * delimiters, including its standalone-line whitespace rules; lambdas are
 * not supported (JSON has no functions). Also finds the shipped templates
 * (data/templates) with their per-tier and per-client overrides. */
#include <string.h>

#include "redress/data.h"
#include "redress/mustache.h"
#include "util/buf.h"

#define MAX_DEPTH 64
#define MAX_DELIM 16

enum ntype { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL };

struct node {
	enum ntype type;
	char *s;                   /* text, or the tag's name */
	size_t n;
	char *indent;              /* partial: the standalone line's indentation */
	struct node *kid;
	size_t nkid, capkid;
};

static void node_free(struct node *nd)
{
	for (size_t i = 0; i < nd->nkid; i++)
		node_free(&nd->kid[i]);
	free(nd->kid);
	free(nd->s);
	free(nd->indent);
}

static struct node *add_node(struct node *parent, enum ntype t, const char *s, size_t n)
{
	if (parent->nkid + 1 > parent->capkid) {
		size_t nc = parent->capkid ? parent->capkid * 2 : 8;
		struct node *k = realloc(parent->kid, nc * sizeof *k);
		if (!k)
			return NULL;
		parent->kid = k;
		parent->capkid = nc;
	}
	struct node *nd = &parent->kid[parent->nkid];
	memset(nd, 0, sizeof *nd);
	nd->type = t;
	/* not strndup: template text may hold NUL bytes */
	nd->s = malloc(n + 1);
	if (!nd->s)
		return NULL;
	memcpy(nd->s, s, n);
	nd->s[n] = '\0';
	nd->n = n;
	parent->nkid++;
	return nd;
}

static unsigned line_of(const char *t, size_t off)
{
	unsigned l = 1;
	for (size_t i = 0; i < off; i++)
		if (t[i] == '\n')
			l++;
	return l;
}

static bool is_ws(char c) { return c == ' ' || c == '\t'; }

/* ---- parsing ---------------------------------------------------------------- */

struct parser {
	const char *t;
	size_t len;
	char otag[MAX_DELIM + 1], ctag[MAX_DELIM + 1];
	size_t olen, clen;
	char **errmsg;
};

/* Parses until the closing tag of section NAME (or the end when name is
 * NULL) into parent. *pos advances. */
static enum rd_err parse(struct parser *p, size_t *pos, struct node *parent, const char *name,
			 size_t namelen, size_t open_at)
{
	size_t i = *pos;
	while (i <= p->len) {
		const char *o = i < p->len ? memmem(p->t + i, p->len - i, p->otag, p->olen) : NULL;
		size_t tag = o ? (size_t)(o - p->t) : p->len;
		size_t text_end = tag;
		if (!o) {
			if (text_end > i && !add_node(parent, N_TEXT, p->t + i, text_end - i))
				return rd_fail(RD_ENOMEM, p->errmsg, "out of memory");
			break;
		}
		size_t q = tag + p->olen;
		while (q < p->len && is_ws(p->t[q]))
			q++;
		char sig = q < p->len ? p->t[q] : '\0';
		enum { T_VAR, T_RAW3, T_RAW, T_SEC, T_INV, T_CLOSE, T_COMMENT, T_PARTIAL, T_DELIM } kind = T_VAR;
		switch (sig) {
		case '{': kind = T_RAW3; q++; break;
		case '&': kind = T_RAW; q++; break;
		case '#': kind = T_SEC; q++; break;
		case '^': kind = T_INV; q++; break;
		case '/': kind = T_CLOSE; q++; break;
		case '!': kind = T_COMMENT; q++; break;
		case '>': kind = T_PARTIAL; q++; break;
		case '=': kind = T_DELIM; q++; break;
		default: break;
		}
		/* find the end of the tag */
		char endtag[MAX_DELIM + 2];
		size_t elen;
		if (kind == T_RAW3) {
			endtag[0] = '}';
			memcpy(endtag + 1, p->ctag, p->clen);
			elen = p->clen + 1;
		} else if (kind == T_DELIM) {
			endtag[0] = '=';
			memcpy(endtag + 1, p->ctag, p->clen);
			elen = p->clen + 1;
		} else {
			memcpy(endtag, p->ctag, p->clen);
			elen = p->clen;
		}
		const char *e = memmem(p->t + q, p->len - q, endtag, elen);
		if (!e)
			return rd_fail(RD_EINVAL, p->errmsg, "line %u: unclosed tag", line_of(p->t, tag));
		size_t cs = q, ce = (size_t)(e - p->t);
		size_t after = ce + elen;
		while (cs < ce && is_ws(p->t[cs]))
			cs++;
		while (ce > cs && is_ws(p->t[ce - 1]))
			ce--;
		/* standalone: only whitespace on the tag's line around it */
		size_t next = after;
		bool standalone = false;
		size_t ls = tag;
		if (kind >= T_SEC) {
			while (ls > 0 && is_ws(p->t[ls - 1]))
				ls--;
			bool at_start = ls == 0 || p->t[ls - 1] == '\n';
			size_t r = after;
			while (r < p->len && is_ws(p->t[r]))
				r++;
			bool at_end = r == p->len || p->t[r] == '\n' || (p->t[r] == '\r' && r + 1 < p->len && p->t[r + 1] == '\n');
			if (at_start && at_end) {
				standalone = true;
				text_end = ls;
				next = r == p->len ? r : (p->t[r] == '\r' ? r + 2 : r + 1);
			}
		}
		if (text_end > i && !add_node(parent, N_TEXT, p->t + i, text_end - i))
			return rd_fail(RD_ENOMEM, p->errmsg, "out of memory");
		if (kind != T_COMMENT && kind != T_DELIM && ce == cs)
			return rd_fail(RD_EINVAL, p->errmsg, "line %u: empty tag", line_of(p->t, tag));
		struct node *nd;
		switch (kind) {
		case T_VAR:
		case T_RAW:
		case T_RAW3:
			if (!add_node(parent, kind == T_VAR ? N_VAR : N_RAW, p->t + cs, ce - cs))
				return rd_fail(RD_ENOMEM, p->errmsg, "out of memory");
			break;
		case T_SEC:
		case T_INV: {
			nd = add_node(parent, kind == T_SEC ? N_SECTION : N_INVERTED, p->t + cs, ce - cs);
			if (!nd)
				return rd_fail(RD_ENOMEM, p->errmsg, "out of memory");
			size_t sub = next;
			/* nd may move when parent->kid grows later; recurse now */
			enum rd_err rc = parse(p, &sub, nd, nd->s, nd->n, tag);
			if (rc)
				return rc;
			next = sub;
			break;
		}
		case T_CLOSE:
			if (!name || ce - cs != namelen || memcmp(p->t + cs, name, namelen) != 0)
				return rd_fail(RD_EINVAL, p->errmsg, "line %u: closing tag '%.*s' does not match %s%.*s%s",
					       line_of(p->t, tag), (int)(ce - cs), p->t + cs, name ? "'" : "no open section",
					       name ? (int)namelen : 0, name ? name : "", name ? "'" : "");
			*pos = next;
			return RD_OK;
		case T_COMMENT:
			break;
		case T_PARTIAL:
			nd = add_node(parent, N_PARTIAL, p->t + cs, ce - cs);
			if (!nd)
				return rd_fail(RD_ENOMEM, p->errmsg, "out of memory");
			if (standalone && tag > ls) {
				nd->indent = strndup(p->t + ls, tag - ls);
				if (!nd->indent)
					return rd_fail(RD_ENOMEM, p->errmsg, "out of memory");
			}
			break;
		case T_DELIM: {
			/* "=<% %>=": two delimiters separated by whitespace */
			size_t a = cs, b = cs;
			while (b < ce && !is_ws(p->t[b]))
				b++;
			size_t c2 = b;
			while (c2 < ce && is_ws(p->t[c2]))
				c2++;
			size_t d2 = c2;
			while (d2 < ce && !is_ws(p->t[d2]))
				d2++;
			if (b == a || c2 == ce || d2 != ce || b - a > MAX_DELIM || d2 - c2 > MAX_DELIM ||
			    memchr(p->t + a, '=', b - a) || memchr(p->t + c2, '=', d2 - c2))
				return rd_fail(RD_EINVAL, p->errmsg, "line %u: bad set-delimiter tag", line_of(p->t, tag));
			memcpy(p->otag, p->t + a, b - a);
			p->olen = b - a;
			p->otag[p->olen] = '\0';
			memcpy(p->ctag, p->t + c2, d2 - c2);
			p->clen = d2 - c2;
			p->ctag[p->clen] = '\0';
			break;
		}
		}
		i = next;
	}
	if (name)
		return rd_fail(RD_EINVAL, p->errmsg, "line %u: section '%.*s' is not closed",
			       line_of(p->t, open_at), (int)namelen, name);
	*pos = p->len;
	return RD_OK;
}

static enum rd_err parse_template(const char *t, size_t len, struct node *root, char **errmsg)
{
	struct parser p = {.t = t, .len = len, .otag = "{{", .ctag = "}}", .olen = 2, .clen = 2,
			   .errmsg = errmsg};
	memset(root, 0, sizeof *root);
	size_t pos = 0;
	enum rd_err rc = parse(&p, &pos, root, NULL, 0, 0);
	if (rc)
		node_free(root);
	return rc;
}

/* ---- rendering ------------------------------------------------------------- */

struct render {
	json_t *stack[MAX_DEPTH * 4];
	size_t depth;
	struct rd_buf out;
	rd_mustache_partial_fn partials;
	void *ctx;
	unsigned flags;
	int partial_depth;
	char **errmsg;
};

static json_t *lookup(struct render *r, const char *name)
{
	if (!strcmp(name, "."))
		return r->depth ? r->stack[r->depth - 1] : NULL;
	const char *dot = strchr(name, '.');
	size_t first = dot ? (size_t)(dot - name) : strlen(name);
	json_t *v = NULL;
	for (size_t i = r->depth; i-- > 0;) {
		json_t *c = r->stack[i];
		if (!json_is_object(c))
			continue;
		char key[256];
		if (first >= sizeof key)
			return NULL;
		memcpy(key, name, first);
		key[first] = '\0';
		v = json_object_get(c, key);
		if (v)
			break;
	}
	/* the rest of a dotted name resolves inside what the first part found */
	while (v && dot) {
		const char *part = dot + 1;
		dot = strchr(part, '.');
		size_t n = dot ? (size_t)(dot - part) : strlen(part);
		char key[256];
		if (n >= sizeof key || !json_is_object(v))
			return NULL;
		memcpy(key, part, n);
		key[n] = '\0';
		v = json_object_get(v, key);
	}
	return v;
}

static bool truthy(json_t *v)
{
	if (!v || json_is_null(v) || json_is_false(v))
		return false;
	if (json_is_array(v))
		return json_array_size(v) > 0;
	if (json_is_string(v))
		return json_string_length(v) > 0;
	return true;
}

static void emit_value(struct render *r, json_t *v, bool escape)
{
	char num[64];
	const char *s = NULL;
	size_t n = 0;
	if (json_is_string(v)) {
		s = json_string_value(v);
		n = json_string_length(v);
	} else if (json_is_integer(v)) {
		n = (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		s = num;
	} else if (json_is_real(v)) {
		n = (size_t)snprintf(num, sizeof num, "%.15g", json_real_value(v));
		s = num;
	} else if (json_is_true(v)) {
		s = "true", n = 4;
	} else if (json_is_false(v)) {
		s = "false", n = 5;
	}
	if (!s)
		return;
	if (!escape || (r->flags & RD_MUSTACHE_NO_ESCAPE)) {
		rd_buf_add(&r->out, s, n);
		return;
	}
	size_t a = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		rd_buf_add(&r->out, s + a, i - a);
		rd_buf_adds(&r->out, rep);
		a = i + 1;
	}
	rd_buf_add(&r->out, s + a, n - a);
}

static enum rd_err render_nodes(struct render *r, const struct node *nd);

static enum rd_err push(struct render *r, json_t *v)
{
	if (r->depth >= sizeof r->stack / sizeof r->stack[0])
		return rd_fail(RD_EINVAL, r->errmsg, "sections nested too deeply");
	r->stack[r->depth++] = v;
	return RD_OK;
}

static enum rd_err render_partial(struct render *r, const struct node *nd)
{
	if (!r->partials)
		return RD_OK;
	if (r->partial_depth >= MAX_DEPTH)
		return rd_fail(RD_EINVAL, r->errmsg, "partials nested more than %d deep at '%s'", MAX_DEPTH, nd->s);
	char *t = NULL;
	size_t len = 0;
	enum rd_err rc = r->partials(r->ctx, nd->s, &t, &len);
	if (rc == RD_ENOTFOUND) {
		free(t);
		return RD_OK;
	}
	if (rc)
		return rd_fail(rc, r->errmsg, "cannot load partial '%s'", nd->s);
	if (!t)
		return RD_OK;
	char *src = t;
	if (nd->indent && *nd->indent) {
		/* indent every line of the partial (not a final empty line) */
		struct rd_buf b = RD_BUF_INIT;
		size_t il = strlen(nd->indent);
		bool bol = true;
		for (size_t i = 0; i < len; i++) {
			if (bol)
				rd_buf_add(&b, nd->indent, il);
			rd_buf_addc(&b, t[i]);
			bol = t[i] == '\n' && i + 1 < len;
		}
		if (b.oom) {
			rd_buf_free(&b);
			free(t);
			return rd_fail(RD_ENOMEM, r->errmsg, "out of memory");
		}
		free(t);
		len = b.len;
		src = rd_buf_detach(&b);
		if (!src)
			return rd_fail(RD_ENOMEM, r->errmsg, "out of memory");
	}
	struct node root;
	rc = parse_template(src, len, &root, r->errmsg);
	if (rc == RD_OK) {
		r->partial_depth++;
		rc = render_nodes(r, &root);
		r->partial_depth--;
		node_free(&root);
	}
	free(src);
	return rc;
}

static enum rd_err render_nodes(struct render *r, const struct node *parent)
{
	enum rd_err rc = RD_OK;
	for (size_t i = 0; i < parent->nkid && rc == RD_OK; i++) {
		const struct node *nd = &parent->kid[i];
		switch (nd->type) {
		case N_TEXT:
			rd_buf_add(&r->out, nd->s, nd->n);
			break;
		case N_VAR:
		case N_RAW: {
			json_t *v = lookup(r, nd->s);
			if (v)
				emit_value(r, v, nd->type == N_VAR);
			break;
		}
		case N_SECTION: {
			json_t *v = lookup(r, nd->s);
			if (!truthy(v))
				break;
			if (json_is_array(v)) {
				size_t k;
				json_t *item;
				json_array_foreach(v, k, item) {
					if ((rc = push(r, item)))
						break;
					rc = render_nodes(r, nd);
					r->depth--;
					if (rc)
						break;
				}
			} else {
				if ((rc = push(r, v)))
					break;
				rc = render_nodes(r, nd);
				r->depth--;
			}
			break;
		}
		case N_INVERTED:
			if (!truthy(lookup(r, nd->s)))
				rc = render_nodes(r, nd);
			break;
		case N_PARTIAL:
			rc = render_partial(r, nd);
			break;
		}
		if (r->out.oom)
			return rd_fail(RD_ENOMEM, r->errmsg, "out of memory");
	}
	return rc;
}

enum rd_err rd_mustache_render_ex(const char *tmpl, size_t len, json_t *view,
				  rd_mustache_partial_fn partials, void *ctx, unsigned flags,
				  char **out, char **errmsg)
{
	*out = NULL;
	if (!tmpl && len)
		return rd_fail(RD_EINVAL, errmsg, "no template");
	struct node root;
	enum rd_err rc = parse_template(tmpl ? tmpl : "", len, &root, errmsg);
	if (rc)
		return rc;
	struct render r;
	memset(&r, 0, sizeof r);
	r.partials = partials;
	r.ctx = ctx;
	r.flags = flags;
	r.errmsg = errmsg;
	if (view)
		r.stack[r.depth++] = view;
	rc = render_nodes(&r, &root);
	node_free(&root);
	if (rc == RD_OK) {
		*out = rd_buf_detach(&r.out);
		if (!*out)
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	rd_buf_free(&r.out);
	return rc;
}

enum rd_err rd_mustache_render(const char *tmpl, size_t len, json_t *view,
			       rd_mustache_partial_fn partials, void *ctx, char **out, char **errmsg)
{
	return rd_mustache_render_ex(tmpl, len, view, partials, ctx, 0, out, errmsg);
}

/* ---- the shipped templates -------------------------------------------------- */

static bool slug_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	return true;
}

/* The most specific template of KIND under templates/DIR ("" for English,
 * "de/" …): the client's own, else the tier's, else the kind's. LANG only
 * names the language in the not-found message (NULL for English). */
static enum rd_err load_in(const char *dir, const char *lang, const char *kind, const char *tier,
			   const char *client_slug, char **out, char **errmsg)
{
	*out = NULL;
	if (!slug_ok(kind))
		return rd_fail(RD_EINVAL, errmsg, "bad template kind '%s'", kind ? kind : "");
	if (tier && !slug_ok(tier))
		return rd_fail(RD_EINVAL, errmsg, "bad tier '%s'", tier);
	if (client_slug && !slug_ok(client_slug))
		return rd_fail(RD_EINVAL, errmsg, "bad client slug '%s'", client_slug);
	char path[256];
	for (int step = 0; step < 3; step++) {
		if ((step == 0 && !client_slug) || (step == 1 && !tier))
			continue;
		if (step == 0)
			snprintf(path, sizeof path, "templates/%sclients/%s/%s.mustache", dir, client_slug, kind);
		else if (step == 1)
			snprintf(path, sizeof path, "templates/%s%s.%s.mustache", dir, kind, tier);
		else
			snprintf(path, sizeof path, "templates/%s%s.mustache", dir, kind);
		char *err = NULL;
		enum rd_err rc = rd_data_load(path, out, NULL, &err);
		if (rc == RD_ENOTFOUND) {
			free(err);
			continue;
		}
		/* rd_data_load may leave a message behind even on success */
		if (rc)
			rd_fail(rc, errmsg, "%s", err ? err : "cannot load template");
		free(err);
		return rc;
	}
	if (lang)
		return rd_fail(RD_ENOTFOUND, errmsg, "no '%s' template for kind '%s'", lang, kind);
	return rd_fail(RD_ENOTFOUND, errmsg, "no template for kind '%s'", kind);
}

enum rd_err rd_template_load(const char *kind, const char *tier, const char *client_slug,
			     char **out, char **errmsg)
{
	return load_in("", NULL, kind, tier, client_slug, out, errmsg);
}

enum rd_err rd_template_partial(void *ctx, const char *name, char **out, size_t *len)
{
	(void)ctx;
	*out = NULL;
	if (!slug_ok(name))
		return RD_ENOTFOUND;
	char path[128];
	snprintf(path, sizeof path, "templates/partials/%s.mustache", name);
	char *err = NULL;
	enum rd_err rc = rd_data_load(path, out, len, &err);
	free(err);
	return rc;
}

/* Languages other than English keep their templates under
 * templates/<lang>/ with the same layout; English is the top level. A
 * language never falls back to another's template: a draft in two
 * languages is worse than none. */
static enum rd_err lang_dir(const char *lang, char *dir, size_t n, char **errmsg)
{
	dir[0] = '\0';
	if (!lang || !strcmp(lang, "en"))
		return RD_OK;
	if (!slug_ok(lang) || strlen(lang) != 2)
		return rd_fail(RD_EINVAL, errmsg, "bad language '%s'", lang);
	snprintf(dir, n, "%s/", lang);
	return RD_OK;
}

enum rd_err rd_template_load_lang(const char *kind, const char *lang, const char *tier,
				  const char *client_slug, char **out, char **errmsg)
{
	char dir[8];
	*out = NULL;
	enum rd_err rc = lang_dir(lang, dir, sizeof dir, errmsg);
	if (rc)
		return rc;
	return load_in(dir, dir[0] ? lang : NULL, kind, tier, client_slug, out, errmsg);
}

enum rd_err rd_template_partial_lang(void *ctx, const char *name, char **out, size_t *len)
{
	char dir[8];
	*out = NULL;
	if (lang_dir(ctx, dir, sizeof dir, NULL))
		return RD_ENOTFOUND;
	if (!dir[0])
		return rd_template_partial(NULL, name, out, len);
	if (!slug_ok(name))
		return RD_ENOTFOUND;
	char path[128];
	snprintf(path, sizeof path, "templates/%spartials/%s.mustache", dir, name);
	char *err = NULL;
	enum rd_err rc = rd_data_load(path, out, len, &err);
	free(err);
	return rc;
}
