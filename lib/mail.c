/* mail.c — building, sending and reading email (see mail.h): GMime makes
 * and parses the MIME (encoded headers, quoted-printable bodies, charsets),
 * libcurl speaks SMTP (and HTTP for webhooks). Both are loaded on first use through util/dynlib.h
 * like lib/check/mime.c, so only commands that mail pay for them. */
#define CURL_DISABLE_TYPECHECK 1
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <gmime/gmime.h>

#include "redress/mail.h"
#include "util/buf.h"
#include "util/dynlib.h"

/* ---- GMime, loaded once ---------------------------------------------- */

static struct {
	void (*init)(void);
	GMimeMessage *(*message_new)(gboolean);
	void (*add_mailbox)(GMimeMessage *, GMimeAddressType, const char *, const char *);
	void (*set_subject)(GMimeMessage *, const char *, const char *);
	void (*set_message_id)(GMimeMessage *, const char *);
	void (*set_date)(GMimeMessage *, GDateTime *);
	GDateTime *(*date_new_unix)(gint64);
	void (*date_unref)(GDateTime *);
	void (*set_header)(GMimeObject *, const char *, const char *, const char *);
	GMimePart *(*part_new)(const char *, const char *);
	GMimeStream *(*mem_new)(const char *, size_t);
	GMimeDataWrapper *(*wrapper_new)(GMimeStream *, GMimeContentEncoding);
	void (*part_set_content)(GMimePart *, GMimeDataWrapper *);
	void (*set_ct_param)(GMimeObject *, const char *, const char *);
	void (*set_encoding)(GMimePart *, GMimeContentEncoding);
	void (*set_mime_part)(GMimeMessage *, GMimeObject *);
	GMimeFormatOptions *(*fmt_new)(void);
	void (*fmt_newline)(GMimeFormatOptions *, GMimeNewLineFormat);
	void (*fmt_free)(GMimeFormatOptions *);
	char *(*to_string)(GMimeObject *, GMimeFormatOptions *);
	GMimeParser *(*parser_new)(GMimeStream *);
	GMimeMessage *(*construct)(GMimeParser *, GMimeParserOptions *);
	InternetAddressList *(*get_from)(GMimeMessage *);
	InternetAddressList *(*get_addresses)(GMimeMessage *, GMimeAddressType);
	int (*list_length)(InternetAddressList *);
	InternetAddress *(*list_get)(InternetAddressList *, int);
	InternetAddressList *(*list_parse)(GMimeParserOptions *, const char *);
	const char *(*mailbox_addr)(InternetAddressMailbox *);
	GType (*mailbox_type)(void);
	gboolean (*is_a)(GTypeInstance *, GType);
	const char *(*subject)(GMimeMessage *);
	const char *(*message_id)(GMimeMessage *);
	const char *(*header)(GMimeObject *, const char *);
	void (*foreach)(GMimeMessage *, GMimeObjectForeachFunc, gpointer);
	GMimeContentType *(*content_type)(GMimeObject *);
	gboolean (*is_type)(GMimeContentType *, const char *, const char *);
	const char *(*disposition)(GMimeObject *);
	char *(*get_text)(GMimeTextPart *);
	const char *(*get_charset)(GMimeTextPart *);
	void (*unref)(gpointer);
	void (*gfree)(gpointer);
} gm;

static pthread_once_t gm_once = PTHREAD_ONCE_INIT;
static enum rd_err gm_rc;
static char *gm_err;

