# --db and REDRESS_DB take a postgres:// (or postgresql://) URL for the
# PostgreSQL backend; one that cannot be reached is named, password left out,
# and nothing is written anywhere (the case's own database is untouched).
$ redress --db postgres://ann:secret@127.0.0.1:1/desk client list
exit 1
stderr-has cannot connect to PostgreSQL database 'desk' on 127.0.0.1:1
stderr-lacks secret
unchanged
%env REDRESS_DB=postgresql://ann@127.0.0.1:1/desk
$ redress client add "Nowhere"
exit 1
stderr-has PostgreSQL database 'desk'
unchanged
