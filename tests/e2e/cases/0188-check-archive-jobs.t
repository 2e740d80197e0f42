# check --archive --jobs 2: the same output, byte for byte, as one thread, on
# 300 messages (more than one batch of 256), mbox and JSON Lines.
%file many.mbox
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m0@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m1@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m2@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m3@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m4@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m5@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m6@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m7@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m8@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m9@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m10@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m11@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m12@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m13@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m14@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m15@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m16@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m17@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m18@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m19@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m20@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m21@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m22@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m23@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m24@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m25@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m26@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m27@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m28@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m29@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m30@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m31@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m32@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m33@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m34@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m35@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m36@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m37@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m38@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m39@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m40@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m41@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m42@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m43@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m44@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m45@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m46@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m47@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m48@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m49@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m50@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m51@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m52@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m53@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m54@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m55@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m56@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m57@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m58@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m59@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m60@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m61@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m62@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m63@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m64@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m65@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m66@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m67@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m68@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m69@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m70@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m71@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m72@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m73@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m74@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m75@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m76@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m77@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m78@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m79@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m80@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m81@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m82@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m83@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m84@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m85@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m86@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m87@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m88@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m89@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m90@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m91@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m92@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m93@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m94@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m95@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m96@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m97@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m98@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m99@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m100@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m101@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m102@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m103@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m104@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m105@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m106@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m107@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m108@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m109@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m110@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m111@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m112@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m113@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m114@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m115@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m116@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m117@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m118@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m119@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m120@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m121@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m122@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m123@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m124@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m125@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m126@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m127@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m128@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m129@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m130@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m131@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m132@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m133@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m134@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m135@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m136@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m137@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m138@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m139@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m140@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m141@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m142@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m143@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m144@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m145@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m146@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m147@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m148@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m149@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m150@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m151@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m152@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m153@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m154@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m155@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m156@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m157@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m158@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m159@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m160@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m161@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m162@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m163@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m164@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m165@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m166@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m167@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m168@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m169@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m170@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m171@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m172@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m173@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m174@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m175@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m176@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m177@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m178@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m179@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m180@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m181@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m182@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m183@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m184@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m185@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m186@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m187@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m188@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m189@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m190@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m191@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m192@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m193@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m194@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m195@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m196@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m197@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m198@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m199@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m200@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m201@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m202@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m203@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m204@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m205@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m206@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m207@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m208@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m209@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m210@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m211@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m212@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m213@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m214@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m215@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m216@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m217@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m218@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m219@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m220@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m221@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m222@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m223@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m224@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m225@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m226@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m227@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m228@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m229@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m230@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m231@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m232@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m233@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m234@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m235@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m236@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m237@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m238@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m239@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m240@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m241@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m242@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m243@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m244@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m245@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m246@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m247@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m248@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m249@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m250@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m251@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m252@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m253@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m254@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m255@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m256@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m257@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m258@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m259@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m260@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m261@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m262@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m263@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m264@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m265@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m266@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m267@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m268@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m269@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m270@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m271@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m272@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m273@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m274@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m275@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m276@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m277@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m278@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m279@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m280@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m281@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m282@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m283@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m284@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m285@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m286@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m287@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m288@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m289@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m290@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m291@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m292@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m293@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m294@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m295@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m296@x>
| X-Redress-Kind: apology
|
| We apologize if you were affected by the outage.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m297@x>
| X-Redress-Kind: progress
|
| It was just a blip, sorry.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m298@x>
| X-Redress-Kind: other
|
| Our team restarted the cluster. I am your point person; next update by 17:00.
|
| From a@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m299@x>
| X-Redress-Kind: plan
|
| Mistakes were made and your records were deleted.
|
%file many.jsonl
| {"id": 0, "text": "We apologize if you were affected by the outage."}
| {"id": 1, "text": "It was just a blip, sorry."}
| {"id": 2, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 3, "text": "Mistakes were made and your records were deleted."}
| {"id": 4, "text": "We apologize if you were affected by the outage."}
| {"id": 5, "text": "It was just a blip, sorry."}
| {"id": 6, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 7, "text": "Mistakes were made and your records were deleted."}
| {"id": 8, "text": "We apologize if you were affected by the outage."}
| {"id": 9, "text": "It was just a blip, sorry."}
| {"id": 10, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 11, "text": "Mistakes were made and your records were deleted."}
| {"id": 12, "text": "We apologize if you were affected by the outage."}
| {"id": 13, "text": "It was just a blip, sorry."}
| {"id": 14, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 15, "text": "Mistakes were made and your records were deleted."}
| {"id": 16, "text": "We apologize if you were affected by the outage."}
| {"id": 17, "text": "It was just a blip, sorry."}
| {"id": 18, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 19, "text": "Mistakes were made and your records were deleted."}
| {"id": 20, "text": "We apologize if you were affected by the outage."}
| {"id": 21, "text": "It was just a blip, sorry."}
| {"id": 22, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 23, "text": "Mistakes were made and your records were deleted."}
| {"id": 24, "text": "We apologize if you were affected by the outage."}
| {"id": 25, "text": "It was just a blip, sorry."}
| {"id": 26, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 27, "text": "Mistakes were made and your records were deleted."}
| {"id": 28, "text": "We apologize if you were affected by the outage."}
| {"id": 29, "text": "It was just a blip, sorry."}
| {"id": 30, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 31, "text": "Mistakes were made and your records were deleted."}
| {"id": 32, "text": "We apologize if you were affected by the outage."}
| {"id": 33, "text": "It was just a blip, sorry."}
| {"id": 34, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 35, "text": "Mistakes were made and your records were deleted."}
| {"id": 36, "text": "We apologize if you were affected by the outage."}
| {"id": 37, "text": "It was just a blip, sorry."}
| {"id": 38, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 39, "text": "Mistakes were made and your records were deleted."}
| {"id": 40, "text": "We apologize if you were affected by the outage."}
| {"id": 41, "text": "It was just a blip, sorry."}
| {"id": 42, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 43, "text": "Mistakes were made and your records were deleted."}
| {"id": 44, "text": "We apologize if you were affected by the outage."}
| {"id": 45, "text": "It was just a blip, sorry."}
| {"id": 46, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 47, "text": "Mistakes were made and your records were deleted."}
| {"id": 48, "text": "We apologize if you were affected by the outage."}
| {"id": 49, "text": "It was just a blip, sorry."}
| {"id": 50, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 51, "text": "Mistakes were made and your records were deleted."}
| {"id": 52, "text": "We apologize if you were affected by the outage."}
| {"id": 53, "text": "It was just a blip, sorry."}
| {"id": 54, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 55, "text": "Mistakes were made and your records were deleted."}
| {"id": 56, "text": "We apologize if you were affected by the outage."}
| {"id": 57, "text": "It was just a blip, sorry."}
| {"id": 58, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 59, "text": "Mistakes were made and your records were deleted."}
| {"id": 60, "text": "We apologize if you were affected by the outage."}
| {"id": 61, "text": "It was just a blip, sorry."}
| {"id": 62, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 63, "text": "Mistakes were made and your records were deleted."}
| {"id": 64, "text": "We apologize if you were affected by the outage."}
| {"id": 65, "text": "It was just a blip, sorry."}
| {"id": 66, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 67, "text": "Mistakes were made and your records were deleted."}
| {"id": 68, "text": "We apologize if you were affected by the outage."}
| {"id": 69, "text": "It was just a blip, sorry."}
| {"id": 70, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 71, "text": "Mistakes were made and your records were deleted."}
| {"id": 72, "text": "We apologize if you were affected by the outage."}
| {"id": 73, "text": "It was just a blip, sorry."}
| {"id": 74, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 75, "text": "Mistakes were made and your records were deleted."}
| {"id": 76, "text": "We apologize if you were affected by the outage."}
| {"id": 77, "text": "It was just a blip, sorry."}
| {"id": 78, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 79, "text": "Mistakes were made and your records were deleted."}
| {"id": 80, "text": "We apologize if you were affected by the outage."}
| {"id": 81, "text": "It was just a blip, sorry."}
| {"id": 82, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 83, "text": "Mistakes were made and your records were deleted."}
| {"id": 84, "text": "We apologize if you were affected by the outage."}
| {"id": 85, "text": "It was just a blip, sorry."}
| {"id": 86, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 87, "text": "Mistakes were made and your records were deleted."}
| {"id": 88, "text": "We apologize if you were affected by the outage."}
| {"id": 89, "text": "It was just a blip, sorry."}
| {"id": 90, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 91, "text": "Mistakes were made and your records were deleted."}
| {"id": 92, "text": "We apologize if you were affected by the outage."}
| {"id": 93, "text": "It was just a blip, sorry."}
| {"id": 94, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 95, "text": "Mistakes were made and your records were deleted."}
| {"id": 96, "text": "We apologize if you were affected by the outage."}
| {"id": 97, "text": "It was just a blip, sorry."}
| {"id": 98, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 99, "text": "Mistakes were made and your records were deleted."}
| {"id": 100, "text": "We apologize if you were affected by the outage."}
| {"id": 101, "text": "It was just a blip, sorry."}
| {"id": 102, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 103, "text": "Mistakes were made and your records were deleted."}
| {"id": 104, "text": "We apologize if you were affected by the outage."}
| {"id": 105, "text": "It was just a blip, sorry."}
| {"id": 106, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 107, "text": "Mistakes were made and your records were deleted."}
| {"id": 108, "text": "We apologize if you were affected by the outage."}
| {"id": 109, "text": "It was just a blip, sorry."}
| {"id": 110, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 111, "text": "Mistakes were made and your records were deleted."}
| {"id": 112, "text": "We apologize if you were affected by the outage."}
| {"id": 113, "text": "It was just a blip, sorry."}
| {"id": 114, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 115, "text": "Mistakes were made and your records were deleted."}
| {"id": 116, "text": "We apologize if you were affected by the outage."}
| {"id": 117, "text": "It was just a blip, sorry."}
| {"id": 118, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 119, "text": "Mistakes were made and your records were deleted."}
| {"id": 120, "text": "We apologize if you were affected by the outage."}
| {"id": 121, "text": "It was just a blip, sorry."}
| {"id": 122, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 123, "text": "Mistakes were made and your records were deleted."}
| {"id": 124, "text": "We apologize if you were affected by the outage."}
| {"id": 125, "text": "It was just a blip, sorry."}
| {"id": 126, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 127, "text": "Mistakes were made and your records were deleted."}
| {"id": 128, "text": "We apologize if you were affected by the outage."}
| {"id": 129, "text": "It was just a blip, sorry."}
| {"id": 130, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 131, "text": "Mistakes were made and your records were deleted."}
| {"id": 132, "text": "We apologize if you were affected by the outage."}
| {"id": 133, "text": "It was just a blip, sorry."}
| {"id": 134, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 135, "text": "Mistakes were made and your records were deleted."}
| {"id": 136, "text": "We apologize if you were affected by the outage."}
| {"id": 137, "text": "It was just a blip, sorry."}
| {"id": 138, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 139, "text": "Mistakes were made and your records were deleted."}
| {"id": 140, "text": "We apologize if you were affected by the outage."}
| {"id": 141, "text": "It was just a blip, sorry."}
| {"id": 142, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 143, "text": "Mistakes were made and your records were deleted."}
| {"id": 144, "text": "We apologize if you were affected by the outage."}
| {"id": 145, "text": "It was just a blip, sorry."}
| {"id": 146, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 147, "text": "Mistakes were made and your records were deleted."}
| {"id": 148, "text": "We apologize if you were affected by the outage."}
| {"id": 149, "text": "It was just a blip, sorry."}
| {"id": 150, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 151, "text": "Mistakes were made and your records were deleted."}
| {"id": 152, "text": "We apologize if you were affected by the outage."}
| {"id": 153, "text": "It was just a blip, sorry."}
| {"id": 154, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 155, "text": "Mistakes were made and your records were deleted."}
| {"id": 156, "text": "We apologize if you were affected by the outage."}
| {"id": 157, "text": "It was just a blip, sorry."}
| {"id": 158, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 159, "text": "Mistakes were made and your records were deleted."}
| {"id": 160, "text": "We apologize if you were affected by the outage."}
| {"id": 161, "text": "It was just a blip, sorry."}
| {"id": 162, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 163, "text": "Mistakes were made and your records were deleted."}
| {"id": 164, "text": "We apologize if you were affected by the outage."}
| {"id": 165, "text": "It was just a blip, sorry."}
| {"id": 166, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 167, "text": "Mistakes were made and your records were deleted."}
| {"id": 168, "text": "We apologize if you were affected by the outage."}
| {"id": 169, "text": "It was just a blip, sorry."}
| {"id": 170, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 171, "text": "Mistakes were made and your records were deleted."}
| {"id": 172, "text": "We apologize if you were affected by the outage."}
| {"id": 173, "text": "It was just a blip, sorry."}
| {"id": 174, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 175, "text": "Mistakes were made and your records were deleted."}
| {"id": 176, "text": "We apologize if you were affected by the outage."}
| {"id": 177, "text": "It was just a blip, sorry."}
| {"id": 178, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 179, "text": "Mistakes were made and your records were deleted."}
| {"id": 180, "text": "We apologize if you were affected by the outage."}
| {"id": 181, "text": "It was just a blip, sorry."}
| {"id": 182, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 183, "text": "Mistakes were made and your records were deleted."}
| {"id": 184, "text": "We apologize if you were affected by the outage."}
| {"id": 185, "text": "It was just a blip, sorry."}
| {"id": 186, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 187, "text": "Mistakes were made and your records were deleted."}
| {"id": 188, "text": "We apologize if you were affected by the outage."}
| {"id": 189, "text": "It was just a blip, sorry."}
| {"id": 190, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 191, "text": "Mistakes were made and your records were deleted."}
| {"id": 192, "text": "We apologize if you were affected by the outage."}
| {"id": 193, "text": "It was just a blip, sorry."}
| {"id": 194, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 195, "text": "Mistakes were made and your records were deleted."}
| {"id": 196, "text": "We apologize if you were affected by the outage."}
| {"id": 197, "text": "It was just a blip, sorry."}
| {"id": 198, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 199, "text": "Mistakes were made and your records were deleted."}
| {"id": 200, "text": "We apologize if you were affected by the outage."}
| {"id": 201, "text": "It was just a blip, sorry."}
| {"id": 202, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 203, "text": "Mistakes were made and your records were deleted."}
| {"id": 204, "text": "We apologize if you were affected by the outage."}
| {"id": 205, "text": "It was just a blip, sorry."}
| {"id": 206, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 207, "text": "Mistakes were made and your records were deleted."}
| {"id": 208, "text": "We apologize if you were affected by the outage."}
| {"id": 209, "text": "It was just a blip, sorry."}
| {"id": 210, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 211, "text": "Mistakes were made and your records were deleted."}
| {"id": 212, "text": "We apologize if you were affected by the outage."}
| {"id": 213, "text": "It was just a blip, sorry."}
| {"id": 214, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 215, "text": "Mistakes were made and your records were deleted."}
| {"id": 216, "text": "We apologize if you were affected by the outage."}
| {"id": 217, "text": "It was just a blip, sorry."}
| {"id": 218, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 219, "text": "Mistakes were made and your records were deleted."}
| {"id": 220, "text": "We apologize if you were affected by the outage."}
| {"id": 221, "text": "It was just a blip, sorry."}
| {"id": 222, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 223, "text": "Mistakes were made and your records were deleted."}
| {"id": 224, "text": "We apologize if you were affected by the outage."}
| {"id": 225, "text": "It was just a blip, sorry."}
| {"id": 226, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 227, "text": "Mistakes were made and your records were deleted."}
| {"id": 228, "text": "We apologize if you were affected by the outage."}
| {"id": 229, "text": "It was just a blip, sorry."}
| {"id": 230, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 231, "text": "Mistakes were made and your records were deleted."}
| {"id": 232, "text": "We apologize if you were affected by the outage."}
| {"id": 233, "text": "It was just a blip, sorry."}
| {"id": 234, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 235, "text": "Mistakes were made and your records were deleted."}
| {"id": 236, "text": "We apologize if you were affected by the outage."}
| {"id": 237, "text": "It was just a blip, sorry."}
| {"id": 238, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 239, "text": "Mistakes were made and your records were deleted."}
| {"id": 240, "text": "We apologize if you were affected by the outage."}
| {"id": 241, "text": "It was just a blip, sorry."}
| {"id": 242, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 243, "text": "Mistakes were made and your records were deleted."}
| {"id": 244, "text": "We apologize if you were affected by the outage."}
| {"id": 245, "text": "It was just a blip, sorry."}
| {"id": 246, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 247, "text": "Mistakes were made and your records were deleted."}
| {"id": 248, "text": "We apologize if you were affected by the outage."}
| {"id": 249, "text": "It was just a blip, sorry."}
| {"id": 250, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 251, "text": "Mistakes were made and your records were deleted."}
| {"id": 252, "text": "We apologize if you were affected by the outage."}
| {"id": 253, "text": "It was just a blip, sorry."}
| {"id": 254, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 255, "text": "Mistakes were made and your records were deleted."}
| {"id": 256, "text": "We apologize if you were affected by the outage."}
| {"id": 257, "text": "It was just a blip, sorry."}
| {"id": 258, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 259, "text": "Mistakes were made and your records were deleted."}
| {"id": 260, "text": "We apologize if you were affected by the outage."}
| {"id": 261, "text": "It was just a blip, sorry."}
| {"id": 262, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 263, "text": "Mistakes were made and your records were deleted."}
| {"id": 264, "text": "We apologize if you were affected by the outage."}
| {"id": 265, "text": "It was just a blip, sorry."}
| {"id": 266, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 267, "text": "Mistakes were made and your records were deleted."}
| {"id": 268, "text": "We apologize if you were affected by the outage."}
| {"id": 269, "text": "It was just a blip, sorry."}
| {"id": 270, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 271, "text": "Mistakes were made and your records were deleted."}
| {"id": 272, "text": "We apologize if you were affected by the outage."}
| {"id": 273, "text": "It was just a blip, sorry."}
| {"id": 274, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 275, "text": "Mistakes were made and your records were deleted."}
| {"id": 276, "text": "We apologize if you were affected by the outage."}
| {"id": 277, "text": "It was just a blip, sorry."}
| {"id": 278, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 279, "text": "Mistakes were made and your records were deleted."}
| {"id": 280, "text": "We apologize if you were affected by the outage."}
| {"id": 281, "text": "It was just a blip, sorry."}
| {"id": 282, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 283, "text": "Mistakes were made and your records were deleted."}
| {"id": 284, "text": "We apologize if you were affected by the outage."}
| {"id": 285, "text": "It was just a blip, sorry."}
| {"id": 286, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 287, "text": "Mistakes were made and your records were deleted."}
| {"id": 288, "text": "We apologize if you were affected by the outage."}
| {"id": 289, "text": "It was just a blip, sorry."}
| {"id": 290, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 291, "text": "Mistakes were made and your records were deleted."}
| {"id": 292, "text": "We apologize if you were affected by the outage."}
| {"id": 293, "text": "It was just a blip, sorry."}
| {"id": 294, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 295, "text": "Mistakes were made and your records were deleted."}
| {"id": 296, "text": "We apologize if you were affected by the outage."}
| {"id": 297, "text": "It was just a blip, sorry."}
| {"id": 298, "text": "Our team restarted the cluster. I am your point person; next update by 17:00."}
| {"id": 299, "text": "Mistakes were made and your records were deleted."}
$ redress check --archive mbox --jobs 2 many.mbox
exit 1
stdout-has == summary: 300 messages
$ redress check --archive mbox --jobs 1 many.mbox
exit 1
python out == prev
$ redress check --archive jsonl --jobs 2 --format json many.jsonl
exit 1
python len(out.splitlines()) == 301
$ redress check --archive jsonl --format json many.jsonl
exit 1
python out == prev