static void gm_load(void)
{
	static const char *const names[] = {"libgmime-3.0.so.0", "libgmime-3.0.so", NULL};
	const struct rd_dynsym syms[] = {
		{"g_mime_init", (void **)&gm.init},
		{"g_mime_message_new", (void **)&gm.message_new},
		{"g_mime_message_add_mailbox", (void **)&gm.add_mailbox},
		{"g_mime_message_set_subject", (void **)&gm.set_subject},
		{"g_mime_message_set_message_id", (void **)&gm.set_message_id},
		{"g_mime_message_set_date", (void **)&gm.set_date},
		{"g_date_time_new_from_unix_utc", (void **)&gm.date_new_unix},
		{"g_date_time_unref", (void **)&gm.date_unref},
		{"g_mime_object_set_header", (void **)&gm.set_header},
		{"g_mime_part_new_with_type", (void **)&gm.part_new},
		{"g_mime_stream_mem_new_with_buffer", (void **)&gm.mem_new},
		{"g_mime_data_wrapper_new_with_stream", (void **)&gm.wrapper_new},
		{"g_mime_part_set_content", (void **)&gm.part_set_content},
		{"g_mime_object_set_content_type_parameter", (void **)&gm.set_ct_param},
		{"g_mime_part_set_content_encoding", (void **)&gm.set_encoding},
		{"g_mime_message_set_mime_part", (void **)&gm.set_mime_part},
		{"g_mime_format_options_new", (void **)&gm.fmt_new},
		{"g_mime_format_options_set_newline_format", (void **)&gm.fmt_newline},
		{"g_mime_format_options_free", (void **)&gm.fmt_free},
		{"g_mime_object_to_string", (void **)&gm.to_string},
		{"g_mime_parser_new_with_stream", (void **)&gm.parser_new},
		{"g_mime_parser_construct_message", (void **)&gm.construct},
		{"g_mime_message_get_from", (void **)&gm.get_from},
		{"g_mime_message_get_addresses", (void **)&gm.get_addresses},
		{"internet_address_list_length", (void **)&gm.list_length},
		{"internet_address_list_get_address", (void **)&gm.list_get},
		{"internet_address_list_parse", (void **)&gm.list_parse},
		{"internet_address_mailbox_get_addr", (void **)&gm.mailbox_addr},
		{"internet_address_mailbox_get_type", (void **)&gm.mailbox_type},
		{"g_type_check_instance_is_a", (void **)&gm.is_a},
		{"g_mime_message_get_subject", (void **)&gm.subject},
		{"g_mime_message_get_message_id", (void **)&gm.message_id},
		{"g_mime_object_get_header", (void **)&gm.header},
		{"g_mime_message_foreach", (void **)&gm.foreach},
		{"g_mime_object_get_content_type", (void **)&gm.content_type},
		{"g_mime_content_type_is_type", (void **)&gm.is_type},
		{"g_mime_object_get_disposition", (void **)&gm.disposition},
		{"g_mime_text_part_get_text", (void **)&gm.get_text},
		{"g_mime_text_part_get_charset", (void **)&gm.get_charset},
		{"g_object_unref", (void **)&gm.unref},
		{"g_free", (void **)&gm.gfree},
		{NULL, NULL}};
	gm_rc = rd_dynlib_open(names, syms, &gm_err);
	if (gm_rc == RD_OK)
		gm.init();
}

static enum rd_err gm_ready(char **errmsg)
{
	pthread_once(&gm_once, gm_load);
	if (gm_rc != RD_OK)
		return rd_fail(gm_rc, errmsg, "email: %s", gm_err ? gm_err : "cannot load GMime");
	return RD_OK;
}

/* ---- addresses ---------------------------------------------------------- */

bool rd_mail_addr_valid(const char *addr)
{
	if (!addr || !*addr || strlen(addr) > 254)
		return false;
	const char *at = strrchr(addr, '@');
	if (!at || at == addr || !at[1] || strchr(at + 1, '.') == NULL || at - addr > 64)
		return false;
	for (const unsigned char *p = (const unsigned char *)addr; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("\"<>(),;:[]\\", *p) || (*p == '@' && (const char *)p != at))
			return false;
	return at[1] != '.' && addr[strlen(addr) - 1] != '.';
}

