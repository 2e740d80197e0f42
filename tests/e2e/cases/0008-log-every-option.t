# SPEC: redress log --failure ID --client NAME --kind KIND --channel CH [--direction out|in]
#       [--at TIME] [--summary TEXT] [--eta TIME] [--cause TEXT]
%demo
$ redress log --failure 1 --client "Northwind Logistics" --kind progress --channel email --direction out --at 2026-11-22T09:00:00Z --summary "Daily status: replay verified" --eta 2026-11-26T12:00:00Z --cause "failover connected payments to a read-only replica" --json
json .id != null
json .failure_id == 1
json .client_id == 1
json .kind == "progress"
json .channel == "email"
json .direction == "out"
json .at == "2026-11-22T09:00:00Z"
json .summary == "Daily status: replay verified"
json .eta == "2026-11-26T12:00:00Z"
json .cause == "failover connected payments to a read-only replica"
json .visibility == "client"
json .chase == false
$ redress log --failure 1 --client "Northwind Logistics" --kind progress --channel call --contact lena.vogel@northwind.example --remedy "credit" --amount 12,000 --currency EUR --visibility internal --body "Full call note" --author sam@provider.example --json
json .contact_id == 1
json .remedy == "credit"
json .amount == "12000.00"
json .currency == "EUR"
json .visibility == "internal"
json .body == "Full call note"
json .author_id == 3
json .at == "2026-11-22T12:00:00Z"
sql SELECT count(*) FROM communications WHERE summary = 'Full call note' OR body = 'Full call note' == 1
$ redress comm list --failure 1 --client "Northwind Logistics" --kind progress --json
json [-1].summary == null
json [-1].body == "Full call note"
$ redress comm show 1
stdout-has kind: apology
