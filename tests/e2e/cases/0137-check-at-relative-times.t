# Times in free text are read relative to the time of sending (--at):
# "by 5pm today" is a next update at noon, and a time already past at 18:00.
%file today.txt
| Our engineers are fixing it now. The fix will be complete by 2026-11-27 at 17:00.
| I will send you the next update by 5pm today.
| I am Sam Okafor, your point person; call me on +49 30 1234.
$ redress check --kind progress --at 2026-11-22T12:00:00Z today.txt
stdout-lacks [element.next-update]
stdout-has score 100/100
$ redress check --kind progress --at 2026-11-22T18:00:00Z today.txt
stdout-has [element.next-update]
$ redress check --kind progress --at yesterday today.txt
exit 2