char *rd_mail_plus_address(const char *from, const char *token)
{
	if (!rd_mail_addr_valid(from) || !token)
		return NULL;
	const char *at = strrchr(from, '@');
	size_t local = (size_t)(at - from);
	const char *plus = memchr(from, '+', local);
	if (plus)
		local = (size_t)(plus - from);
	struct rd_buf b = RD_BUF_INIT;
	rd_buf_add(&b, from, local);
	rd_buf_addf(&b, "+%s%s", token, at);
	return b.oom ? (rd_buf_free(&b), NULL) : rd_buf_detach(&b);
}

enum rd_err rd_mail_url_check(const char *url, const char *what, char **errmsg)
{
	const char *host = NULL;
	if (url && strncmp(url, "smtp://", 7) == 0)
		host = url + 7;
	else if (url && strncmp(url, "smtps://", 8) == 0)
		host = url + 8;
	if (!host || !*host || *host == '/' || *host == ':')
		return rd_fail(RD_EINVAL, errmsg, "%s: '%s' is not an SMTP URL (smtp://HOST[:PORT] or "
			       "smtps://USER:PASSWORD@HOST[:PORT])", what, url ? url : "");
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7f)
			return rd_fail(RD_EINVAL, errmsg, "%s: the URL has a space or control character", what);
	return RD_OK;
}

/* ---- building ----------------------------------------------------------- */

static bool ascii_only(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

enum rd_err rd_mail_build(const struct rd_mail *m, char **out, size_t *len, char **errmsg)
{
	enum rd_err ret = RD_OK;
	GMimeMessage *msg = NULL;
	GMimePart *part = NULL;
	GMimeStream *st = NULL;
	GMimeDataWrapper *w = NULL;
	GMimeFormatOptions *fo = NULL;
	GDateTime *dt = NULL;
	char *text = NULL;
	*out = NULL;
	*len = 0;
	if ((ret = gm_ready(errmsg)))
		return ret;
	if (!rd_mail_addr_valid(m->from_addr))
		return rd_fail(RD_EINVAL, errmsg, "the From address '%s' is not valid (REDRESS_MAIL_FROM)",
			       m->from_addr ? m->from_addr : "");
	if (m->reply_to && !rd_mail_addr_valid(m->reply_to))
		return rd_fail(RD_EINVAL, errmsg, "the reply address '%s' is not valid", m->reply_to);
	if (m->n_to == 0)
		return rd_fail(RD_EINVAL, errmsg, "a message needs at least one recipient");
	for (size_t i = 0; i < m->n_to; i++)
		if (!rd_mail_addr_valid(m->to[i]))
			return rd_fail(RD_EINVAL, errmsg, "recipient '%s' is not a valid email address", m->to[i]);
	msg = gm.message_new(TRUE);
	gm.add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, m->from_name ? m->from_name : "", m->from_addr);
	for (size_t i = 0; i < m->n_to; i++)
		gm.add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, "", m->to[i]);
	if (m->reply_to)
		gm.add_mailbox(msg, GMIME_ADDRESS_TYPE_REPLY_TO, "", m->reply_to);
	gm.set_subject(msg, m->subject ? m->subject : "", "utf-8");
	gm.set_message_id(msg, m->message_id);
	dt = gm.date_new_unix(m->date);
	gm.set_date(msg, dt);
	if (m->in_reply_to)
		gm.set_header((GMimeObject *)msg, "In-Reply-To", m->in_reply_to, NULL);
	if (m->references)
		gm.set_header((GMimeObject *)msg, "References", m->references, NULL);
	if (m->kind)
		gm.set_header((GMimeObject *)msg, "X-Redress-Kind", m->kind, NULL);
	if (m->kind && strcmp(m->kind, "client") != 0) /* reminders, not a person writing */
		gm.set_header((GMimeObject *)msg, "Auto-Submitted", "auto-generated", NULL);
	const char *body = m->body ? m->body : "";
	part = gm.part_new("text", "plain");
	st = gm.mem_new(body, strlen(body));
	w = gm.wrapper_new(st, GMIME_CONTENT_ENCODING_DEFAULT);
	gm.part_set_content(part, w);
	gm.set_ct_param((GMimeObject *)part, "charset", ascii_only(body) ? "us-ascii" : "utf-8");
	gm.set_encoding(part, ascii_only(body) ? GMIME_CONTENT_ENCODING_7BIT
					       : GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	gm.set_mime_part(msg, (GMimeObject *)part);
	fo = gm.fmt_new();
	gm.fmt_newline(fo, GMIME_NEWLINE_FORMAT_DOS);
	text = gm.to_string((GMimeObject *)msg, fo);
	if (!text) {
		ret = rd_fail(RD_ENOMEM, errmsg, "cannot write the message");
		goto out;
	}
	*len = strlen(text);
	*out = malloc(*len + 1);
	if (!*out) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	memcpy(*out, text, *len + 1);
out:
	if (text)
		gm.gfree(text);
	if (fo)
		gm.fmt_free(fo);
	if (dt)
		gm.date_unref(dt);
	if (w)
		gm.unref(w);
	if (st)
		gm.unref(st);
	if (part)
		gm.unref(part);
	if (msg)
		gm.unref(msg);
	return ret;
}

