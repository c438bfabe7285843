#include "search/index_files.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "search/normalize.h"

namespace gongshi::search {

namespace {

// A token found in this many records of a partition or more gets a file of its own.
constexpr size_t common_records = 1024;
// Rare postings per shard aimed at (the shard count is the next power of two).
constexpr size_t postings_per_shard = 512;

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

std::string hex32(std::uint32_t v) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return buf;
}

void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            char buf[7];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    out += '"';
}

void json_list(std::string& out, const std::vector<std::string>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
        if (i) out += ',';
        json_string(out, list[i]);
    }
    out += ']';
}

struct Posting {
    std::uint32_t ordinal;
    std::uint8_t flags;
};

// Each token of a record with the flags of the fields it occurs in.
void record_tokens(const SearchRecord& r, std::unordered_map<std::string, unsigned>& out) {
    for (const auto& name : r.names) {
        const std::string whole = normalize(name);
        const auto toks = tokens(name);
        for (size_t i = 0; i < toks.size(); ++i)
            out[toks[i]] |= in_name | (i == 0 ? name_prefix : 0u) | (toks[i] == whole ? name_exact : 0u);
    }
    for (const auto& field : r.place) {
        const std::string whole = normalize(field);
        for (const auto& t : tokens(field)) out[t] |= in_place | (t == whole ? place_exact : 0u);
    }
    for (const auto& t : tokens(r.number)) out[t] |= in_number;
    for (const auto& t : tokens(r.body)) out[t] |= in_body;
}

void write_postings(std::string& out, const std::string& token, const std::vector<Posting>& list) {
    put_varint(out, token.size());
    out += token;
    put_varint(out, list.size());
    std::uint32_t last = 0;
    for (const auto& p : list) {
        put_varint(out, p.ordinal - last);
        out += static_cast<char>(p.flags);
        last = p.ordinal;
    }
}

std::string record_json(const SearchRecord& r) {
    std::string out = "{\"u\":";
    json_string(out, r.url);
    out += ",\"t\":";
    json_string(out, r.title);
    out += ",\"n\":";
    json_list(out, r.names);
    if (!r.place.empty()) {
        out += ",\"p\":";
        json_list(out, r.place);
    }
    if (!r.number.empty()) {
        out += ",\"no\":";
        json_string(out, r.number);
    }
    if (!r.body.empty()) {
        out += ",\"b\":";
        json_string(out, r.body);
    }
    out += '}';
    return out;
}

std::string shape_path(const std::string& part) { return "search-index/" + part + "/shape.txt"; }

}  // namespace

std::uint32_t token_hash(std::string_view token) {
    std::uint32_t h = 2166136261u;
    for (const char c : token) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

std::string part_json(const PartitionShape& shape, const std::map<std::string, long long>& common_counts) {
    std::string out = "records " + std::to_string(shape.records) + "\nshards " +
                      std::to_string(shape.shards) + "\nblock " + std::to_string(shape.block) + "\n";
    for (const auto& t : shape.common)
        out += "common " + t + " " + std::to_string(common_counts.at(t)) + "\n";
    return out;
}

bool parse_part_json(std::string_view text, PartitionShape& shape) {
    shape = {};
    int seen = 0;
    while (!text.empty()) {
        const size_t eol = text.find('\n');
        if (eol == std::string_view::npos) return false;
        const std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol + 1);
        const size_t sp = line.find(' ');
        if (sp == std::string_view::npos) return false;
        const std::string_view key = line.substr(0, sp), value = line.substr(sp + 1);
        auto number = [&](auto& n) {
            const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            return ec == std::errc() && p == value.data() + value.size();
        };
        if (key == "records" && number(shape.records))
            ++seen;
        else if (key == "shards" && number(shape.shards) && shape.shards > 0)
            ++seen;
        else if (key == "block" && number(shape.block) && shape.block > 0)
            ++seen;
        else if (key == "common" && value.find(' ') != std::string_view::npos)
            shape.common.emplace_back(value.substr(0, value.find(' ')));
        else
            return false;
    }
    return seen == 3;
}

std::vector<std::string> partition_paths(const std::string& part, const PartitionShape& shape) {
    std::vector<std::string> out{shape_path(part)};
    const std::string dir = "search-index/" + part + "/";
    for (int s = 0; s < shape.shards; ++s) out.push_back(dir + "t/" + std::to_string(s) + ".bin");
    std::vector<std::string> common;
    for (const auto& t : shape.common) common.push_back(dir + "c/" + hex32(token_hash(t)) + ".bin");
    std::sort(common.begin(), common.end());
    common.erase(std::unique(common.begin(), common.end()), common.end());
    out.insert(out.end(), common.begin(), common.end());
    const long long blocks = (shape.records + shape.block - 1) / shape.block;
    for (long long b = 0; b < blocks; ++b) out.push_back(dir + "r/" + std::to_string(b) + ".json");
    return out;
}

