# "Review actions can be closed": an action is closed with the evidence
# that its success criterion is met, once, audited, and shown with the
# review.
%demo
$ redress review show 1
stdout-has [open] Alert when any export is older than 2 hours
stdout-has success: Synthetic late export triggers the alert
$ redress review action done 1
exit 2
stderr-has --evidence
unchanged
$ redress review action done 99 --evidence "x"
exit 2
unchanged
$ redress --as victor@provider.example review action done 1 --evidence "x"
exit 2
unchanged
$ redress review action done 1 --evidence "Synthetic late export paged on-call in 40 s" --at 2026-11-21T10:00:00Z --json
json .status == "done"
json .evidence == "Synthetic late export paged on-call in 40 s"
json .done_at == "2026-11-21T10:00:00Z"
sql SELECT count(*) FROM audit_log WHERE entity = 'review_action' AND entity_id = 1 AND action = 'update' == 1
$ redress review show 1
stdout-has [done] Alert when any export is older than 2 hours
stdout-has done 2026-11-21T10:00:00Z: Synthetic late export paged on-call in 40 s
$ redress review show 1 --json
json .actions[0].status == "done"
$ redress review action done 1 --evidence "again"
exit 2
stderr-has already done
unchanged
# adding actions still works beside the new verb
$ redress review action 1 "Review queue sizing quarterly" --success "a sizing note each quarter" --json
json .status == "open"
