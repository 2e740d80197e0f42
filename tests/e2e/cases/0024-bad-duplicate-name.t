# Duplicate names: exit 2, the name in the message, nothing written.
%demo
$ redress client add "Acme Retail"
exit 2
stderr-has client 'Acme Retail' already exists
unchanged
$ redress client add "ACME RETAIL" --tier key --service Brand-New-Service
exit 2
stderr-has already exists
unchanged
$ redress service add "Payments API"
exit 2
stderr-has already exists
unchanged
$ redress user add maria@provider.example --role agent --no-password
exit 2
stderr-has maria@provider.example
unchanged
$ redress client update "Acme Retail" --tags x
changed
$ redress failure open "Twice" --severity 3 --client "Acme Retail" --client "acme retail"
exit 2
stderr-has named twice
unchanged
$ redress contact add "Acme Retail" "Jules Again" --email jules@acme-retail.example
exit 2
stderr-has already exists
unchanged
$ redress survey send 2 "Initech Banking"
exit 2
stderr-has already exists
unchanged
