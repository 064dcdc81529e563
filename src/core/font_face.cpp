// ecomap core: FontFace (see font_face.hpp).
#include "core/font_face.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <map>

namespace ecomap {

namespace {

struct Bytes {
    std::string_view data;
    bool ok = true;  // false once a read went past the end
    std::uint32_t u(std::size_t at, int size) {
        if (at + static_cast<std::size_t>(size) > data.size()) {
            ok = false;
            return 0;
        }
        std::uint32_t value = 0;
        for (int i = 0; i < size; ++i) value = value << 8 | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
        return value;
    }
    std::uint16_t u16(std::size_t at) { return static_cast<std::uint16_t>(u(at, 2)); }
    std::int16_t i16(std::size_t at) { return static_cast<std::int16_t>(u(at, 2)); }
    std::uint32_t u32(std::size_t at) { return u(at, 4); }
};

}  // namespace

std::optional<FontFace> FontFace::read(std::string_view bytes) {
    Bytes b{bytes};
    std::map<std::string, std::size_t> tables;
    const int table_count = b.u16(4);
    for (int i = 0; i < table_count && b.ok; ++i) {
        const std::size_t record = 12 + 16 * static_cast<std::size_t>(i);
        const std::size_t offset = b.u32(record + 8), length = b.u32(record + 12);
        if (!b.ok || offset + length > bytes.size()) return std::nullopt;
        tables[std::string(bytes.substr(record, 4))] = offset;
    }
    for (const char* needed : {"head", "hhea", "hmtx", "maxp", "cmap"})
        if (!tables.count(needed)) return std::nullopt;
    FontFace face;
    const std::size_t head = tables["head"], hhea = tables["hhea"], hmtx = tables["hmtx"], cmap = tables["cmap"];
    face.units_per_em_ = b.u16(head + 18);
    for (int i = 0; i < 4; ++i) face.bbox_[i] = b.i16(head + 36 + 2 * static_cast<std::size_t>(i));
    face.ascent_ = b.i16(hhea + 4);
    face.descent_ = b.i16(hhea + 6);
    face.cap_height_ = face.ascent_ * 7 / 10;
    if (tables.count("OS/2") && b.u16(tables["OS/2"]) >= 2) face.cap_height_ = b.i16(tables["OS/2"] + 88);
    const int glyph_count = b.u16(tables["maxp"] + 4), metrics = b.u16(hhea + 34);
    if (face.units_per_em_ == 0 || metrics == 0 || !b.ok) return std::nullopt;
    face.advances_.resize(static_cast<std::size_t>(glyph_count));
    for (int g = 0; g < glyph_count; ++g)
        face.advances_[static_cast<std::size_t>(g)] = b.u16(hmtx + 4 * static_cast<std::size_t>(std::min(g, metrics - 1)));

    // The best character map: Windows full Unicode (format 12), else Unicode BMP (format 4).
    std::size_t best = 0;
    int best_rank = 0;
    for (int i = 0, n = b.u16(cmap + 2); i < n; ++i) {
        const std::size_t record = cmap + 4 + 8 * static_cast<std::size_t>(i);
        const int platform = b.u16(record), encoding = b.u16(record + 2);
        const std::size_t at = cmap + b.u32(record + 4);
        const int format = b.u16(at);
        const int rank = format == 12 && (platform == 3 || platform == 0) ? 3
                         : format == 4 && (platform == 0 || (platform == 3 && encoding == 1)) ? 2
                                                                                               : 0;
        if (rank > best_rank) best = at, best_rank = rank;
    }
    if (best_rank == 3) {
        for (std::uint32_t i = 0, n = b.u32(best + 12); i < n && b.ok; ++i) {
            const std::size_t group = best + 16 + 12 * static_cast<std::size_t>(i);
            face.ranges_.push_back({b.u32(group), b.u32(group + 4), b.u32(group + 8)});
        }
    } else if (best_rank == 2) {
        const std::size_t segments = b.u16(best + 6) / 2;
        const std::size_t ends = best + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments,
                          range_offsets = deltas + 2 * segments;
        for (std::size_t s = 0; s < segments && b.ok; ++s) {
            const char32_t first = b.u16(starts + 2 * s), last = b.u16(ends + 2 * s);
            const std::uint16_t delta = b.u16(deltas + 2 * s), range_offset = b.u16(range_offsets + 2 * s);
            if (first > last || first == 0xFFFF) continue;
            for (char32_t c = first; c <= last; ++c) {  // one range per character keeps lookups simple
                std::uint32_t g;
                if (range_offset == 0) g = static_cast<std::uint16_t>(c + delta);
                else {
                    g = b.u16(range_offsets + 2 * s + range_offset + 2 * (c - first));
                    if (g != 0) g = static_cast<std::uint16_t>(g + delta);
                }
                if (g != 0) face.ranges_.push_back({c, c, g});
            }
        }
    }
    if (!b.ok || face.ranges_.empty()) return std::nullopt;
    std::sort(face.ranges_.begin(), face.ranges_.end(), [](const Range& x, const Range& y) { return x.first < y.first; });
    return face;
}

std::uint16_t FontFace::glyph(char32_t code_point) const {
    const auto it = std::upper_bound(ranges_.begin(), ranges_.end(), code_point,
                                     [](char32_t c, const Range& range) { return c < range.first; });
    if (it == ranges_.begin()) return 0;
    const Range& range = *(it - 1);
    if (code_point > range.last) return 0;
    const std::uint32_t g = range.glyph + (code_point - range.first);
    return g < advances_.size() ? static_cast<std::uint16_t>(g) : 0;
}

std::uint16_t FontFace::advance_units(std::uint16_t glyph) const {
    return glyph < advances_.size() ? advances_[glyph] : 0;
}

double FontFace::advance(std::uint16_t glyph) const {
    return static_cast<double>(advance_units(glyph)) / units_per_em_;
}

double FontFace::width(std::string_view utf8) const {
    double total = 0;
    for (const char32_t c : text::code_points(utf8)) total += advance(glyph(c));
    return total;
}

}  // namespace ecomap
