// ecomap core: what the exports need to know of an OpenType font: which glyph shows a
// character, how wide it is, and the font's overall measures. Reads the font's own
// tables (head, hhea, hmtx, maxp, cmap formats 4 and 12, OS/2); never throws, and a
// font it cannot read is refused as a whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap {

class FontFace {
public:
    static std::optional<FontFace> read(std::string_view bytes);  // nullopt when a needed table is missing or cut short

    std::uint16_t glyph(char32_t code_point) const;    // 0 (the font's "missing" glyph) when the font has none
    double advance(std::uint16_t glyph) const;          // in ems
    double width(std::string_view utf8) const;          // the text's advance, in ems
    int units_per_em() const { return units_per_em_; }
    int ascent() const { return ascent_; }              // font units
    int descent() const { return descent_; }            // font units, negative
    int cap_height() const { return cap_height_; }      // font units
    const std::int16_t* bbox() const { return bbox_; }  // xMin, yMin, xMax, yMax, font units
    std::uint16_t advance_units(std::uint16_t glyph) const;

private:
    struct Range {
        char32_t first, last;
        std::uint32_t glyph;  // glyph of `first`
    };
    std::vector<Range> ranges_;          // sorted, from cmap
    std::vector<std::uint16_t> advances_;  // per glyph, font units
    int units_per_em_ = 1000, ascent_ = 0, descent_ = 0, cap_height_ = 0;
    std::int16_t bbox_[4]{};
};

}  // namespace ecomap
