# Every subcommand has --help (exit 0, on stdout, its own usage) and changes nothing,
# even when its required arguments are missing.
%demo
$ redress client add --help
stdout-has usage: redress client add
unchanged
$ redress client add -h
stdout-has usage: redress client add
$ redress client list --help
stdout-has usage: redress client list
unchanged
$ redress client list -h
stdout-has usage: redress client list
$ redress client show --help
stdout-has usage: redress client show
unchanged
$ redress client show -h
stdout-has usage: redress client show
$ redress client update --help
stdout-has usage: redress client update
unchanged
$ redress client update -h
stdout-has usage: redress client update
$ redress client service --help
stdout-has usage: redress client service
unchanged
$ redress client service -h
stdout-has usage: redress client service
$ redress contact add --help
stdout-has usage: redress contact add
unchanged
$ redress contact add -h
stdout-has usage: redress contact add
$ redress contact list --help
stdout-has usage: redress contact list
unchanged
$ redress contact list -h
stdout-has usage: redress contact list
$ redress service add --help
stdout-has usage: redress service add
unchanged
$ redress service add -h
stdout-has usage: redress service add
$ redress service list --help
stdout-has usage: redress service list
unchanged
$ redress service list -h
stdout-has usage: redress service list
$ redress failure open --help
stdout-has usage: redress failure open
unchanged
$ redress failure open -h
stdout-has usage: redress failure open
$ redress failure list --help
stdout-has usage: redress failure list
unchanged
$ redress failure list -h
stdout-has usage: redress failure list
$ redress failure show --help
stdout-has usage: redress failure show
unchanged
$ redress failure show -h
stdout-has usage: redress failure show
$ redress failure update --help
stdout-has usage: redress failure update
unchanged
$ redress failure update -h
stdout-has usage: redress failure update
$ redress failure status --help
stdout-has usage: redress failure status
unchanged
$ redress failure status -h
stdout-has usage: redress failure status
$ redress failure resolve --help
stdout-has usage: redress failure resolve
unchanged
$ redress failure resolve -h
stdout-has usage: redress failure resolve
$ redress failure close --help
stdout-has usage: redress failure close
unchanged
$ redress failure close -h
stdout-has usage: redress failure close
$ redress failure reopen --help
stdout-has usage: redress failure reopen
unchanged
$ redress failure reopen -h
stdout-has usage: redress failure reopen
$ redress failure disclose --help
stdout-has usage: redress failure disclose
unchanged
$ redress failure disclose -h
stdout-has usage: redress failure disclose
$ redress impact set --help
stdout-has usage: redress impact set
unchanged
$ redress impact set -h
stdout-has usage: redress impact set
$ redress impact list --help
stdout-has usage: redress impact list
unchanged
$ redress impact list -h
stdout-has usage: redress impact list
$ redress comm list --help
stdout-has usage: redress comm list
unchanged
$ redress comm list -h
stdout-has usage: redress comm list
$ redress comm show --help
stdout-has usage: redress comm show
unchanged
$ redress comm show -h
stdout-has usage: redress comm show
$ redress rca set --help
stdout-has usage: redress rca set
unchanged
$ redress rca set -h
stdout-has usage: redress rca set
$ redress rca show --help
stdout-has usage: redress rca show
unchanged
$ redress rca show -h
stdout-has usage: redress rca show
$ redress plan add --help
stdout-has usage: redress plan add
unchanged
$ redress plan add -h
stdout-has usage: redress plan add
$ redress plan list --help
stdout-has usage: redress plan list
unchanged
$ redress plan list -h
stdout-has usage: redress plan list
$ redress plan status --help
stdout-has usage: redress plan status
unchanged
$ redress plan status -h
stdout-has usage: redress plan status
$ redress eta set --help
stdout-has usage: redress eta set
unchanged
$ redress eta set -h
stdout-has usage: redress eta set
$ redress eta list --help
stdout-has usage: redress eta list
unchanged
$ redress eta list -h
stdout-has usage: redress eta list
$ redress commitment add --help
stdout-has usage: redress commitment add
unchanged
$ redress commitment add -h
stdout-has usage: redress commitment add
$ redress commitment list --help
stdout-has usage: redress commitment list
unchanged
$ redress commitment list -h
stdout-has usage: redress commitment list
$ redress commitment keep --help
stdout-has usage: redress commitment keep
unchanged
$ redress commitment keep -h
stdout-has usage: redress commitment keep
$ redress commitment break --help
stdout-has usage: redress commitment break
unchanged
$ redress commitment break -h
stdout-has usage: redress commitment break
$ redress commitment renegotiate --help
stdout-has usage: redress commitment renegotiate
unchanged
$ redress commitment renegotiate -h
stdout-has usage: redress commitment renegotiate
$ redress goodwill propose --help
stdout-has usage: redress goodwill propose
unchanged
$ redress goodwill propose -h
stdout-has usage: redress goodwill propose
$ redress goodwill list --help
stdout-has usage: redress goodwill list
unchanged
$ redress goodwill list -h
stdout-has usage: redress goodwill list
$ redress goodwill approve --help
stdout-has usage: redress goodwill approve
unchanged
$ redress goodwill approve -h
stdout-has usage: redress goodwill approve
$ redress goodwill deliver --help
stdout-has usage: redress goodwill deliver
unchanged
$ redress goodwill deliver -h
stdout-has usage: redress goodwill deliver
$ redress goodwill decline --help
stdout-has usage: redress goodwill decline
unchanged
$ redress goodwill decline -h
stdout-has usage: redress goodwill decline
$ redress survey send --help
stdout-has usage: redress survey send
unchanged
$ redress survey send -h
stdout-has usage: redress survey send
$ redress survey answer --help
stdout-has usage: redress survey answer
unchanged
$ redress survey answer -h
stdout-has usage: redress survey answer
$ redress survey list --help
stdout-has usage: redress survey list
unchanged
$ redress survey list -h
stdout-has usage: redress survey list
$ redress near-miss add --help
stdout-has usage: redress near-miss add
unchanged
$ redress near-miss add -h
stdout-has usage: redress near-miss add
$ redress near-miss list --help
stdout-has usage: redress near-miss list
unchanged
$ redress near-miss list -h
stdout-has usage: redress near-miss list
$ redress review add --help
stdout-has usage: redress review add
unchanged
$ redress review add -h
stdout-has usage: redress review add
$ redress review action --help
stdout-has usage: redress review action
unchanged
$ redress review action -h
stdout-has usage: redress review action
$ redress review list --help
stdout-has usage: redress review list
unchanged
$ redress review list -h
stdout-has usage: redress review list
$ redress user add --help
stdout-has usage: redress user add
unchanged
$ redress user add -h
stdout-has usage: redress user add
$ redress user list --help
stdout-has usage: redress user list
unchanged
$ redress user list -h
stdout-has usage: redress user list
$ redress audit list --help
stdout-has usage: redress audit list
unchanged
$ redress audit list -h
stdout-has usage: redress audit list