std::map<std::string, std::string> partition_files(const std::string& part,
                                                   const std::vector<const SearchRecord*>& records,
                                                   PartitionShape& shape) {
    std::unordered_map<std::string, std::vector<Posting>> postings;
    std::unordered_map<std::string, unsigned> found;
    for (size_t o = 0; o < records.size(); ++o) {
        found.clear();
        record_tokens(*records[o], found);
        for (const auto& [token, flags] : found)
            postings[token].push_back({static_cast<std::uint32_t>(o), static_cast<std::uint8_t>(flags)});
    }
    std::vector<std::string> sorted;
    sorted.reserve(postings.size());
    size_t rare_postings = 0;
    std::map<std::string, long long> common_counts;
    for (const auto& [token, list] : postings) {
        sorted.push_back(token);
        if (list.size() >= common_records)
            common_counts[token] = static_cast<long long>(list.size());
        else
            rare_postings += list.size();
    }
    std::sort(sorted.begin(), sorted.end());

    shape = {};
    shape.records = static_cast<long long>(records.size());
    shape.block = part_holds_projects(part) ? 32 : 4;
    while (static_cast<size_t>(shape.shards) * postings_per_shard < rare_postings && shape.shards < 65536)
        shape.shards *= 2;
    for (const auto& [token, n] : common_counts) shape.common.push_back(token);

    std::map<std::string, std::string> files;
    const std::string dir = "search-index/" + part + "/";
    std::vector<std::string> shard_bytes(static_cast<size_t>(shape.shards));
    for (const auto& token : sorted) {
        const std::uint32_t h = token_hash(token);
        std::string& out = common_counts.count(token)
                               ? files[dir + "c/" + hex32(h) + ".bin"]
                               : shard_bytes[h & static_cast<std::uint32_t>(shape.shards - 1)];
        write_postings(out, token, postings[token]);
    }
    for (int s = 0; s < shape.shards; ++s)
        files[dir + "t/" + std::to_string(s) + ".bin"] = std::move(shard_bytes[s]);
    for (size_t b = 0; b * shape.block < records.size(); ++b) {
        std::string json = "[";
        for (size_t o = b * shape.block; o < std::min(records.size(), (b + 1) * shape.block); ++o) {
            if (json.size() > 1) json += ",\n";
            json += record_json(*records[o]);
        }
        json += "]\n";
        files[dir + "r/" + std::to_string(b) + ".json"] = std::move(json);
    }
    files[shape_path(part)] = part_json(shape, common_counts);
    return files;
}

std::string facet_file(const std::vector<RecordFilters>& filters, size_t block) {
    std::string out;
    for (size_t o = block * facet_block; o < std::min(filters.size(), (block + 1) * facet_block); ++o) {
        const RecordFilters& f = filters[o];
        out += static_cast<char>(f.kind);
        out += static_cast<char>(f.city + 1);
        out += static_cast<char>(f.tiers & 0xFF);
        out += '\0';
        for (int i = 0; i < 4; ++i) out += static_cast<char>((f.years >> (8 * i)) & 0xFF);
    }
    return out;
}

std::string manifest(const Facets& facets, const std::vector<std::pair<std::string, PartitionShape>>& parts) {
    std::string out =
        "{\"version\":" + std::to_string(format_version) + ",\"facet_block\":" + std::to_string(facet_block);
    out += ",\n\"years\":[";
    for (size_t i = 0; i < facets.years.size(); ++i) out += (i ? "," : "") + std::to_string(facets.years[i]);
    out += "],\n\"tiers\":";
    json_list(out, facets.tiers);
    out += ",\n\"cities\":";
    json_list(out, facets.cities);
    out += ",\n\"kinds\":";
    json_list(out, facets.kinds);
    out += ",\n\"parts\":[";
    for (size_t i = 0; i < parts.size(); ++i) {
        const auto& [id, s] = parts[i];
        out += i ? ",\n" : "\n";
        out += "{\"id\":";
        json_string(out, id);
        out += std::string(",\"projects\":") + (part_holds_projects(id) ? "true" : "false");
        out += ",\"records\":" + std::to_string(s.records) + ",\"shards\":" + std::to_string(s.shards) +
               ",\"block\":" + std::to_string(s.block) + ",\"common\":";
        json_list(out, s.common);
        out += '}';
    }
    out += "]}\n";
    return out;
}

}  // namespace gongshi::search
