/* site_test.c — lib/site.c: what `redress export site` writes (a random
 * directory per client with its start page and one page per failure its
 * portal shows, the staff index, the stylesheet), that DIR appears whole
 * or not at all (a renderer failing half-way leaves neither DIR nor
 * DIR.tmp), and the refusals: a non-empty DIR without force, a leftover
 * DIR.tmp, a DIR that is a file. The pages here come from a stand-in
 * renderer; the portal's own are tested by tests/e2e/export_site.py. */
#include <dirent.h>
#include <sys/stat.h>

#include "redress/site.h"
#include "unit.h"

static int fail_at_page; /* the stand-in renderer fails at this page (0: never) */
static int pages_seen;

static enum rd_err home(struct rd_store *s, int64_t client_id, int64_t at, struct rd_buf *out, char **errmsg)
{
	(void)s;
	if (++pages_seen == fail_at_page)
		return rd_fail(RD_EDB, errmsg, "stand-in failure");
	rd_buf_addf(out, "home of %lld at %lld", (long long)client_id, (long long)at);
	return RD_OK;
}

static enum rd_err failure(struct rd_store *s, int64_t client_id, int64_t failure_id, int64_t at,
			   struct rd_buf *out, char **errmsg)
{
	(void)s, (void)at;
	if (++pages_seen == fail_at_page)
		return rd_fail(RD_EDB, errmsg, "stand-in failure");
	rd_buf_addf(out, "failure %lld for %lld", (long long)failure_id, (long long)client_id);
	return RD_OK;
}

static const struct rd_site_renderer renderer = {home, failure, "body{}", 6};

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static bool exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

static char *slurp(const char *p)
{
	char *data = NULL;
	size_t len;
	assert_ok(rd_file_read(p, &data, &len, &m_));
	return data;
}

static void rm_rf(const char *p)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", p);
	assert_int_equal(system(cmd), 0);
}

static void writes_every_client(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	char dir[160], p[640];
	snprintf(dir, sizeof dir, "%s/site", f->dir);
	struct rd_site_result res;
	fail_at_page = pages_seen = 0;
	assert_ok(rd_site_export(f->s, dir, T_NOW, false, &renderer, &res, &m_));
	int64_t clients = count_rows(f->s, "SELECT count(*) FROM clients");
	assert_int_equal(res.clients, clients);
	/* clients' directories + the staff index + its stylesheet */
	assert_int_equal(count_entries(dir), clients + 2);
	char *index = NULL;
	snprintf(p, sizeof p, "%s/index.html", dir);
	index = slurp(p);
	assert_non_null(strstr(index, "Do not publish this page"));
	assert_non_null(strstr(index, "Northwind Logistics"));
	/* Northwind's directory: its start page and the page of failure 1 only */
	char *a = strstr(index, "<a href=\"");
	int found = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strlen(e->d_name) != 32)
			continue;
		assert_int_equal(strspn(e->d_name, "0123456789abcdef"), 32);
		assert_non_null(strstr(index, e->d_name));
		snprintf(p, sizeof p, "%s/%s/index.html", dir, e->d_name);
		char *h = slurp(p);
		if (strcmp(h, "home of 1 at 1795348800") == 0) {
			found++;
			snprintf(p, sizeof p, "%s/%s/failure-1.html", dir, e->d_name);
			char *fp = slurp(p);
			assert_string_equal(fp, "failure 1 for 1");
			free(fp);
			snprintf(p, sizeof p, "%s/%s/failure-2.html", dir, e->d_name);
			assert_false(exists(p)); /* Northwind was not affected by failure 2 */
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			assert_int_equal(count_entries(p), 3); /* index, failure-1, app.css */
		}
		free(h);
	}
	closedir(d);
	assert_non_null(a);
	assert_int_equal(found, 1);
	free(index);
	snprintf(p, sizeof p, "%s.tmp", dir);
	assert_false(exists(p));
	rm_rf(dir);
}

static void a_failure_half_way_leaves_nothing(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	char dir[160], tmp[170];
	snprintf(dir, sizeof dir, "%s/site", f->dir);
	snprintf(tmp, sizeof tmp, "%s.tmp", dir);
	struct rd_site_result res;
	fail_at_page = 5;
	pages_seen = 0;
	assert_fails(rd_site_export(f->s, dir, T_NOW, false, &renderer, &res, &m_), RD_EDB, "stand-in failure");
	assert_false(exists(dir));
	assert_false(exists(tmp));
	/* over an earlier copy, with --force: the earlier copy stays as it was */
	fail_at_page = 0;
	assert_ok(rd_site_export(f->s, dir, T_NOW, false, &renderer, &res, &m_));
	int before = count_entries(dir);
	char idx[200];
	snprintf(idx, sizeof idx, "%s/index.html", dir);
	char *old = slurp(idx);
	fail_at_page = 7;
	pages_seen = 0;
	assert_fails(rd_site_export(f->s, dir, T_NOW + 60, true, &renderer, &res, &m_), RD_EDB, "stand-in");
	char *now = slurp(idx);
	assert_string_equal(old, now);
	assert_int_equal(count_entries(dir), before);
	assert_false(exists(tmp));
	free(old);
	free(now);
	fail_at_page = 0;
	rm_rf(dir);
}

static void refusals(void **state)
{
	struct fx *f = *state;
	char dir[160], tmp[170], p[200];
	snprintf(dir, sizeof dir, "%s/site", f->dir);
	snprintf(tmp, sizeof tmp, "%s.tmp", dir);
	struct rd_site_result res;
	fail_at_page = 0;
	/* not empty */
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(p, sizeof p, "%s/keep.txt", dir);
	FILE *fp = fopen(p, "w");
	fputs("mine", fp);
	fclose(fp);
	assert_fails(rd_site_export(f->s, dir, T_NOW, false, &renderer, &res, &m_), RD_EEXIST, "is not empty");
	assert_true(exists(p));
	assert_int_equal(count_entries(dir), 1);
	/* a leftover DIR.tmp, even with force: named, and not removed */
	assert_int_equal(mkdir(tmp, 0755), 0);
	assert_fails(rd_site_export(f->s, dir, T_NOW, true, &renderer, &res, &m_), RD_EEXIST, "site.tmp' exists");
	assert_true(exists(tmp));
	assert_true(exists(p));
	rmdir(tmp);
	/* force replaces: the user's file is gone, a whole copy is there */
	assert_ok(rd_site_export(f->s, dir, T_NOW, true, &renderer, &res, &m_));
	assert_false(exists(p));
	DIR *d = opendir(f->dir); /* no site.old-… or site.tmp left beside it */
	struct dirent *e;
	while ((e = readdir(d)))
		assert_int_equal(strncmp(e->d_name, "site.", 5) == 0, 0);
	closedir(d);
	rm_rf(dir);
	/* a file where DIR should be; an empty name */
	fp = fopen(dir, "w");
	fclose(fp);
	assert_fails(rd_site_export(f->s, dir, T_NOW, false, &renderer, &res, &m_), RD_EINVAL, "not a directory");
	unlink(dir);
	assert_fails(rd_site_export(f->s, "", T_NOW, false, &renderer, &res, &m_), RD_EINVAL, "empty");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(writes_every_client),
		T(a_failure_half_way_leaves_nothing),
		T(refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
