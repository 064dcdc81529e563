// ecomap core: the map as a PDF, a pure function of the document and options.
//
// Page 1 is the map: the same figure as the SVG export (map_figure.hpp), drawn as vector
// paths and real text, fitted to an A4 or US Letter page in landscape, with the title
// above and the framework's attribution line below. Page 2 (optional, more pages when
// the reflections are long) lists the counts per role (people, organizations, networks,
// dot votes, gaps) and the group's reflections under their prompts.
//
// Text is set in the typeface the app shows (Inter, embedded in the core), embedded in the
// PDF as an OpenType font with a ToUnicode map, so text can be selected, searched and
// copied (pdftotext reads it). Characters the font lacks show its "missing" glyph. The
// map file (export_json) is attached as "map.ecomap.json", so the PDF carries its map
// like the other exports. With the facilitator's "hide names" switch on, pass
// hide_names(document) (anonymize.hpp).
#pragma once

#include "core/model.hpp"

#include <string>

namespace ecomap {

enum class Paper { A4, Letter };

struct PdfOptions {
    Paper paper = Paper::A4;
    bool details = true;          // page 2: counts per role and reflections
    bool embed_document = true;   // attach the map file
};

std::string export_pdf(const Document& document, const PdfOptions& options = {});  // the PDF file; byte-stable

}  // namespace ecomap
