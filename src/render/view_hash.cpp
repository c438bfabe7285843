#include "render/view_hash.h"

namespace gongshi::render {

hash::Fingerprint& add_view(hash::Fingerprint& fingerprint, const View& view) {
    struct Visitor {
        hash::Fingerprint& f;
        void operator()(const std::string& s) const { f.add(1).add(s); }
        void operator()(bool b) const { f.add(b ? 2 : 3); }
        void operator()(const ViewList& l) const {
            f.add(4).add(static_cast<std::uint64_t>(l.size()));
            for (const View& v : l) add_view(f, v);
        }
        void operator()(const ViewMap& m) const {
            f.add(5).add(static_cast<std::uint64_t>(m.size()));
            for (const auto& [k, v] : m) add_view(f.add(k), v);
            if (m.shared()) f.add(6).add(m.shared()->fingerprint);  // made once, when the fields were shared
        }
    };
    std::visit(Visitor{fingerprint}, view.value);
    return fingerprint;
}

std::shared_ptr<const SharedFields> share_fields(ViewMap fields, hash::Fingerprint& scratch) {
    auto shared = std::make_shared<SharedFields>();
    View whole(std::move(fields));
    scratch.reset();
    shared->fingerprint = add_view(scratch, whole).value();
    shared->fields = std::move(std::get<ViewMap>(whole.value));
    return shared;
}

}  // namespace gongshi::render