/* ---- sending: libcurl, loaded once ---------------------------------------- */

static struct {
	CURLcode (*global_init)(long);
	CURL *(*init)(void);
	CURLcode (*setopt)(CURL *, CURLoption, ...);
	CURLcode (*perform)(CURL *);
	CURLcode (*getinfo)(CURL *, CURLINFO, ...);
	void (*cleanup)(CURL *);
	void (*reset)(CURL *);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free)(struct curl_slist *);
	const char *(*strerror)(CURLcode);
	CURLU *(*url)(void);
	CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
	CURLUcode (*url_get)(const CURLU *, CURLUPart, char **, unsigned int);
	void (*url_cleanup)(CURLU *);
	void (*free)(void *);
} cu;

static pthread_once_t cu_once = PTHREAD_ONCE_INIT;
static enum rd_err cu_rc;
static char *cu_err;

static void cu_load(void)
{
	static const char *const names[] = {"libcurl.so.4", "libcurl.so", NULL};
	const struct rd_dynsym syms[] = {
		{"curl_global_init", (void **)&cu.global_init},
		{"curl_easy_init", (void **)&cu.init},
		{"curl_easy_setopt", (void **)&cu.setopt},
		{"curl_easy_perform", (void **)&cu.perform},
		{"curl_easy_getinfo", (void **)&cu.getinfo},
		{"curl_easy_cleanup", (void **)&cu.cleanup},
		{"curl_easy_reset", (void **)&cu.reset},
		{"curl_slist_append", (void **)&cu.slist_append},
		{"curl_slist_free_all", (void **)&cu.slist_free},
		{"curl_easy_strerror", (void **)&cu.strerror},
		{"curl_url", (void **)&cu.url},
		{"curl_url_set", (void **)&cu.url_set},
		{"curl_url_get", (void **)&cu.url_get},
		{"curl_url_cleanup", (void **)&cu.url_cleanup},
		{"curl_free", (void **)&cu.free},
		{NULL, NULL}};
	cu_rc = rd_dynlib_open(names, syms, &cu_err);
	if (cu_rc == RD_OK && cu.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		cu_rc = RD_EIO;
		cu_err = strdup("libcurl failed to initialise");
	}
}

struct upload {
	const char *data;
	size_t len, pos;
};

static size_t read_cb(char *buf, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t room = size * n, left = u->len - u->pos;
	if (room > left)
		room = left;
	memcpy(buf, u->data + u->pos, room);
	u->pos += room;
	return room;
}

struct rd_mail_conn {
	CURL *curl;
};

void rd_mail_conn_free(struct rd_mail_conn *c)
{
	if (!c)
		return;
	if (c->curl)
		cu.cleanup(c->curl);
	free(c);
}

