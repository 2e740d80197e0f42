/* site.c — `redress export site`: a static copy of each client's portal for
 * when redress itself is down (contract in include/redress/site.h). This
 * file decides what is exported (every client; the failures the portal's
 * visibility rule shows them), names each client's directory with a fresh
 * random token, writes the staff index, and makes the whole copy appear at
 * once: built in DIR.tmp, then renamed over DIR. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "redress/auth.h"
#include "redress/site.h"
#include "redress/time.h"

/* Hex characters of a client directory's name: 128 random bits. */
#define DIR_TOKEN_HEX 32
/* Room for DIR (at most PATH_MAX - 128 bytes) plus what is appended. */
#define PATHSZ (PATH_MAX + 256)

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* Removes PATH and everything under it (never following symlinks). */
static void rm_tree(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static enum rd_err write_file(const char *path, const char *data, size_t len, char **errmsg)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return rd_fail(RD_EIO, errmsg, "cannot create '%s': %s", path, strerror(errno));
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			return rd_fail(RD_EIO, errmsg, "cannot write '%s': %s", path, strerror(e));
		}
		done += (size_t)w;
	}
	if (fsync(fd) || close(fd))
		return rd_fail(RD_EIO, errmsg, "cannot write '%s': %s", path, strerror(errno));
	return RD_OK;
}

/* The clients, and for each the failures its portal shows — the portal's
 * visibility rule (src/server/portal_home.c): recorded as affected, or sent
 * a client-visible update. [{id, name, tier, failures: [id …]}]. */
