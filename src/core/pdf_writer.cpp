// ecomap core: PDF objects and fonts (see pdf_writer.hpp).
#include "core/pdf_writer.hpp"

#include "core/deflate.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ecomap::pdf {

// [SECTION] Objects ---------------------------------------------------------------------

std::string num(double value) { return text::decimal(value, 3); }

std::string ref(int object) { return std::to_string(object) + " 0 R"; }

std::string text_string(std::string_view utf8) {
    const std::u32string chars = text::code_points(utf8);
    if (std::all_of(chars.begin(), chars.end(), [](char32_t c) { return c >= 0x20 && c < 0x7F; })) {
        std::string out = "(";
        for (const char32_t c : chars) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            out += static_cast<char>(c);
        }
        return out + ")";
    }
    std::string out = "<FEFF";
    char buffer[8];
    const auto unit = [&](unsigned value) {
        std::snprintf(buffer, sizeof buffer, "%04X", value & 0xFFFF);
        out += buffer;
    };
    for (char32_t c : chars) {
        if (c < 0x20) c = ' ';
        if (c >= 0x10000) {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else
            unit(c);
    }
    return out + ">";
}

int Objects::reserve() {
    bodies_.emplace_back();
    return static_cast<int>(bodies_.size());
}

int Objects::add(std::string body) {
    const int n = reserve();
    set(n, std::move(body));
    return n;
}

void Objects::set(int n, std::string body) { bodies_[static_cast<std::size_t>(n - 1)] = std::move(body); }

int Objects::stream(const std::string& dictionary_entries, std::string_view data) {
    const std::string packed = zlib_compress(data);
    return add("<<" + dictionary_entries + " /Filter /FlateDecode /Length " + std::to_string(packed.size()) +
               ">>\nstream\n" + packed + "\nendstream");
}

std::string Objects::file(int catalog, int info) const {
    std::string out = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < bodies_.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + bodies_[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(bodies_.size() + 1) + "\n0000000000 65535 f \n";
    char line[24];
    for (const std::size_t offset : offsets) {
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        out += line;
    }
    out += "trailer\n<</Size " + std::to_string(bodies_.size() + 1) + " /Root " + ref(catalog) + " /Info " + ref(info) +
           ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

// [SECTION] Fonts -----------------------------------------------------------------------

// The glyphs of `utf8` as a hex string, and its width in ems.
std::string Font::glyphs(std::string_view utf8, double& width) {
    std::string hex = "<";
    char buffer[8];
    width = 0;
    for (const char32_t c : text::code_points(utf8)) {
        const std::uint16_t g = face.glyph(c < 0x20 ? U' ' : c);
        if (g != 0) used.emplace(g, c);
        width += face.advance(g);
        std::snprintf(buffer, sizeof buffer, "%04X", g);
        hex += buffer;
    }
    return hex + ">";
}

// The font's objects: Type0 -> CIDFontType0 (glyph ids as CIDs) -> descriptor -> file.
int Font::write(Objects& objects) const {
    const int file_object = objects.stream(" /Subtype /OpenType", file);
    const std::int16_t* box = face.bbox();
    const auto units = [&](int value) { return num(value * 1000.0 / face.units_per_em()); };
    const int descriptor = objects.add("<</Type /FontDescriptor /FontName /" + name + " /Flags 32 /FontBBox [" +
                                       units(box[0]) + " " + units(box[1]) + " " + units(box[2]) + " " + units(box[3]) +
                                       "] /ItalicAngle 0 /Ascent " + units(face.ascent()) + " /Descent " +
                                       units(face.descent()) + " /CapHeight " + units(face.cap_height()) +
                                       " /StemV 80 /FontFile3 " + ref(file_object) + ">>");
    std::string widths;
    for (const auto& [glyph, c] : used)
        widths += std::to_string(glyph) + " [" + num(face.advance(glyph) * 1000) + "] ";
    const int cid_font = objects.add("<</Type /Font /Subtype /CIDFontType0 /BaseFont /" + name +
                                     " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>>"
                                     " /FontDescriptor " + ref(descriptor) + " /DW 0 /W [" + widths + "]>>");
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<std::uint16_t, char32_t>> pairs(used.begin(), used.end());
    char buffer[32];
    for (std::size_t from = 0; from < pairs.size(); from += 100) {  // at most 100 entries per block
        const std::size_t to = std::min(pairs.size(), from + 100);
        cmap += std::to_string(to - from) + " beginbfchar\n";
        for (std::size_t i = from; i < to; ++i) {
            const char32_t c = pairs[i].second;
            if (c >= 0x10000)
                std::snprintf(buffer, sizeof buffer, "<%04X> <%04X%04X>\n", pairs[i].first,
                              static_cast<unsigned>(0xD800 + ((c - 0x10000) >> 10)),
                              static_cast<unsigned>(0xDC00 + ((c - 0x10000) & 0x3FF)));
            else
                std::snprintf(buffer, sizeof buffer, "<%04X> <%04X>\n", pairs[i].first, static_cast<unsigned>(c));
            cmap += buffer;
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    const int to_unicode = objects.stream("", cmap);
    return objects.add("<</Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts [" +
                       ref(cid_font) + "] /ToUnicode " + ref(to_unicode) + ">>");
}

}  // namespace ecomap::pdf
