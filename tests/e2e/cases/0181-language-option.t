# Languages: a client's language is en, de or fr (anything else is refused,
# naming the accepted values, and changes nothing); `draft --lang` and
# `check --lang` take the same values. Checking a German or French message
# runs only the rules that read no English words and says which it skipped.
%demo
$ redress client update "Acme Retail" --lang es
exit 2
stderr-has client.language: 'es' is not one of: en, de, fr
unchanged
$ redress client add "Lumen Verlag" --lang xx
exit 2
stderr-has 'xx' is not one of: en, de, fr
unchanged
$ redress client add "Lumen Verlag" --lang de --tz Europe/Berlin --json
json .language == "de"
$ redress client add "Soleil SA" --json
json .language == "en"
$ redress draft apology --failure 1 --client "Northwind Logistics" --lang it
exit 2
stderr-has --lang: 'it' is not a language drafts are written in (accepted: en, de, fr)
stdout-empty
unchanged
%stdin Hello.
$ redress check --lang EN -
exit 2
stderr-has (accepted: en, de, fr)
%file brief-de.txt
| Guten Tag Lena Vogel,
|
| die Störung bei Payments API ist behoben. [KUNDENNAME] erhält eine Gutschrift.
$ redress check --kind resolution --lang de brief-de.txt
exit 1
stdout-has brief-de.txt:3:
stdout-has [template.unfilled]
stdout-lacks [element.
stdout-has skipped for de: apology.conditional, apology.non-apology, apology.missing,
stdout-has element.late-ack
python "template.unfilled" not in out.splitlines()[-1] and "fact.contradiction" not in out.splitlines()[-1]
$ redress check --kind resolution --lang de --json brief-de.txt
exit 1
json .lang == "de"
json .findings[0].rule == "template.unfilled"
json .elements.missing == []
python "element.contact" in json.loads(out)["skipped"] and "tone.jargon" in json.loads(out)["skipped"]
python len(json.loads(out)["skipped"]) == 22
# English: every rule runs, nothing skipped
$ redress check --kind resolution --json brief-de.txt
exit 1
json .skipped == []
json .lang == "en"
