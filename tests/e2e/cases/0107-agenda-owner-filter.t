# --owner shows one account manager's agenda; an unknown owner is bad input.
$ redress user add maria@provider.example --role manager --no-password
$ redress user add sam@provider.example --role agent --no-password --manager maria@provider.example
$ redress user add priya@provider.example --role agent --no-password --manager maria@provider.example
$ redress client add "Acme Retail" --tz UTC --owner sam@provider.example
$ redress client add "Cedar Analytics" --tz Europe/Amsterdam --owner priya@provider.example
$ redress client add "Globex Health" --tier key --tz UTC --owner sam@provider.example
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics" --client "Globex Health"
$ redress agenda --at 2026-11-23T14:00:00Z --json
json . length 4
$ redress agenda --at 2026-11-23T14:00:00Z --owner sam@provider.example --json
json . length 3
json [0].owner == "sam@provider.example"
json [1].owner == "sam@provider.example"
json [2].owner == "sam@provider.example"
$ redress agenda --at 2026-11-23T14:00:00Z --owner priya@provider.example
stdout-has #1 Cedar Analytics — apology  owner priya@provider.example
stdout-has (2026-11-23T14:00:00+01:00)
stdout-lacks Acme Retail
stdout-lacks Globex Health
$ redress agenda --at 2026-11-23T14:00:00Z --owner nobody@provider.example
exit 2
stderr-has nobody@provider.example
