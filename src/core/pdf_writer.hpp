// ecomap core: the parts of a PDF file (ISO 32000) that export_pdf writes: numbers and
// strings, numbered objects with compressed streams and the cross-reference table, and an
// OpenType font embedded as a Type 0 font (glyph ids as character codes) with the widths
// and ToUnicode map of the glyphs actually shown, so text stays selectable.
#pragma once

#include "core/font_face.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap::pdf {

std::string num(double value);             // at most three decimals, no trailing zeros, never "-0"
std::string ref(int object);               // "12 0 R"
std::string text_string(std::string_view utf8);  // ASCII as a literal, anything else UTF-16BE with a byte order mark

class Objects {
public:
    int reserve();                                    // a number for an object written later with set()
    int add(std::string body);                        // the new object's number
    void set(int object, std::string body);
    int stream(const std::string& dictionary_entries, std::string_view data);  // compressed with FlateDecode
    std::string file(int catalog, int info) const;    // header, objects, xref table, trailer

private:
    std::vector<std::string> bodies_;
};

struct Font {
    const FontFace& face;
    std::string resource;                    // "/R" in the pages' resources
    std::string name;                        // PostScript name
    std::string_view file;                   // the OpenType file
    std::map<std::uint16_t, char32_t> used;  // glyph -> the character it shows

    std::string glyphs(std::string_view utf8, double& width);  // "<hex glyph ids>" for Tj; width in ems
    int write(Objects& objects) const;  // Type0 -> CIDFontType0 -> descriptor -> file; the Type0's number
};

}  // namespace ecomap::pdf
