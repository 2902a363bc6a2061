// Magic pointer types for Sofia-SIP, fixed before any Sofia header is included so that every
// callback receives plain void pointers. Adapter-internal: include first in every Sofia TU.
#pragma once

#define SU_ROOT_MAGIC_T void
#define SU_TIMER_ARG_T void
#define SU_MSG_ARG_T void
#define NUA_MAGIC_T void
#define NUA_HMAGIC_T void
