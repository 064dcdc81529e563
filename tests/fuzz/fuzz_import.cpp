// libFuzzer target for the one import door: any bytes (map files, templates, PNG and SVG
// images, CSV tables) must give a document or a typed error, never a crash, a leak or an
// escaped exception. Documents it returns must be valid, survive export and re-import
// unchanged (as JSON and inside an SVG), and export to tables that re-open.
//
// Build: cmake -DECOMAP_FUZZ=ON with clang; run: ecomap_fuzz_import tests/fuzz/corpus
#include "core/anonymize.hpp"
#include "core/csv.hpp"
#include "core/export_svg.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/json_tree.hpp"
#include "core/utf8.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

void fail(const char* what, const ecomap::ImportResult& result) {
    std::fprintf(stderr, "fuzz_import: %s: %s\n", what, result.error ? result.error->message.c_str() : "(ok)");
    std::abort();
}

// The fast JSON reader gives up or reads what nlohmann::json::parse reads (same types,
// same values); it never reads what nlohmann refuses. Its input is valid UTF-8.
void check_fast_reader(std::string_view bytes) {
    if (ecomap::text::first_invalid_utf8(bytes)) return;
    nlohmann::json reference;
    bool refused = false;
    try {
        reference = nlohmann::json::parse(bytes.begin(), bytes.end());
    } catch (const nlohmann::json::exception&) {
        refused = true;
    }
    nlohmann::json fast;
    if (!ecomap::detail::fast_parse_json(bytes, fast)) return;
    // dump() writes types apart (1 and 1.0) and every value; == would equate 1 and 1.0.
    if (refused || fast.dump() != reference.dump()) {
        std::fprintf(stderr, "fuzz_import: the fast JSON reader disagrees with nlohmann\n");
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_fast_reader(bytes);
    const ecomap::ImportResult result = ecomap::import_document(bytes);
    if (result.ok() == result.error.has_value()) fail("exactly one of document and error must be set", result);
    if (!result.ok()) {
        if (result.error->code == ecomap::ImportErrorCode::Inconsistent) fail("restore broke an invariant", result);
        return 0;
    }
    if (!ecomap::check_invariants(*result.document).empty()) fail("imported document is invalid", result);
    const std::string exported = ecomap::export_json(*result.document);
    const ecomap::ImportResult again = ecomap::import_document(exported);
    if (!again.ok()) fail("re-import of the export failed", again);
    if (!again.warnings.empty()) fail("re-import of the export gave warnings", again);
    if (!(*again.document == *result.document)) fail("re-import differs from the first import", again);
    if (ecomap::export_json(*again.document) != exported) fail("export is not byte-stable", again);
    const ecomap::ImportResult from_svg = ecomap::import_document(ecomap::export_svg(*result.document));
    if (!from_svg.ok() || !(*from_svg.document == *result.document)) fail("the SVG export does not re-open the same map", from_svg);
    const ecomap::ImportResult from_csv = ecomap::import_document(ecomap::export_csv_entities(ecomap::hide_names(*result.document)));
    if (!from_csv.ok()) fail("the entities table does not re-open", from_csv);
    if (from_csv.document->entities.size() != result.document->entities.size()) fail("the entities table lost rows", from_csv);
    return 0;
}
