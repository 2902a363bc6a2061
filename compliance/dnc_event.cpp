#include "compliance/dnc_event.h"

#include <algorithm>
#include <vector>

#include "compliance/canonical_read.h"

namespace dialer::compliance {
namespace {

using canonical_read::json;
using canonical_read::read_value;

struct Field {
  std::string_view name;
  void (*write)(const DncEvent&, ValueSink&);
  bool (*read)(const json&, DncEvent&);
};

#define DIALER_DNC_FIELD(f)                                                                \
  Field {                                                                                  \
#f, [](const DncEvent& e,                                                              \
           ValueSink& s) { s.value(e.f); }, [](const json& j,                              \
                                               DncEvent& e) { return read_value(j, e.f); } \
  }

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = [] {
    std::vector<Field> f{DIALER_DNC_FIELD(dnc_request_id), DIALER_DNC_FIELD(seq),
                         DIALER_DNC_FIELD(prev_hash),      DIALER_DNC_FIELD(number),
                         DIALER_DNC_FIELD(name),           DIALER_DNC_FIELD(list),
                         DIALER_DNC_FIELD(campaign_id),    DIALER_DNC_FIELD(seller_scope),
                         DIALER_DNC_FIELD(channel),        DIALER_DNC_FIELD(wording),
                         DIALER_DNC_FIELD(received_at),    DIALER_DNC_FIELD(effective_at),
                         DIALER_DNC_FIELD(retained_until), DIALER_DNC_FIELD(actor)};
    std::sort(f.begin(), f.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
    return f;
  }();
  return kFields;
}
#undef DIALER_DNC_FIELD

}  // namespace

std::string canonical_without_hash(const DncEvent& e, std::size_t* record_hash_at) {
  std::string out;
  JsonObjectWriter w{out};
  w.begin();
  for (const auto& f : fields()) {
    if (record_hash_at != nullptr && f.name > "record_hash" && *record_hash_at == 0) {
      *record_hash_at = out.size();
    }
    w.key(f.name);
    f.write(e, w);
  }
  w.end();
  if (record_hash_at != nullptr && *record_hash_at == 0) *record_hash_at = out.size() - 1;
  return out;
}

std::string canonical_line(const DncEvent& e) {
  std::size_t at = 0;
  const auto canonical = canonical_without_hash(e, &at);
  return insert_record_hash(canonical, at, e.record_hash);
}

Result<DncEvent> parse_dnc_event_line(std::string_view line) {
  return canonical_read::parse_line(line, fields(), &DncEvent::record_hash, "dnc event");
}

}  // namespace dialer::compliance
