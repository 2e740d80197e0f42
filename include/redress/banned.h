/* banned.h — functions that invite buffer overflows or hidden global state.
 * Included into every translation unit by the build (see meson.build), after
 * which a call to one of these fails to compile. Use snprintf, strbuf-style
 * growth (util/buf.h), strtoll with end checks, and strtok_r-free parsing. */
#ifndef REDRESS_BANNED_H
#define REDRESS_BANNED_H

/* The system headers must see the real declarations first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RD_BANNED(func) sorry_##func##_is_banned_in_redress

#undef strcpy
#define strcpy(x, y) RD_BANNED(strcpy)
#undef strcat
#define strcat(x, y) RD_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) RD_BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) RD_BANNED(strncat)
#undef sprintf
#define sprintf(...) RD_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) RD_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) RD_BANNED(strtok)
#undef atoi
#define atoi(x) RD_BANNED(atoi)
#undef atol
#define atol(x) RD_BANNED(atol)
#undef atoll
#define atoll(x) RD_BANNED(atoll)
#undef atof
#define atof(x) RD_BANNED(atof)
#undef gets
#define gets(x) RD_BANNED(gets)
#undef gmtime
#define gmtime(x) RD_BANNED(gmtime)
#undef localtime
#define localtime(x) RD_BANNED(localtime)
#undef asctime
#define asctime(x) RD_BANNED(asctime)
#undef ctime
#define ctime(x) RD_BANNED(ctime)

#endif