static enum rd_err plan(struct rd_store *s, json_t **out, char **errmsg)
{
	struct rd_stmt *st = NULL;
	json_t *clients = json_array();
	enum rd_err rc = clients ? RD_OK : RD_ENOMEM;
	bool row;
	if (!rc)
		rc = rd_store_prepare(s, "SELECT id, name, tier FROM clients ORDER BY lower(name), id", &st);
	while (!rc && (rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *c = json_pack("{sI ss ss s[]}", "id", (json_int_t)rd_stmt_col_int(st, 0), "name",
				      rd_stmt_col_text(st, 1), "tier", rd_stmt_col_text(st, 2), "failures");
		if (!c || json_array_append_new(clients, c))
			rc = RD_ENOMEM;
	}
	rd_stmt_free(st);
	st = NULL;
	/* one pass over every client's visible failures, newest first */
	json_t *by_id = json_object();
	size_t i;
	json_t *c;
	char key[32];
	if (!by_id && !rc)
		rc = RD_ENOMEM;
	json_array_foreach(clients, i, c) {
		snprintf(key, sizeof key, "%" PRId64, (int64_t)json_integer_value(json_object_get(c, "id")));
		if (!rc && json_object_set(by_id, key, json_object_get(c, "failures")))
			rc = RD_ENOMEM;
	}
	if (!rc)
		rc = rd_store_prepare(s,
			"SELECT i.client_id, f.id FROM failures f JOIN impacts i ON i.failure_id = f.id "
			"WHERE i.affected = 'yes' OR EXISTS (SELECT 1 FROM communications m WHERE m.failure_id = f.id "
			" AND m.client_id = i.client_id AND m.visibility = 'client' AND m.direction = 'out') "
			"ORDER BY i.client_id, f.detected_at DESC, f.id", &st);
	while (!rc && (rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		snprintf(key, sizeof key, "%" PRId64, rd_stmt_col_int(st, 0));
		json_t *fs = json_object_get(by_id, key);
		if (fs && json_array_append_new(fs, json_integer(rd_stmt_col_int(st, 1))))
			rc = RD_ENOMEM;
	}
	json_decref(by_id);
	rd_stmt_free(st);
	if (rc) {
		json_decref(clients);
		return rd_fail(rc, errmsg, "export site: reading clients and failures: %s",
			       rc == RD_ENOMEM ? "out of memory" : rd_store_errmsg(s));
	}
	*out = clients;
	return RD_OK;
}

/* DIR may be missing or an empty directory; a non-empty one only with FORCE. */
static enum rd_err check_target(const char *dir, bool force, bool *exists, bool *empty, char **errmsg)
{
	struct stat st;
	*exists = *empty = false;
	if (lstat(dir, &st)) {
		if (errno == ENOENT)
			return RD_OK;
		return rd_fail(RD_EIO, errmsg, "cannot read '%s': %s", dir, strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return rd_fail(RD_EINVAL, errmsg, "'%s' exists and is not a directory", dir);
	*exists = true;
	DIR *d = opendir(dir);
	if (!d)
		return rd_fail(RD_EIO, errmsg, "cannot read '%s': %s", dir, strerror(errno));
	struct dirent *e;
	*empty = true;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			*empty = false;
	closedir(d);
	if (!*empty && !force)
		return rd_fail(RD_EEXIST, errmsg, "'%s' is not empty: choose an empty or new directory, "
			       "or replace it with --force", dir);
	return RD_OK;
}

static enum rd_err staff_index(const char *path, int64_t at, json_t *clients, char **errmsg)
{
	struct rd_buf b = RD_BUF_INIT;
	char when[RD_TIME_BUFSZ];
	rd_time_format(at, when);
	rd_buf_adds(&b, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		       "<meta name=\"robots\" content=\"noindex\">\n"
		       "<title>Static portal copy (staff index) · redress</title>\n"
		       "<link rel=\"stylesheet\" href=\"app.css\">\n</head>\n<body class=\"staff\">\n"
		       "<main class=\"page\">\n<div class=\"pagehead\"><h1>Static portal copy</h1>");
	rd_buf_addf(&b, "<p class=\"muted\">Taken %s.</p></div>\n", when);
	rd_buf_adds(&b, "<div class=\"flash error\" role=\"alert\" id=\"staff-only\"><strong>Staff only.</strong> "
		       "Do not publish this page: it lists every client's directory. Publish the client "
		       "directories, and send each client only the address of its own.</div>\n"
		       "<section class=\"card\"><table class=\"grid\" id=\"clients\">\n"
		       "<thead><tr><th>Client</th><th>Tier</th><th>Failures shown</th><th>Directory</th></tr></thead>\n"
		       "<tbody>\n");
	size_t i;
	json_t *c;
	json_array_foreach(clients, i, c) {
		const char *dir = json_string_value(json_object_get(c, "dir"));
		rd_buf_adds(&b, "<tr><td><a href=\"");
		rd_buf_adds(&b, dir);
		rd_buf_adds(&b, "/index.html\">");
		rd_buf_add_htmls(&b, json_string_value(json_object_get(c, "name")));
		rd_buf_adds(&b, "</a></td><td>");
		rd_buf_add_htmls(&b, json_string_value(json_object_get(c, "tier")));
		rd_buf_addf(&b, "</td><td>%zu</td><td><code>%s/</code></td></tr>\n",
			    json_array_size(json_object_get(c, "failures")), dir);
	}
	rd_buf_adds(&b, "</tbody></table></section>\n</main>\n</body>\n</html>\n");
	enum rd_err rc = b.oom ? rd_fail(RD_ENOMEM, errmsg, "export site: out of memory")
		       : write_file(path, b.data, b.len, errmsg);
	rd_buf_free(&b);
	return rc;
}

static enum rd_err page(const char *path, struct rd_buf *b, char **errmsg)
{
	enum rd_err rc = b->oom ? rd_fail(RD_ENOMEM, errmsg, "export site: out of memory")
		       : write_file(path, b->data ? b->data : "", b->len, errmsg);
	rd_buf_free(b);
	return rc;
}

/* Writes the whole copy into TMP (a new directory). */
static enum rd_err write_copy(struct rd_store *s, const char *tmp, int64_t at, const struct rd_site_renderer *r,
			      json_t *clients, struct rd_site_result *res, char **errmsg)
{
	char path[PATHSZ + 128];
	enum rd_err rc = RD_OK;
	size_t i;
	json_t *c;
	json_array_foreach(clients, i, c) {
		int64_t cid = json_integer_value(json_object_get(c, "id"));
		char tok[RD_TOKEN_BUFSZ];
		rd_token_new("", tok);
		tok[DIR_TOKEN_HEX] = '\0';
		json_object_set_new(c, "dir", json_string(tok));
		snprintf(path, sizeof path, "%s/%s", tmp, tok);
		if (mkdir(path, 0755))
			return rd_fail(RD_EIO, errmsg, "cannot create '%s': %s", path, strerror(errno));
		snprintf(path, sizeof path, "%s/%s/app.css", tmp, tok);
		if ((rc = write_file(path, r->css, r->css_len, errmsg)))
			return rc;
		struct rd_buf b = RD_BUF_INIT;
		if ((rc = r->home(s, cid, at, &b, errmsg))) {
			rd_buf_free(&b);
			return rc;
		}
		snprintf(path, sizeof path, "%s/%s/index.html", tmp, tok);
		if ((rc = page(path, &b, errmsg)))
			return rc;
		res->pages++;
		size_t k;
		json_t *f;
		json_array_foreach(json_object_get(c, "failures"), k, f) {
			int64_t fid = json_integer_value(f);
			if ((rc = r->failure(s, cid, fid, at, &b, errmsg))) {
				rd_buf_free(&b);
				return rc;
			}
			snprintf(path, sizeof path, "%s/%s/failure-%" PRId64 ".html", tmp, tok, fid);
			if ((rc = page(path, &b, errmsg)))
				return rc;
			res->pages++;
		}
		res->clients++;
	}
	snprintf(path, sizeof path, "%s/app.css", tmp);
	if ((rc = write_file(path, r->css, r->css_len, errmsg)))
		return rc;
	snprintf(path, sizeof path, "%s/index.html", tmp);
	if ((rc = staff_index(path, at, clients, errmsg)))
		return rc;
	res->pages++;
	return RD_OK;
}

static void sync_parent(const char *dir)
{
	char parent[PATHSZ];
	snprintf(parent, sizeof parent, "%s", dir);
	char *slash = strrchr(parent, '/');
	if (slash == parent)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(parent, sizeof parent, ".");
	int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

enum rd_err rd_site_export(struct rd_store *s, const char *dir, int64_t at, bool force,
			   const struct rd_site_renderer *r, struct rd_site_result *res, char **errmsg)
{
	json_t *clients = NULL;
	char clean[PATH_MAX], tmp[PATHSZ], old[PATHSZ];
	bool exists, empty, made_tmp = false;
	enum rd_err rc = RD_OK;
	memset(res, 0, sizeof *res);
	size_t n = dir ? strlen(dir) : 0;
	while (n > 1 && dir[n - 1] == '/') /* "out/" is "out": DIR.tmp must be its sibling */
		n--;
	if (n == 0 || n + 128 >= sizeof clean) {
		rc = rd_fail(RD_EINVAL, errmsg, "export site: the directory name is %s", n ? "too long" : "empty");
		goto out;
	}
	memcpy(clean, dir, n);
	clean[n] = '\0';
	snprintf(tmp, sizeof tmp, "%s.tmp", clean);
	if ((rc = check_target(clean, force, &exists, &empty, errmsg)))
		goto out;
	if ((rc = plan(s, &clients, errmsg)))
		goto out;
	if (mkdir(tmp, 0755)) {
		rc = errno == EEXIST
		     ? rd_fail(RD_EEXIST, errmsg, "'%s' exists (left by an interrupted export?): remove it first", tmp)
		     : rd_fail(RD_EIO, errmsg, "cannot create '%s': %s", tmp, strerror(errno));
		goto out;
	}
	made_tmp = true;
	if ((rc = write_copy(s, tmp, at, r, clients, res, errmsg)))
		goto out;
	old[0] = '\0';
	if (exists && empty && rmdir(clean)) {
		rc = rd_fail(RD_EIO, errmsg, "cannot replace '%s': %s", clean, strerror(errno));
		goto out;
	}
	if (exists && !empty) {
		char tok[RD_TOKEN_BUFSZ];
		rd_token_new("", tok);
		tok[8] = '\0';
		snprintf(old, sizeof old, "%s.old-%s", clean, tok);
		if (rename(clean, old)) {
			rc = rd_fail(RD_EIO, errmsg, "cannot move '%s' aside: %s", clean, strerror(errno));
			goto out;
		}
	}
	if (rename(tmp, clean)) {
		rc = rd_fail(RD_EIO, errmsg, "cannot rename '%s' to '%s': %s", tmp, clean, strerror(errno));
		if (old[0])
			rename(old, clean); /* put the previous copy back */
		goto out;
	}
	made_tmp = false;
	sync_parent(clean);
	if (old[0])
		rm_tree(old);
out:
	if (made_tmp)
		rm_tree(tmp);
	json_decref(clients);
	return rc;
}