enum rd_err rd_mail_send(const char *url, const char *from, const char *const *to, size_t n_to,
			 const char *data, size_t len, long timeout_ms, struct rd_mail_conn **conn,
			 struct rd_mail_result *res, char **errmsg)
{
	enum rd_err ret = RD_OK;
	struct curl_slist *rcpt = NULL;
	CURL *c = NULL;
	char tmp[512];
	res->smtp_code = 0;
	res->permanent = false;
	pthread_once(&cu_once, cu_load);
	if (cu_rc != RD_OK)
		return rd_fail(cu_rc, errmsg, "SMTP: %s", cu_err ? cu_err : "cannot load libcurl");
	if ((ret = rd_mail_url_check(url, "the SMTP URL", errmsg)))
		return ret;
	for (size_t i = 0; i < n_to; i++) {
		if (!rd_mail_addr_valid(to[i])) {
			res->permanent = true;
			ret = rd_fail(RD_EINVAL, errmsg, "recipient '%s' is not a valid email address", to[i]);
			goto out;
		}
		snprintf(tmp, sizeof tmp, "<%s>", to[i]);
		struct curl_slist *n = cu.slist_append(rcpt, tmp);
		if (!n) {
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		rcpt = n;
	}
	/* a kept handle keeps its connection: reset only forgets the options */
	if (conn && *conn && (*conn)->curl) {
		c = (*conn)->curl;
		cu.reset(c);
	} else if (!(c = cu.init())) {
		ret = rd_fail(RD_ENOMEM, errmsg, "cannot start libcurl");
		goto out;
	}
	struct upload u = {data, len, 0};
	char errbuf[CURL_ERROR_SIZE] = "";
	snprintf(tmp, sizeof tmp, "<%s>", from);
	cu.setopt(c, CURLOPT_URL, url);
	cu.setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	cu.setopt(c, CURLOPT_MAIL_FROM, tmp);
	cu.setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	cu.setopt(c, CURLOPT_READFUNCTION, read_cb);
	cu.setopt(c, CURLOPT_READDATA, &u);
	cu.setopt(c, CURLOPT_UPLOAD, 1L);
	cu.setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
	cu.setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 10000 ? timeout_ms : 10000L);
	cu.setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	if (strncmp(url, "smtp://", 7) == 0)
		cu.setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY); /* STARTTLS when offered */
	CURLcode cc = cu.perform(c);
	long code = 0;
	cu.getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	res->smtp_code = (int)code;
	if (cc != CURLE_OK) {
		/* 5xx is the server saying no for good (unknown mailbox, policy);
		 * 4xx, timeouts and refused connections are worth another try. */
		res->permanent = code >= 500 && code < 600;
		ret = rd_fail(RD_EIO, errmsg, "SMTP %s%s%ld: %s", res->permanent ? "refused" : "failed",
			      code ? " with " : "", code, errbuf[0] ? errbuf : cu.strerror(cc));
	}
out:
	if (c && conn && !*conn)
		*conn = calloc(1, sizeof **conn);
	if (c && conn && *conn) {
		cu.reset(c); /* no option may point at this call's stack or lists */
		(*conn)->curl = c;
	}
	else if (c)
		cu.cleanup(c);
	if (rcpt)
		cu.slist_free(rcpt);
	return ret;
}

/* ---- HTTP: webhooks (lib/webhook.c) through the same libcurl ------------------ */

enum rd_err rd_http_url_check(const char *url, char **errmsg)
{
	pthread_once(&cu_once, cu_load);
	if (cu_rc != RD_OK)
		return rd_fail(cu_rc, errmsg, "HTTP: %s", cu_err ? cu_err : "cannot load libcurl");
	if (!url || !*url)
		return rd_fail(RD_EINVAL, errmsg, "a webhook needs a URL (http://HOST/… or https://HOST/…)");
	CURLU *h = cu.url();
	char *scheme = NULL, *host = NULL;
	enum rd_err ret = RD_OK;
	if (!h)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	if (cu.url_set(h, CURLUPART_URL, url, 0) != CURLUE_OK) {
		ret = rd_fail(RD_EINVAL, errmsg, "'%s' is not a URL: give http://HOST/… or https://HOST/…", url);
		goto out;
	}
	if (cu.url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "http") && strcmp(scheme, "https"))) {
		ret = rd_fail(RD_EINVAL, errmsg, "'%s': a webhook URL must be http:// or https://, not %s://", url,
			      scheme ? scheme : "?");
		goto out;
	}
	/* libcurl forgives "http:///x" and "http:x"; an endpoint should be written plainly */
	size_t sl = strlen(scheme);
	if (cu.url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host || !*host ||
	    strncmp(url + sl, "://", 3) || url[sl + 3] == '/') {
		ret = rd_fail(RD_EINVAL, errmsg, "'%s': a webhook URL needs a host", url);
		goto out;
	}
