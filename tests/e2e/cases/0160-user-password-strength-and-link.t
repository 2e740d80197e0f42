# Weak passwords are refused with a message naming the problem (libpwquality),
# and nothing is written; a strong one is accepted. `user password-link`
# prints a one-time link to set a password in the browser, stored only hashed.
%stdin password\n
$ redress user add sam@provider.example --role agent --name "Sam Okafor"
exit 2
stderr-has weak password: the password fails the dictionary check - it is based on a dictionary word
unchanged
%stdin aaaaaaaa\n
$ redress user add sam@provider.example --role agent --name "Sam Okafor"
exit 2
stderr-has palindrome
unchanged
%stdin sam@provider.example\n
$ redress user add sam@provider.example --role agent --name "Sam Okafor"
exit 2
stderr-has contains the user name
unchanged
%stdin Velvet-Otter-Canyon-17\n
$ redress user add sam@provider.example --role agent --name "Sam Okafor" --json
json .email == "sam@provider.example"
$ redress user password-link sam@provider.example --base-url https://desk.example/
python re.fullmatch(r"https://desk\.example/password/rdr_[0-9a-f]{64}\n", out)
sql SELECT count(*) FROM login_links == 1
sql SELECT length(token_hash) FROM login_links == 64
$ redress user password-link nobody@provider.example
exit 2
stderr-has nobody@provider.example
unchanged
$ redress user password-link sam@provider.example --minutes 0
exit 2
stderr-has --minutes must be from 1 to 10080
unchanged
