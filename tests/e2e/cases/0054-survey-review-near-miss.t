# Learning after the fix: survey, review, near miss.
%demo
$ redress survey send 2 "Cedar Analytics" --json
json .client_id == 6
json .sent_at == "2026-11-22T12:00:00Z"
$ redress survey answer 2 "Did we keep you informed?" --score 7 --answer "Mostly" --json
json .score == 7
$ redress survey answer 2 "Score?" --score 11
exit 2
stderr-has score
unchanged
$ redress review add 3 --lessons "Cache TTLs need review" --json
json .failure_id == 3
$ redress review action 2 "Alert on cache TTL changes" --owner sam@provider.example --due 2026-12-01T00:00:00Z --json
json .review_id == 2
$ redress near-miss add "Disk nearly full on db-2" --services "Data Sync" --json
json .at == "2026-11-22T12:00:00Z"
$ redress near-miss add "Bad" --at never
exit 2
stderr-has at
unchanged
