# SPEC: redress client add NAME [--tier key|standard] [--value N] [--tz ZONE] [--owner EMAIL] [--service S]...
$ redress user add sam@provider.example --role agent --name "Sam Okafor" --no-password --json
json .id == 1
$ redress client add "Zeta Corp" --tier key --value 120000 --tz Europe/Berlin --owner sam@provider.example --service "Payments API" --service "Data Sync" --json
json .id == 1
json .name == "Zeta Corp"
json .tier == "key"
json .value == "120000.00"
json .tz == "Europe/Berlin"
json .owner_id == 1
json .risk == "normal"
json .created_at == "2026-11-22T12:00:00Z"
changed
$ redress client show "Zeta Corp" --json
json .services == ["Data Sync", "Payments API"]
json .contacts length 0
$ redress service list --json
json . length 2
$ redress client add "Yonder Ltd" --currency GBP --value 4,500.50 --tags "retail,eu" --sla-credit 10 --json
json .id == 2
json .currency == "GBP"
json .value == "4500.50"
json .sla_credit_pct == 10
sql SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'create' == 2
