# redress inbound: one email on stdin. A reply from a contact lands on the
# client's latest open failure and a status question is a chase; bad input
# (not a message, no text part, bytes not in the charset, an unknown
# sender without a known reply token, too big) is exit 2 and changes nothing.
%demo
%stdin From: Lena Vogel <lena.vogel@northwind.example>\nTo: desk@provider.example\nSubject: Re: outage\nContent-Type: text/plain; charset=utf-8\n\nIs anyone looking at this?\n
$ redress inbound --json
json .matched_by == "sender"
json .client_id == 1
json .failure_id == 1
json .chase == true
sql SELECT count(*) FROM communications WHERE direction = 'in' AND chase = 1 AND summary = 'Re: outage' == 1
%stdin From: Lena Vogel <lena.vogel@northwind.example>\nTo: desk@provider.example\nSubject: thanks\n\nThanks, that helps.\n
$ redress inbound --json
json .chase == false
%stdin this is not an email
$ redress inbound
exit 2
stderr-has no From header
unchanged
%stdin From: stranger@else.example\nTo: desk+r00000000000000000000000000000000@provider.example\nSubject: hi\n\nany update?\n
$ redress inbound
exit 2
stderr-has unknown or revoked
stderr-has stranger@else.example
unchanged
%stdin From: Lena Vogel <lena.vogel@northwind.example>\nSubject: pic\nContent-Type: image/png\n\nxx\n
$ redress inbound
exit 2
stderr-has no text/plain part
unchanged
%stdin From: Lena Vogel <lena.vogel@northwind.example>\nSubject: x\nContent-Type: text/plain\n\nGr\xfc\xdfe\n
$ redress inbound
exit 2
stderr-has declare its charset
unchanged
%stdin From: Lena Vogel <lena.vogel@northwind.example>\nSubject: x\nContent-Type: text/plain; charset=iso-8859-1\n\nGr\xfc\xdfe, any news?\n
$ redress inbound --json
json .chase == true
sql SELECT count(*) FROM communications WHERE body LIKE 'Grüße, any news?%' == 1
$ redress inbound --at yesterday
exit 2
unchanged