out:
	if (scheme)
		cu.free(scheme);
	if (host)
		cu.free(host);
	cu.url_cleanup(h);
	return ret;
}

static size_t discard_cb(char *buf, size_t size, size_t n, void *arg)
{
	(void)buf;
	(void)arg;
	return size * n;
}

enum rd_err rd_http_post(const char *url, const char *const *headers, size_t n_headers, const char *body,
			 size_t len, long timeout_ms, long *status, char **errmsg)
{
	enum rd_err ret = RD_OK;
	struct curl_slist *hl = NULL;
	CURL *c = NULL;
	*status = 0;
	pthread_once(&cu_once, cu_load);
	if (cu_rc != RD_OK)
		return rd_fail(cu_rc, errmsg, "HTTP: %s", cu_err ? cu_err : "cannot load libcurl");
	for (size_t i = 0; i < n_headers; i++) {
		struct curl_slist *n = cu.slist_append(hl, headers[i]);
		if (!n) {
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		hl = n;
	}
	if (!(c = cu.init())) {
		ret = rd_fail(RD_ENOMEM, errmsg, "cannot start libcurl");
		goto out;
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	cu.setopt(c, CURLOPT_URL, url);
	cu.setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	cu.setopt(c, CURLOPT_POST, 1L);
	cu.setopt(c, CURLOPT_POSTFIELDS, body);
	cu.setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	cu.setopt(c, CURLOPT_HTTPHEADER, hl);
	cu.setopt(c, CURLOPT_WRITEFUNCTION, discard_cb);
	cu.setopt(c, CURLOPT_NOSIGNAL, 1L);
	cu.setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
	cu.setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 10000 ? timeout_ms : 10000L);
	cu.setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	CURLcode cc = cu.perform(c);
	cu.getinfo(c, CURLINFO_RESPONSE_CODE, status);
	if (cc != CURLE_OK)
		ret = rd_fail(RD_EIO, errmsg, "HTTP POST failed: %s", errbuf[0] ? errbuf : cu.strerror(cc));
out:
	if (c)
		cu.cleanup(c);
	if (hl)
		cu.slist_free(hl);
	return ret;
}

/* ---- reading ---------------------------------------------------------------- */

static void pick_text(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	(void)parent;
	GMimeObject **p = data;
	if (*p)
		return;
	GMimeContentType *ct = gm.content_type(part);
	if (!ct || !gm.is_type(ct, "text", "plain"))
		return;
	const char *disp = gm.disposition(part);
	if (disp && !strcasecmp(disp, "attachment"))
		return;
	*p = part;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Appends the mailboxes of LIST to M's recipients. */
static void add_rcpts(struct rd_mail_in *m, InternetAddressList *list)
{
	int n = list ? gm.list_length(list) : 0;
	for (int i = 0; i < n; i++) {
		InternetAddress *ia = gm.list_get(list, i);
		if (!ia || !gm.is_a((GTypeInstance *)ia, gm.mailbox_type()))
			continue;
		const char *a = gm.mailbox_addr((InternetAddressMailbox *)ia);
		char **v = a ? realloc(m->rcpts, (m->n_rcpts + 1) * sizeof *v) : NULL;
		if (!v)
			continue;
		m->rcpts = v;
		if ((v[m->n_rcpts] = strdup(a)))
			m->n_rcpts++;
	}
}

enum rd_err rd_mail_parse(const char *raw, size_t n, struct rd_mail_in *out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	GMimeStream *st = NULL;
	GMimeParser *ps = NULL;
	GMimeMessage *msg = NULL;
	char *body = NULL;
	memset(out, 0, sizeof *out);
	if (n > RD_MAIL_INBOUND_MAX)
		return rd_fail(RD_EINVAL, errmsg, "the message is %zu bytes; the limit is %zu bytes", n,
			       RD_MAIL_INBOUND_MAX);
	if (n == 0)
		return rd_fail(RD_EINVAL, errmsg, "the message is empty");
	if ((ret = gm_ready(errmsg)))
		return ret;
	st = gm.mem_new(raw, n);
	ps = st ? gm.parser_new(st) : NULL;
	msg = ps ? gm.construct(ps, NULL) : NULL;
	InternetAddressList *from = msg ? gm.get_from(msg) : NULL;
	if (!msg || !from || gm.list_length(from) == 0) {
		ret = rd_fail(RD_EINVAL, errmsg, "not an email message: no From header (RFC 5322) found");
		goto out;
	}
	InternetAddress *fa = gm.list_get(from, 0);
	if (!gm.is_a((GTypeInstance *)fa, gm.mailbox_type()) ||
	    !rd_mail_addr_valid(gm.mailbox_addr((InternetAddressMailbox *)fa))) {
		ret = rd_fail(RD_EINVAL, errmsg, "the From header has no valid sender address");
		goto out;
	}
	out->from = strdup(gm.mailbox_addr((InternetAddressMailbox *)fa));
	add_rcpts(out, gm.get_addresses(msg, GMIME_ADDRESS_TYPE_TO));
	add_rcpts(out, gm.get_addresses(msg, GMIME_ADDRESS_TYPE_CC));
	static const char *const envelope[] = {"Delivered-To", "X-Original-To", NULL};
	for (int i = 0; envelope[i]; i++) {
		const char *h = gm.header((GMimeObject *)msg, envelope[i]);
		InternetAddressList *l = h ? gm.list_parse(NULL, h) : NULL;
		add_rcpts(out, l);
		if (l)
			gm.unref(l);
	}
	out->subject = dup_or_null(gm.subject(msg));
	out->message_id = dup_or_null(gm.message_id(msg));
	out->in_reply_to = dup_or_null(gm.header((GMimeObject *)msg, "In-Reply-To"));
	GMimeObject *part = NULL;
	gm.foreach(msg, pick_text, &part);
	if (!part && msg->mime_part)
		pick_text(NULL, msg->mime_part, &part);
	if (!part) {
		ret = rd_fail(RD_EINVAL, errmsg, "the message has no text/plain part");
		goto out;
	}
	/* GMime converts from the part's declared charset to UTF-8; what still
	 * is not UTF-8 had no (or a wrong) charset. */
	body = gm.get_text((GMimeTextPart *)part);
	size_t bad = 0;
	if (!body || !rd_utf8_valid(body, strlen(body), &bad)) {
		const char *cs = gm.get_charset((GMimeTextPart *)part);
		ret = rd_fail(RD_EINVAL, errmsg, "the text part cannot be read as %s (byte %zu is not valid); "
			      "declare its charset", cs ? cs : "UTF-8", bad);
		goto out;
	}
	out->text = strdup(body);
	if (!out->from || !out->text)
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
out:
	if (body)
		gm.gfree(body);
	if (msg)
		gm.unref(msg);
	if (ps)
		gm.unref(ps);
	if (st)
		gm.unref(st);
	return ret;
}

void rd_mail_in_free(struct rd_mail_in *m)
{
	if (!m)
		return;
	free(m->from);
	for (size_t i = 0; i < m->n_rcpts; i++)
		free(m->rcpts[i]);
	free(m->rcpts);
	free(m->subject);
	free(m->message_id);
	free(m->in_reply_to);
	free(m->text);
	memset(m, 0, sizeof *m);
}
