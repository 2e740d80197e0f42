/* outbox_test.c — lib/outbox.c, lib/mail.c and the pure parts of
 * lib/notify.c: queueing inside the caller's transaction (also when the
 * message was queued before), the backoff schedule, the listing, messages
 * built with GMime and read back, addresses, and the status-question list
 * that makes an inbound reply a chase. Sending over SMTP is tested with a
 * real server in tests/mail/run.py. */
#include "redress/mail.h"
#include "redress/notify.h"
#include "redress/outbox.h"
#include "unit.h"

static struct rd_outbox_msg msg(const char *key, const char *const *to, size_t n)
{
	return (struct rd_outbox_msg){.idem_key = key, .kind = "digest", .to = to, .n_to = n,
				      .subject = "s", .body = "b", .at = T_NOW};
}

static int64_t count(struct fx *f, const char *sql)
{
	int64_t n = -1;
	assert_int_equal(rd_store_exec(f->s, &n, sql, ""), RD_OK);
	return n;
}

/* The bug this caught: queueing a key that existed rolled back its nested
 * scope, which made the caller's whole transaction fail at commit. */
static void enqueue_twice_inside_a_transaction(void **state)
{
	struct fx *f = *state;
	const char *to[] = {"sam@provider.example"};
	struct rd_outbox_msg m = msg("k1", to, 1);
	int64_t id = 0;
	assert_ok(rd_store_begin(f->s));
	assert_ok(rd_outbox_enqueue(f->s, &m, &id, &m_));
	assert_true(id > 0);
	assert_ok(rd_outbox_enqueue(f->s, &m, &id, &m_));
	assert_int_equal(id, 0);                 /* already queued: nothing new */
	assert_ok(rd_store_exec(f->s, NULL, "INSERT INTO settings (key, value, updated_at) VALUES ('x', 'y', 1)", ""));
	assert_ok(rd_store_commit(f->s));        /* the caller's write is kept */
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM settings WHERE key = 'x'"), 1);
}

static void enqueue_refuses_bad_addresses(void **state)
{
	struct fx *f = *state;
	const char *to[] = {"sam@provider.example", "not an address"};
	struct rd_outbox_msg m = msg("k2", to, 2);
	assert_fails(rd_outbox_enqueue(f->s, &m, NULL, &m_), RD_EINVAL, "'not an address' is not a valid");
	m = msg("k3", to, 0);
	assert_fails(rd_outbox_enqueue(f->s, &m, NULL, &m_), RD_EINVAL, "at least one recipient");
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 0);
}

static void rolled_back_with_its_cause(void **state)
{
	struct fx *f = *state;
	const char *to[] = {"sam@provider.example"};
	struct rd_outbox_msg m = msg("k4", to, 1);
	assert_ok(rd_store_begin(f->s));
	assert_ok(rd_outbox_enqueue(f->s, &m, NULL, &m_));
	rd_store_rollback(f->s);
	assert_int_equal(count(f, "SELECT count(*) FROM outbox"), 0);
}

static void backoff_schedule(void **state)
{
	(void)state;
	assert_int_equal(rd_outbox_backoff(1), 60);
	assert_int_equal(rd_outbox_backoff(2), 120);
	assert_int_equal(rd_outbox_backoff(3), 240);
	assert_int_equal(rd_outbox_backoff(7), 64 * 60);
}

static void sweep_without_smtp_waits_and_says_why(void **state)
{
	struct fx *f = *state;
	const char *to[] = {"sam@provider.example"};
	struct rd_outbox_msg m = msg("k5", to, 1);
	assert_ok(rd_outbox_enqueue(f->s, &m, NULL, &m_));
	struct rd_mail_settings ms = {0};
	struct rd_sweep_stats st;
	assert_ok(rd_outbox_sweep(f->s, &ms, T_NOW, 0, &st, &m_));
	assert_int_equal(st.waiting, 1);
	assert_int_equal(st.sent, 0);
	json_t *rows = NULL;
	assert_ok(rd_outbox_list(f->s, "queued", 0, &rows, &m_));
	assert_int_equal(json_array_size(rows), 1);
	assert_non_null(strstr(json_string_value(json_object_get(json_array_get(rows, 0), "last_error")),
			       "no SMTP server configured"));
	json_decref(rows);
	assert_fails(rd_outbox_list(f->s, "lost", 0, &rows, &m_), RD_EINVAL, "not one of queued");
}

