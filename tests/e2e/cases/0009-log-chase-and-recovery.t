# An inbound chase is recorded; outbound kinds move the client's recovery status.
%demo
$ redress log --failure 3 --client "Fjord Travel" --kind other --channel email --direction in --chase --summary "Any news?" --json
json .chase == true
json .direction == "in"
sql SELECT recovery_status FROM impacts WHERE failure_id = 3 AND client_id = 9 == "awaiting-apology"
$ redress log --failure 3 --client "Fjord Travel" --kind apology --channel call
stdout-has logged
stdout-has communication #
sql SELECT recovery_status FROM impacts WHERE failure_id = 3 AND client_id = 9 == "apologised"
$ redress log --failure 3 --client "Fjord Travel" --kind other --channel email --chase
exit 2
stderr-has --direction in
unchanged
