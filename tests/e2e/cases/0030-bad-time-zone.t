# Bad time zones: exit 2, tz named, nothing written.
%demo
$ redress client add "Zeta" --tz Mars/Olympus_Mons
exit 2
stderr-has client.tz
stderr-has Mars/Olympus_Mons
unchanged
$ redress client add "Zeta" --tz ../../../etc/passwd
exit 2
stderr-has tz
unchanged
$ redress client add "Zeta" --tz /usr/share/zoneinfo/UTC
exit 2
stderr-has tz
unchanged
$ redress client add "Zeta" --tz Europe
exit 2
stderr-has tz
unchanged
$ redress client add "Zeta" --tz "Europe/Berlin "
exit 2
stderr-has tz
unchanged
$ redress client add "Zeta" --tz=
exit 2
stderr-has tz
unchanged
$ redress client update "Acme Retail" --tz Atlantis/Capital
exit 2
stderr-has tz
unchanged
$ redress client add "Zeta" --tz America/Argentina/Buenos_Aires --json
json .tz == "America/Argentina/Buenos_Aires"
