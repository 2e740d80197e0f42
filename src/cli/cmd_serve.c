/* cmd_serve.c — `redress serve`: reads options and environment into a
 * struct rd_server_config and runs the HTTP server (src/server/http.c).
 * Every option has an environment twin so containers need no flags. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../server/server.h"
#include "commands.h"
#include "redress/settings.h"

static const char serve_usage[] =
	"usage: redress serve [--listen ADDR:PORT] [--threads N] [--body-limit BYTES]\n"
	"                     [--timeout SECONDS] [--access-log FILE|-|off]\n"
	"                     [--base-url URL] [--secure-cookies] [--first-admin EMAIL]\n"
	"                     [--trusted-proxy ADDR] [--metrics-anonymous on|off]\n"
	"                     [--smtp-url URL] [--mail-from ADDR] [--deliver-every DUR]\n"
	"                     [--print-routes]\n\n"
	"Runs the JSON API (/api/), the staff web app (/) and the client portal\n"
	"(/portal/) over the database (--db). Stops gracefully on SIGTERM or SIGINT:\n"
	"requests in flight finish first.\n\n"
	"  --listen ADDR:PORT   where to listen (default 127.0.0.1:8080; port 0 picks\n"
	"                       a free port)\n"
	"  --threads N          worker threads, each with its own database handle\n"
	"                       (default: twice the CPUs, at least 4)\n"
	"  --body-limit BYTES   largest request body (default 1M; K and M suffixes)\n"
	"  --timeout SECONDS    idle connection timeout (default 30)\n"
	"  --busy-timeout MS    how long a write waits for another program's lock on\n"
	"                       the database before answering 503 (default 5000)\n"
	"  --access-log DEST    '-' stderr (default), a file to append to, or 'off'\n"
	"  --base-url URL       how users reach this server, behind a proxy (for\n"
	"                       printed links); an https:// URL also turns on\n"
	"                       --secure-cookies\n"
	"  --secure-cookies     mark cookies Secure and send Strict-Transport-Security\n"
	"                       (behind a TLS proxy)\n"
	"  --first-admin EMAIL  sign in as admin EMAIL: adds EMAIL as an admin if no\n"
	"                       user has that address (also when other admins exist),\n"
	"                       then prints a one-time login link for it at every\n"
	"                       start; refuses (exit 2) if EMAIL is a user who is\n"
	"                       not an admin, or is disabled\n"
	"  --trusted-proxy ADDR requests from ADDR (your reverse proxy) are taken to\n"
	"                       come from the last address in X-Forwarded-For, for\n"
	"                       the sign-in limits and the log; without it the header\n"
	"                       is ignored\n"
	"  --metrics-anonymous on|off\n"
	"                       'on' (default): anyone who reaches the server may\n"
	"                       scrape /metrics; 'off': only with an API token\n"
	"                       (Authorization: Bearer TOKEN, any role), else 401\n"
	"  --smtp-url URL       send email through this SMTP server: smtp://HOST:PORT or\n"
	"                       smtps://USER:PASSWORD@HOST:PORT (docs/delivery.md);\n"
	"                       without it email stays queued in the outbox\n"
	"  --mail-from ADDR     the sender of every email; replies come back to\n"
	"                       ADDR's plus-addresses (local+TOKEN@domain)\n"
	"  --deliver-every DUR  how often the delivery worker queues reminders and\n"
	"                       sends the outbox: 30s (default), 2m, 1h, or 'off'\n"
	"  --print-routes       print the routes table and exit\n\n"
	"Once listening it prints 'listening on http://ADDR:PORT' (the real port),\n"
	"'open BASE/ in a browser', then how to sign in: the --first-admin link, or\n"
	"the `redress user login-link EMAIL` command for an existing admin, or how\n"
	"to create the first admin. BASE is --base-url, else http://ADDR:PORT (a\n"
	"wildcard address shown as the loopback one). BASE is recorded in the\n"
	"database: `user login-link`, `portal invite` and `draft` print links on it.\n\n"
	"environment: REDRESS_LISTEN, REDRESS_THREADS, REDRESS_BODY_LIMIT,\n"
	"REDRESS_TIMEOUT, REDRESS_BUSY_TIMEOUT, REDRESS_ACCESS_LOG, REDRESS_BASE_URL,\n"
	"REDRESS_SECURE_COOKIES=1, REDRESS_FIRST_ADMIN, REDRESS_TRUSTED_PROXY,\n"
	"REDRESS_METRICS_ANONYMOUS, REDRESS_SMTP_URL, REDRESS_MAIL_FROM,\n"
	"REDRESS_DELIVER_EVERY (options win over the environment).\n";

static const char *opt_or_env(const struct cli_args *a, const char *key, const char *env)
{
	const char *v = cli_arg(a, key);
	if (!v)
		v = getenv(env);
	return v && *v ? v : NULL;
}

static int parse_size(struct rd_cli *cli, const char *what, const char *v, unsigned long long max,
		      unsigned long long *out)
{
	char *end;
	unsigned long long n = strtoull(v, &end, 10);
	if (end == v)
		return cli_usage_error(cli, "%s: '%s' is not a number", what, v);
	if (*end == 'K' || *end == 'k')
		n *= 1024, end++;
	else if (*end == 'M' || *end == 'm')
		n *= 1024 * 1024, end++;
	if (*end || n == 0 || n > max)
		return cli_usage_error(cli, "%s: '%s' must be a number from 1 to %llu", what, v, max);
	*out = n;
	return 0;
}

int cmd_serve(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"listen", NULL, CO_STR, "ADDR:PORT"}, {"threads", NULL, CO_STR, "N"},
		{"body-limit", "body_limit", CO_STR, "BYTES"}, {"timeout", NULL, CO_STR, "SECONDS"},
		{"busy-timeout", "busy_timeout", CO_STR, "MS"},
		{"access-log", "access_log", CO_STR, "FILE|-|off"}, {"base-url", "base_url", CO_STR, "URL"},
		{"secure-cookies", "secure_cookies", CO_FLAG, NULL},
		{"first-admin", "first_admin", CO_STR, "EMAIL"},
		{"trusted-proxy", "trusted_proxy", CO_STR, "ADDR"},
		{"metrics-anonymous", "metrics_anonymous", CO_STR, "on|off"},
		{"smtp-url", "smtp_url", CO_STR, "URL"}, {"mail-from", "mail_from", CO_STR, "ADDR"},
		{"deliver-every", "deliver_every", CO_STR, "DURATION"},
		{"print-routes", "print_routes", CO_FLAG, NULL}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, serve_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(serve_usage));
	if (json_is_true(json_object_get(a.fields, "print_routes"))) {
		rd_routes_print(stdout);
		return cli_end(&a, 0);
	}
	struct rd_server_config cfg = {0};
	cfg.db = cli->db;
	cfg.listen = opt_or_env(&a, "listen", "REDRESS_LISTEN");
	if (!cfg.listen)
		cfg.listen = "127.0.0.1:8080";
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	cfg.threads = ncpu > 2 ? (unsigned)ncpu * 2 : 4;
	cfg.body_limit = 1024 * 1024;
	cfg.timeout = 30;
	cfg.busy_timeout_ms = 5000;
	cfg.login_max_failures = 5;
	cfg.now_pin = cli->now_pin;
	unsigned long long n;
	const char *v;
	if ((v = opt_or_env(&a, "threads", "REDRESS_THREADS"))) {
		if (parse_size(cli, "--threads", v, 256, &n))
			return cli_end(&a, 2);
		cfg.threads = (unsigned)n;
	}
	if ((v = opt_or_env(&a, "body_limit", "REDRESS_BODY_LIMIT"))) {
		if (parse_size(cli, "--body-limit", v, 64ULL * 1024 * 1024, &n))
			return cli_end(&a, 2);
		cfg.body_limit = (size_t)n;
	}
	if ((v = opt_or_env(&a, "timeout", "REDRESS_TIMEOUT"))) {
		if (parse_size(cli, "--timeout", v, 3600, &n))
			return cli_end(&a, 2);
		cfg.timeout = (unsigned)n;
	}
	if ((v = opt_or_env(&a, "busy_timeout", "REDRESS_BUSY_TIMEOUT"))) {
		if (parse_size(cli, "--busy-timeout", v, 600000, &n))
			return cli_end(&a, 2);
		cfg.busy_timeout_ms = (unsigned)n;
	}
	cfg.access_log = opt_or_env(&a, "access_log", "REDRESS_ACCESS_LOG");
	cfg.base_url = opt_or_env(&a, "base_url", "REDRESS_BASE_URL");
	char *msg = NULL;
	if (cfg.base_url && rd_base_url_check(cfg.base_url, cli_arg(&a, "base_url") ? "--base-url" : "REDRESS_BASE_URL",
					      &msg))
		return cli_end(&a, cli_fail(cli, RD_EINVAL, msg));
	v = getenv("REDRESS_SECURE_COOKIES");
	cfg.secure_cookies = json_is_true(json_object_get(a.fields, "secure_cookies")) ||
			     (v && strcmp(v, "1") == 0) ||
			     (cfg.base_url && strncmp(cfg.base_url, "https://", 8) == 0);
	cfg.first_admin = opt_or_env(&a, "first_admin", "REDRESS_FIRST_ADMIN");
	cfg.trusted_proxy = opt_or_env(&a, "trusted_proxy", "REDRESS_TRUSTED_PROXY");
	if (cfg.trusted_proxy) {
		unsigned char bin[16];
		if (inet_pton(AF_INET, cfg.trusted_proxy, bin) != 1 && inet_pton(AF_INET6, cfg.trusted_proxy, bin) != 1)
			return cli_end(&a, cli_usage_error(cli, "--trusted-proxy '%s' is not an IP address",
							   cfg.trusted_proxy));
	}
	if ((v = opt_or_env(&a, "metrics_anonymous", "REDRESS_METRICS_ANONYMOUS"))) {
		if (strcmp(v, "on") && strcmp(v, "off"))
			return cli_end(&a, cli_usage_error(cli, "%s: '%s' must be 'on' or 'off'",
							   cli_arg(&a, "metrics_anonymous") ? "--metrics-anonymous"
							   : "REDRESS_METRICS_ANONYMOUS", v));
		cfg.metrics_private = strcmp(v, "off") == 0;
	}
	int mrc = cli_mail_settings(cli, &a, &cfg.mail);
	if (mrc)
		return cli_end(&a, mrc);
	cfg.deliver_every = 30;
	if ((v = opt_or_env(&a, "deliver_every", "REDRESS_DELIVER_EVERY"))) {
		char *end;
		unsigned long long x = strtoull(v, &end, 10);
		unsigned long long mult = *end == 'm' ? 60 : *end == 'h' ? 3600 : 1;
		if (strcmp(v, "off") == 0)
			cfg.deliver_every = 0;
		else if (end == v || (*end && strcmp(end, "s") && strcmp(end, "m") && strcmp(end, "h")) || x == 0 ||
			 x * mult > 86400)
			return cli_end(&a, cli_usage_error(cli, "--deliver-every: '%s' must be a duration from 1s to 24h "
							   "(30s, 2m, 1h) or 'off'", v));
		else
			cfg.deliver_every = (unsigned)(x * mult);
	}
	int rc = rd_server_run(&cfg);
	return cli_end(&a, rc);
}
