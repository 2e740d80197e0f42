/* cache.c — a small response cache for expensive reads (a client's
 * dashboard, the agenda, a failure's obligations, record reads), so that a
 * wall of dashboards costs one clock computation per second, not one per
 * request.
 *
 * Correctness rests on the key: the database's data version
 * (rd_store_data_version, which every process on the database reads alike
 * and which any committed write moves, whoever made it), then path, query,
 * the calling user (whose role and "me" shape the answer) and the current
 * second (the clock's states move with time). So several `redress serve`
 * on one database never answer from a stale entry. Derived state
 * recomputed without an audit row (a policy refresh) is seen within a
 * second. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "redress/views.h"
#include "server.h"

#define SLOTS 64
#define MAX_BODY (256 * 1024)

struct slot {
	char *key;
	int64_t version;
	char *body;
	size_t len;
	const char *content_type;
	char etag[40];
};

static struct slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

bool rd_cache_lookup(struct rd_req *req, struct rd_resp *resp, char **key, int64_t *version)
{
	*key = NULL;
	*version = -1;
	char *dv = NULL;
	if (rd_store_data_version(req->store, &dv, NULL))
		return false;
	*version = 0; /* the data version is in the key */
	struct rd_buf k = RD_BUF_INIT;
	rd_buf_addf(&k, "%s|%lld|%lld|%s?", dv, (long long)req->actor.user_id, (long long)req->now, req->path);
	free(dv);
	const char *name;
	json_t *v;
	json_object_foreach(req->query, name, v) {
		rd_buf_adds(&k, name);
		rd_buf_addc(&k, '=');
		rd_buf_adds(&k, json_string_value(v));
		rd_buf_addc(&k, '&');
	}
	if (k.oom) {
		rd_buf_free(&k);
		return false;
	}
	*key = k.data;
	struct slot *s = &slots[fnv(*key) % SLOTS];
	bool hit = false;
	pthread_mutex_lock(&lock);
	if (s->key && s->version == *version && strcmp(s->key, *key) == 0) {
		rd_buf_add(&resp->body, s->body, s->len);
		resp->content_type = s->content_type;
		resp->status = 200;
		memcpy(resp->etag, s->etag, sizeof resp->etag);
		hit = !resp->body.oom;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void rd_cache_store(const char *key, int64_t version, struct rd_resp *resp)
{
	if (!key || version < 0 || resp->status != 200 || resp->nheaders || resp->body.len > MAX_BODY ||
	    !resp->body.data)
		return;
	char *k = strdup(key), *b = malloc(resp->body.len);
	if (!k || !b) {
		free(k);
		free(b);
		return;
	}
	memcpy(b, resp->body.data, resp->body.len);
	if (!resp->etag[0])
		rd_resp_etag(resp);
	struct slot *s = &slots[fnv(key) % SLOTS];
	pthread_mutex_lock(&lock);
	free(s->key);
	free(s->body);
	s->key = k;
	s->version = version;
	s->body = b;
	s->len = resp->body.len;
	s->content_type = resp->content_type;
	memcpy(s->etag, resp->etag, sizeof s->etag);
	pthread_mutex_unlock(&lock);
}
