# Where printed links start: --base-url, else REDRESS_BASE_URL, else the
# address `redress serve` recorded, else http://127.0.0.1:8080. A bad base
# is refused, named, and no link is made.
%demo
$ redress user login-link ada@provider.example
python re.fullmatch(r"http://127\.0\.0\.1:8080/login/link/rdl_[0-9a-f]{64}\n", out)
$ redress user login-link ada@provider.example --base-url https://desk.example.com/
python re.fullmatch(r"https://desk\.example\.com/login/link/rdl_[0-9a-f]{64}\n", out)
$ redress portal invite lena.vogel@northwind.example --base-url https://desk.example.com
python re.fullmatch(r"https://desk\.example\.com/portal/enter/rdp_[0-9a-f]{64}\n", out)
$ redress user login-link ada@provider.example --base-url desk.example.com
exit 2
stderr-has --base-url 'desk.example.com' must start with http:// or https://
stdout-empty
unchanged
$ redress portal invite lena.vogel@northwind.example --base-url "http://desk.example.com/?x=1"
exit 2
stderr-has a query (?)
unchanged
%env REDRESS_BASE_URL=https://proxy.example.org/
$ redress portal invite lena.vogel@northwind.example
stdout-has https://proxy.example.org/portal/enter/rdp_
$ redress draft survey --failure 2 --client "Initech Banking"
stdout-has https://proxy.example.org/portal/failures/2
$ redress user login-link ada@provider.example --base-url http://flag.example
stdout-has http://flag.example/login/link/rdl_
%env REDRESS_BASE_URL=ftp://proxy.example.org
$ redress user login-link ada@provider.example
exit 2
stderr-has REDRESS_BASE_URL 'ftp://proxy.example.org' must start with http://
unchanged
