# An invalid policy: exit 1, every problem with file:line:column and the
# field's path; unknown keys are errors, not silently ignored.
%file bad.yaml
| version: "broken"
| key_column:
|   tier_key: true
|   severity_at_most: 1
|   reopened: true
|   second_failure: true
|   frobnicate: true
| second_failure_window: 90d
| due_soon: soon
$ redress policy check bad.yaml
exit 1
stderr-has bad.yaml:7:3: key_column.frobnicate: unknown key 'frobnicate'
stderr-has bad.yaml:9:11: due_soon:
stderr-has missing required key 'steps'
$ redress policy check no-such-file.yaml
exit 2
stderr-has no-such-file.yaml
# an invalid policy in force is refused with the same diagnostics
%env REDRESS_POLICY=bad.yaml
$ redress agenda
exit 2
stderr-has bad.yaml:7:3
