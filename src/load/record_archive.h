// A record as bytes and back, for the parsed-record cache (load/parsed_records.h): every field of every record
// kind of model/records.h, listed once in fields() and walked by a writer or a reader. The format is this binary's
// own (a cache written by another binary is never read), so it has no versions; a reader meeting bytes that do
// not fit stops and reports failure, never reads past its input.
#pragma once

#include <concepts>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/records.h"

namespace gongshi::load {

template <class T, class Record>
concept Either = std::same_as<std::remove_const_t<T>, Record>;

// The fields of each kind, in declaration order. A field added to model/records.h and not here would be lost by
// every build that reads the record from the cache: the size checks below fail the compile until it is added.
// clang-format off
template <class A, Either<model::Located> T> void fields(A& a, T& x) { a(x.value, x.pos); }
template <class A, Either<model::Tier> T> void fields(A& a, T& x) { a(x.id, x.name); }
template <class A, Either<model::SubsidyRule> T> void fields(A& a, T& x) {
    a(x.rate_yuan_per_m2, x.cap_m2_district, x.cap_m2_other, x.source);
}
template <class A, Either<model::Program> T> void fields(A& a, T& x) { a(x.year, x.name, x.plan_notice, x.subsidy, x.pos); }
template <class A, Either<model::SiteConfig> T> void fields(A& a, T& x) {
    a(x.title, x.base_url, x.language, x.description, x.tiers, x.programs, x.pos);
}
template <class A, Either<model::County> T> void fields(A& a, T& x) { a(x.id, x.name, x.code, x.kind, x.pos); }
template <class A, Either<model::Zone> T> void fields(A& a, T& x) { a(x.id, x.name, x.full_name, x.county, x.note, x.pos); }
template <class A, Either<model::CityFact> T> void fields(A& a, T& x) {
    a(x.label, x.value, x.unit, x.year, x.source, x.quote);
}
template <class A, Either<model::City> T> void fields(A& a, T& x) {
    a(x.id, x.name, x.code, x.counties, x.zones, x.facts, x.pos);
}
template <class A, Either<model::TaskRow> T> void fields(A& a, T& x) { a(x.city, x.tasks, x.uncovered, x.pos); }
template <class A, Either<model::TaskTable> T> void fields(A& a, T& x) {
    a(x.year, x.source, x.title, x.declared_total, x.total_pos, x.rows, x.draft, x.pos);
}
template <class A, Either<model::LocationNote> T> void fields(A& a, T& x) { a(x.field, x.printed, x.dataset, x.reason); }
template <class A, Either<model::Project> T> void fields(A& a, T& x) {
    a(x.id, x.name, x.year, x.year_pos, x.city, x.county, x.town, x.community, x.address, x.area_m2, x.area_text,
      x.investment_wan, x.investment_text, x.construction, x.beds, x.operator_name, x.facts_source, x.aliases,
      x.location_notes, x.has_private, x.draft, x.file, x.source_hash);
}
template <class A, Either<model::RatingEntry> T> void fields(A& a, T& x) {
    a(x.rank, x.project, x.printed, x.correction, x.pos);
}
template <class A, Either<model::RatingGroup> T> void fields(A& a, T& x) {
    a(x.year, x.year_pos, x.tier, x.declared, x.declared_pos, x.heading, x.entries, x.pos);
}
template <class A, Either<model::RatingList> T> void fields(A& a, T& x) {
    a(x.notice, x.groups, x.draft, x.file, x.source_hash);
}
template <class A, Either<model::Signatory> T> void fields(A& a, T& x) { a(x.role, x.name); }
template <class A, Either<model::Motion> T> void fields(A& a, T& x) { a(x.kind, x.number, x.session, x.title, x.proposer); }
template <class A, Either<model::NoteQuote> T> void fields(A& a, T& x) { a(x.where, x.text, x.document); }
template <class A, Either<model::EditorialNote> T> void fields(A& a, T& x) {
    a(x.id, x.about, x.explanation, x.quotes, x.pos);
}
template <class A, Either<model::Document> T> void fields(A& a, T& x) {
    a(x.type, x.id, x.doc_number, x.title, x.issuer, x.addressees, x.kind, x.date, x.date_kind, x.year, x.year_basis,
      x.disclosure, x.author, x.source_file, x.summary, x.city, x.addressee, x.motion, x.category, x.signatories,
      x.contact, x.aliases, x.notes, x.draft, x.body_markdown, x.body_line, x.file, x.source_hash);
}
template <class A, Either<model::Milestone> T> void fields(A& a, T& x) {
    a(x.id, x.what, x.stage, x.deadline, x.deadline_pos, x.printed, x.quote, x.paragraph, x.pos);
}
template <class A, Either<model::Indicator> T> void fields(A& a, T& x) {
    a(x.id, x.name, x.kind, x.points, x.points_text, x.paragraph, x.pos);
}
template <class A, Either<model::Schedule> T> void fields(A& a, T& x) {
    a(x.year, x.source, x.milestones, x.indicators, x.draft, x.pos);
}
template <class A, Either<model::StageReport> T> void fields(A& a, T& x) {
    a(x.project, x.stage, x.date, x.date_pos, x.printed, x.problem, x.note, x.pos);
}
template <class A, Either<model::StageCount> T> void fields(A& a, T& x) { a(x.stage, x.count); }
template <class A, Either<model::CityProgress> T> void fields(A& a, T& x) {
    a(x.city, x.declared, x.declared_pos, x.stages, x.problem, x.pos);
}
template <class A, Either<model::ProgressReport> T> void fields(A& a, T& x) {
    a(x.notice, x.year, x.year_pos, x.kind, x.month, x.declared, x.declared_pos, x.projects, x.cities, x.draft, x.file,
      x.source_hash);
}
template <class A, Either<model::ScoreItem> T> void fields(A& a, T& x) { a(x.indicator, x.points, x.points_text, x.pos); }
template <class A, Either<model::ScoreRow> T> void fields(A& a, T& x) {
    a(x.project, x.city, x.month, x.base, x.bonus, x.deductions, x.total, x.base_text, x.bonus_text, x.deductions_text,
      x.total_text, x.base_pos, x.bonus_pos, x.deductions_pos, x.total_pos, x.items, x.pos);
}
template <class A, Either<model::ScoreSheet> T> void fields(A& a, T& x) {
    a(x.notice, x.year, x.year_pos, x.rows, x.draft, x.file, x.source_hash);
}
// clang-format on

// The sizes the lists above were written for (x86-64, libstdc++): a new field changes its record's size.
#define GONGSHI_FIELDS_LISTED(T, size) \
    static_assert(sizeof(model::T) == (size), "a field was added to model::" #T ": add it to fields() above")
GONGSHI_FIELDS_LISTED(Located, 56);
GONGSHI_FIELDS_LISTED(Tier, 64);
GONGSHI_FIELDS_LISTED(SubsidyRule, 72);
GONGSHI_FIELDS_LISTED(Program, 208);
GONGSHI_FIELDS_LISTED(SiteConfig, 200);
GONGSHI_FIELDS_LISTED(County, 152);
GONGSHI_FIELDS_LISTED(Zone, 184);
GONGSHI_FIELDS_LISTED(CityFact, 192);
GONGSHI_FIELDS_LISTED(City, 192);
GONGSHI_FIELDS_LISTED(TaskRow, 112);
GONGSHI_FIELDS_LISTED(TaskTable, 184);
GONGSHI_FIELDS_LISTED(LocationNote, 128);
GONGSHI_FIELDS_LISTED(Project, 656);
GONGSHI_FIELDS_LISTED(RatingEntry, 152);
GONGSHI_FIELDS_LISTED(RatingGroup, 200);
GONGSHI_FIELDS_LISTED(RatingList, 128);
GONGSHI_FIELDS_LISTED(Signatory, 64);
GONGSHI_FIELDS_LISTED(Motion, 160);
GONGSHI_FIELDS_LISTED(NoteQuote, 144);
GONGSHI_FIELDS_LISTED(EditorialNote, 144);
GONGSHI_FIELDS_LISTED(Document, 936);
GONGSHI_FIELDS_LISTED(Milestone, 272);
GONGSHI_FIELDS_LISTED(Indicator, 216);
GONGSHI_FIELDS_LISTED(Schedule, 144);
GONGSHI_FIELDS_LISTED(StageReport, 288);
GONGSHI_FIELDS_LISTED(StageCount, 64);
GONGSHI_FIELDS_LISTED(CityProgress, 168);
GONGSHI_FIELDS_LISTED(ProgressReport, 304);
GONGSHI_FIELDS_LISTED(ScoreItem, 120);
GONGSHI_FIELDS_LISTED(ScoreSheet, 160);
GONGSHI_FIELDS_LISTED(ScoreRow, 472);
#undef GONGSHI_FIELDS_LISTED

// Appends what it is given.
class ArchiveWriter {
public:
    explicit ArchiveWriter(std::string& out) : out_(out) {}
    template <class... T>
    void operator()(const T&... values) {
        (put(values), ...);
    }

private:
    std::string& out_;
    std::string last_path_;  // positions mostly name the record's own file: written once, then "same as before"

    void raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
    void put(bool v) { out_ += v ? '\1' : '\0'; }
    void put(int v) { raw(&v, sizeof v); }
    void put(double v) { raw(&v, sizeof v); }
    void put(std::uint64_t v) { raw(&v, sizeof v); }
    void put(std::string_view v) {
        put(static_cast<std::uint64_t>(v.size()));
        out_ += v;
    }
    void put(const std::string& v) { put(std::string_view(v)); }
    void put(const diag::SourcePos& v) {
        const bool same = v.path.str() == last_path_;
        put(same);
        if (!same) put(last_path_ = v.path.str());
        put(v.line);
        put(v.col);
    }
    template <class E>
        requires std::is_enum_v<E>
    void put(E v) {
        put(static_cast<int>(v));
    }
    template <class T>
    void put(const std::optional<T>& v) {
        put(v.has_value());
        if (v) put(*v);
    }
    template <class T>
    void put(const std::vector<T>& v) {
        put(static_cast<std::uint64_t>(v.size()));
        for (const T& x : v) put(x);
    }
    template <class T>
        requires requires(ArchiveWriter& w, const T& x) { fields(w, x); }
    void put(const T& v) {
        fields(*this, v);
    }
};

// Reads what an ArchiveWriter wrote; ok() is false once anything did not fit, and every later read is skipped.
class ArchiveReader {
public:
    explicit ArchiveReader(std::string_view in) : in_(in) {}
    template <class... T>
    void operator()(T&... values) {
        (get(values), ...);
    }
    bool ok() const { return ok_; }
    bool done() const { return ok_ && in_.empty(); }
    // A string as put() wrote it, left where it is in the input.
    std::string_view view() {
        const std::uint64_t n = count();
        const std::string_view v = in_.substr(0, n);
        in_.remove_prefix(n);
        return v;
    }

private:
    std::string_view in_;
    bool ok_ = true;
    diag::SourcePath last_path_;  // shared by every position of the file, as the loader shares it

    bool raw(void* p, size_t n) {
        if (!ok_ || in_.size() < n) return ok_ = false;
        std::memcpy(p, in_.data(), n);
        in_.remove_prefix(n);
        return true;
    }
    void get(bool& v) {
        char c = 0;
        if (raw(&c, 1) && c != 0 && c != 1) ok_ = false;
        v = c == 1;
    }
    void get(int& v) { raw(&v, sizeof v); }
    void get(double& v) { raw(&v, sizeof v); }
    void get(std::uint64_t& v) { raw(&v, sizeof v); }
    std::uint64_t count() {
        std::uint64_t n = 0;
        if (raw(&n, sizeof n) && n > in_.size()) ok_ = false;  // every element takes at least a byte
        return ok_ ? n : 0;
    }
    void get(std::string& v) { v.assign(view()); }
    void get(diag::SourcePos& v) {
        bool same = false;
        get(same);
        if (!same) {
            std::string path;
            get(path);
            last_path_ = diag::SourcePath(std::move(path));
        }
        v.path = last_path_;
        get(v.line);
        get(v.col);
    }
    template <class E>
        requires std::is_enum_v<E>
    void get(E& v) {
        int n = 0;
        get(n);
        v = static_cast<E>(n);
    }
    template <class T>
    void get(std::optional<T>& v) {
        bool has = false;
        get(has);
        v.reset();
        if (!has || !ok_) return;
        v.emplace();
        get(*v);
    }
    template <class T>
    void get(std::vector<T>& v) {
        const std::uint64_t n = count();
        v.clear();
        v.reserve(n);
        for (std::uint64_t i = 0; i < n && ok_; ++i) get(v.emplace_back());
    }
    template <class T>
        requires requires(ArchiveReader& r, T& x) { fields(r, x); }
    void get(T& v) {
        fields(*this, v);
    }
};

}  // namespace gongshi::load
