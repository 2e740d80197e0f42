# The post-incident report (redress report failure): a PDF with a real text
# layer (pdfinfo, pdftotext) and a printable HTML page, internal and client
# forms. The client form holds only that client's data and nothing internal:
# no internal note, no findings, no ETA revision clients were not told, no
# other client, no goodwill note. Text is escaped in the HTML.
%demo
$ redress failure update 1 --description "Card <script>alert(1)</script> authorisations & refunds failed"
$ redress log --failure 1 --client "Northwind Logistics" --kind other --channel call --visibility internal --summary "INTERNAL-NOTE: Lena sounded furious, escalate quietly" --at 2026-11-17T10:00:00Z
$ redress rca set 1 --findings "FINDINGS-SECRET: the failover runbook was two years old" --client-explanation "A database failover sent payments to a read-only copy; we have fixed the failover script." --why "the primary failed over" --why "the script pointed at a read-only replica"
$ redress eta set 1 2026-11-30T18:00:00Z --reason "NOT-TOLD-REASON: vendor patch slipped"
$ redress goodwill propose --failure 1 --client "Northwind Logistics" --kind credit --amount 900 --currency EUR --note "GOODWILL-NOTE: keep below the SLA credit"
$ redress review add 1 --held 2026-11-20T10:00:00Z --lessons "LESSON: test the runbook quarterly" --internal "INTERNAL-REVIEW: on-call missed the page" --client-text "CLIENT-REVIEW: we reviewed the outage with our engineers and changed how failover works."
$ redress report failure 1 --format pdf -o internal.pdf
stdout-empty
python pdfinfo("internal.pdf")["Title"] == "Post-incident report: Payments API outage: card authorisations failing"
python pdfinfo("internal.pdf")["Page size"].endswith("(A4)") and int(pdfinfo("internal.pdf")["Pages"]) >= 2
python all(s in pdftext("internal.pdf") for s in ["Summary", "Impact per client", "Timeline", "Root cause", "Recovery plan", "Commitments", "Goodwill", "Review", "Follow-up actions"])
python all(s in pdftext("internal.pdf") for s in ["INTERNAL-NOTE", "FINDINGS-SECRET", "NOT-TOLD-REASON", "GOODWILL-NOTE", "LESSON:", "INTERNAL-REVIEW", "Acme Retail"])
python "Page 1" in pdftext("internal.pdf") and "Page 2" in pdftext("internal.pdf")
$ redress report failure 1 --format pdf --form client --client "Northwind Logistics" -o client.pdf
python pdfinfo("client.pdf")["Title"].startswith("Post-incident report: Payments API outage")
python "A database failover sent payments to a read-only copy" in " ".join(pdftext("client.pdf").split())
python "Prepared for Northwind Logistics" in pdftext("client.pdf") and "CLIENT-REVIEW" in pdftext("client.pdf")
python not any(s in pdftext("client.pdf") for s in ["INTERNAL-NOTE", "FINDINGS-SECRET", "NOT-TOLD-REASON", "GOODWILL-NOTE", "INTERNAL-REVIEW", "LESSON:", "Acme Retail", "Blue Harbor"])
$ redress report failure 1 --format html
python "<title>Post-incident report: Payments API outage" in out and "<style>" in out and "<script" not in out
python "Card &lt;script&gt;alert(1)&lt;/script&gt; authorisations &amp; refunds failed" in out
# stored words read as people say them (rd_label): no rca_update, in_progress, follow_up
python "Root-cause update by " in out and "Status Remediating" in out
python not any(w in out for w in ["rca_update by", "in_progress", "follow_up by", " by email (out)"])
$ redress report failure 1 --format html --form client --client "Northwind Logistics" -o client.html
python "CLIENT-REVIEW" in read("client.html").decode() and "INTERNAL-NOTE" not in read("client.html").decode()
# Bad input: named, nothing written.
$ redress report failure 1 --format html --form client
exit 2
stderr-has --form client needs --client NAME
$ redress report failure 1 --format docx
exit 2
stderr-has --format must be pdf or html (got 'docx')
$ redress report failure 1 --format html --form client --client "Delta Freight" -o nope.html
exit 2
stderr-has did not affect client
python not exists("nope.html")
$ redress report failure 999 --format html
exit 2
stderr-has unknown failure '999'
$ redress report failure 1 --format pdf --form public
exit 2
stderr-has unknown report form 'public' (accepted: internal, client)