static void build_and_read_back(void **state)
{
	(void)state;
	const char *to[] = {"lena@acme.example"};
	struct rd_mail m = {.from_name = "Sam Økafor", .from_addr = "desk@provider.example",
			    .reply_to = "desk+rabc@provider.example", .to = to, .n_to = 1,
			    .subject = "Grüße: an update", .body = "Straße gesperrt.\nNext update at 16:00.\n",
			    .message_id = "rd.1@provider.example", .in_reply_to = "<rd.0@provider.example>",
			    .references = "<rd.t@provider.example> <rd.0@provider.example>", .kind = "client",
			    .date = T_NOW};
	char *raw = NULL;
	size_t len = 0;
	assert_ok(rd_mail_build(&m, &raw, &len, &m_));
	assert_non_null(strstr(raw, "Content-Transfer-Encoding: quoted-printable\r\n"));
	assert_non_null(strstr(raw, "charset=utf-8"));
	assert_non_null(strstr(raw, "Subject: =?"));          /* the header is encoded */
	assert_non_null(strstr(raw, "Message-Id: <rd.1@provider.example>\r\n"));
	assert_non_null(strstr(raw, "Date: Sun, 22 Nov 2026 12:00:00 +0000"));
	assert_null(strstr(raw, "Auto-Submitted"));           /* a person's message */
	struct rd_mail_in in;
	assert_ok(rd_mail_parse(raw, len, &in, &m_));
	assert_string_equal(in.from, "desk@provider.example");
	assert_string_equal(in.subject, "Grüße: an update");
	assert_string_equal(in.in_reply_to, "<rd.0@provider.example>");
	assert_non_null(strstr(in.text, "Straße gesperrt."));
	assert_int_equal(in.n_rcpts, 1);
	assert_string_equal(in.rcpts[0], "lena@acme.example");
	rd_mail_in_free(&in);
	free(raw);
	to[0] = "nope";
	assert_fails(rd_mail_build(&m, &raw, &len, &m_), RD_EINVAL, "'nope' is not a valid email address");
}

static void parse_refuses_bad_input(void **state)
{
	(void)state;
	struct rd_mail_in in;
	const char *no_from = "Subject: x\r\n\r\nhello\r\n";
	assert_fails(rd_mail_parse(no_from, strlen(no_from), &in, &m_), RD_EINVAL, "no From header");
	rd_mail_in_free(&in);
	const char *latin = "From: a@b.example\r\nContent-Type: text/plain\r\n\r\nGr\xfc\xdf" "e\r\n";
	assert_fails(rd_mail_parse(latin, strlen(latin), &in, &m_), RD_EINVAL, "declare its charset");
	rd_mail_in_free(&in);
	const char *declared = "From: a@b.example\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nGr\xfc\xdf" "e\r\n";
	assert_ok(rd_mail_parse(declared, strlen(declared), &in, &m_));
	assert_non_null(strstr(in.text, "Grüße"));
	rd_mail_in_free(&in);
	char *big = malloc(RD_MAIL_INBOUND_MAX + 2);
	memset(big, 'a', RD_MAIL_INBOUND_MAX + 1);
	big[RD_MAIL_INBOUND_MAX + 1] = '\0';
	assert_fails(rd_mail_parse(big, RD_MAIL_INBOUND_MAX + 1, &in, &m_), RD_EINVAL, "the limit is 1048576 bytes");
	rd_mail_in_free(&in);
	free(big);
}

static void addresses(void **state)
{
	(void)state;
	assert_true(rd_mail_addr_valid("lena.vogel+x@northwind.example"));
	assert_false(rd_mail_addr_valid("lena"));
	assert_false(rd_mail_addr_valid("lena@localhost"));
	assert_false(rd_mail_addr_valid("a b@c.example"));
	assert_false(rd_mail_addr_valid("<a@c.example>"));
	assert_false(rd_mail_addr_valid("a@b@c.example"));
	char *p = rd_mail_plus_address("desk@provider.example", "r1234");
	assert_string_equal(p, "desk+r1234@provider.example");
	free(p);
	p = rd_mail_plus_address("desk+old@provider.example", "r9");
	assert_string_equal(p, "desk+r9@provider.example");
	free(p);
	assert_ok(rd_mail_url_check("smtps://u:p@mail.example:465", "--smtp-url", &m_));
	assert_fails(rd_mail_url_check("http://mail.example", "--smtp-url", &m_), RD_EINVAL, "--smtp-url");
	assert_fails(rd_mail_url_check("smtp://", "REDRESS_SMTP_URL", &m_), RD_EINVAL, "REDRESS_SMTP_URL");
}

static void status_questions(void **state)
{
	(void)state;
	static const char *const yes[] = {
		"Any update?", "Hi team, is anyone looking at this?", "What's the status of the fix?",
		"We still haven’t heard anything. Any ETA?", "When will this be fixed?", "ANY NEWS",
		"We are still waiting for a reply.", NULL};
	static const char *const no[] = {
		"Thanks, that is clear.", "Please send the invoice.", "Great work on the fix.",
		"Thanks!\n\nOn Tue, Sam wrote:\n> Any update? We will send one at 16:00\n",
		"Thanks.\n> is anyone looking at this?\n", NULL};
	for (int i = 0; yes[i]; i++)
		if (!rd_status_question(yes[i]))
			fail_msg("not read as a status question: %s", yes[i]);
	for (int i = 0; no[i]; i++)
		if (rd_status_question(no[i]))
			fail_msg("read as a status question: %s", no[i]);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(enqueue_twice_inside_a_transaction),
		T(enqueue_refuses_bad_addresses),
		T(rolled_back_with_its_cause),
		cmocka_unit_test(backoff_schedule),
		T(sweep_without_smtp_waits_and_says_why),
		cmocka_unit_test(build_and_read_back),
		cmocka_unit_test(parse_refuses_bad_input),
		cmocka_unit_test(addresses),
		cmocka_unit_test(status_questions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
