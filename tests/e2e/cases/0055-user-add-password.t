# Users: the password comes from stdin, is hashed, and is never shown.
%stdin correct horse battery\n
$ redress user add new@provider.example --role agent --name "New Person" --json
json .email == "new@provider.example"
json .role == "agent"
stdout-lacks password
stdout-lacks argon2
%stdin short\n
$ redress user add other@provider.example --role agent
exit 2
stderr-has shorter than 8 characters
unchanged
$ redress user add other@provider.example --role agent
exit 2
stderr-has password
unchanged
$ redress user add "not an email" --role agent --no-password
exit 2
stderr-has email
unchanged
