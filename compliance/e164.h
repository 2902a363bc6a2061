// The compliance tables key numbers by PhoneKey; the conversion lives in dialer/common/e164.h.
#pragma once

#include "dialer/common/e164.h"

namespace dialer::compliance {
using dialer::format_e164;
using dialer::is_nanp;
using dialer::nanp_npa;
using dialer::nanp_nxx;
using dialer::parse_e164;
using dialer::PhoneKey;
}  // namespace dialer::compliance
