# The root-cause analysis: whys in order, replaced as a chain.
%demo
$ redress rca set 3 --category technology --why "Logins failed" --why "Token cache expired early" --client-explanation "A cache setting we changed logged some users out." --json
json .category == "technology"
json .whys == ["Logins failed", "Token cache expired early"]
$ redress rca set 3 --why "Only one"
changed
$ redress rca show 3 --json
json .whys == ["Only one"]
json .client_explanation == "A cache setting we changed logged some users out."
