// export_json: the exact file layout, key order, encoding and purity.
#include "core/framework.hpp"
#include "core/io_json.hpp"

#include <catch2/catch.hpp>

using namespace ecomap;

namespace {

// A small document on a one-role framework, so the whole file fits in a test.
Document small_document() {
    Document document;
    document.meta = {"Café map", "2026-11-26T10:00:00Z", "2026-11-26T11:00:00Z"};
    document.framework.id = "mini";
    document.framework.name = "Mini";
    document.framework.attribution = {"Mini framework: us", "https://example.org"};
    document.framework.default_values = {"care"};
    document.framework.roles = {{"hosts", "Hosts", "Welcome people.", "#112233"}};
    document.framework.prompts = {{"next", 3, "What next?"}, {"again", 1, "Again?"}};
    document.centre = {{"care", "joy"}, "Good food"};
    document.entities = {{"e1", EntityKind::Organization, "Zoë's Kitchen", false, "Line 1\nLine 2", ""},
                         {"e2", EntityKind::Person, "", true, "", "Participant 2"}};
    document.placements = {{"p1", "e1", "hosts", Strength::Aspiring, Energy::Energizes, "at work", Vec2{1.5, -2}},
                           {"p2", "e2", "hosts", Strength::Primary, Energy::Unspecified, "", std::nullopt}};
    document.relationships = {{"r1", "e2", "e1", "member-of", "since 2024"}};
    document.reflections = {{"next", "Cook together."}, {"again", "Yes."}};
    document.votes = {{"hosts", 3}};
    return document;
}

}  // namespace

TEST_CASE("export writes the documented layout in a fixed key order", "[export]") {
    const std::string expected = R"({
  "format": "ecomap",
  "formatVersion": 2,
  "meta": {
    "title": "Café map",
    "created": "2026-11-26T10:00:00Z",
    "modified": "2026-11-26T11:00:00Z",
    "language": "en"
  },
  "framework": {
    "id": "mini",
    "name": "Mini",
    "attribution": {
      "text": "Mini framework: us",
      "url": "https://example.org"
    },
    "defaultValues": [
      "care"
    ],
    "defaultCause": "",
    "roles": [
      {
        "id": "hosts",
        "name": "Hosts",
        "color": "#112233",
        "description": "Welcome people."
      }
    ],
    "prompts": [
      {
        "id": "next",
        "step": 3,
        "text": "What next?"
      },
      {
        "id": "again",
        "step": 1,
        "text": "Again?"
      }
    ]
  },
  "centre": {
    "values": [
      "care",
      "joy"
    ],
    "cause": "Good food"
  },
  "entities": [
    {
      "id": "e1",
      "kind": "organization",
      "name": "Zoë's Kitchen",
      "anonymous": false,
      "notes": "Line 1\nLine 2",
      "source": ""
    },
    {
      "id": "e2",
      "kind": "person",
      "name": "",
      "anonymous": true,
      "notes": "",
      "source": "Participant 2"
    }
  ],
  "placements": [
    {
      "id": "p1",
      "entity": "e1",
      "role": "hosts",
      "strength": "aspiring",
      "energy": "energizes",
      "context": "at work",
      "position": {
        "x": 1.5,
        "y": -2.0
      }
    },
    {
      "id": "p2",
      "entity": "e2",
      "role": "hosts",
      "strength": "primary",
      "energy": "",
      "context": ""
    }
  ],
  "relationships": [
    {
      "id": "r1",
      "from": "e2",
      "to": "e1",
      "kind": "member-of",
      "label": "since 2024"
    }
  ],
  "reflections": {
    "again": "Yes.",
    "next": "Cook together."
  },
  "votes": {
    "hosts": 3
  }
}
)";
    CHECK(export_json(small_document()) == expected);
}

TEST_CASE("export of an empty map still writes every section", "[export]") {
    const std::string text = export_json(new_document(default_framework(), "2026-11-26T10:00:00Z"));
    for (const char* part : {"\"entities\": []", "\"placements\": []", "\"relationships\": []", "\"reflections\": {}",
                             "\"votes\": {}", "\"title\": \"Untitled map\""}) {
        INFO(part);
        CHECK(text.find(part) != std::string::npos);
    }
}

TEST_CASE("every export carries the framework's attribution", "[export]") {
    const std::string text = export_json(new_document(default_framework(), ""));
    CHECK(text.find("\"text\": \"Social Change Ecosystem Map framework: Deepa Iyer, Building Movement Project — "
                    "socialchangemap.com\"") != std::string::npos);
}

TEST_CASE("export escapes what JSON requires and keeps other text as UTF-8", "[export]") {
    Document document = new_document(default_framework(), "");
    document.meta.title = std::string("Quote \" backslash \\ tab \t nul ") + '\0' + " 🌱";
    const std::string text = export_json(document);
    CHECK(text.find(R"("title": "Quote \" backslash \\ tab \t nul \u0000 🌱")") != std::string::npos);
}

TEST_CASE("export never throws on text that is not UTF-8", "[export]") {
    Document document = new_document(default_framework(), "");
    document.meta.title = "bad \xff byte";
    std::string text;
    REQUIRE_NOTHROW(text = export_json(document));
    CHECK(text.find("\"title\": \"bad \xEF\xBF\xBD byte\"") != std::string::npos);  // U+FFFD
}

TEST_CASE("export is a pure function of the document", "[export]") {
    Document document = small_document();
    const std::string first = export_json(document);
    // Nothing is kept from one export to the next: another map in between changes nothing.
    const std::string other = export_json(new_document(default_framework(), "2026-11-26T10:00:00Z"));
    CHECK(other != first);
    CHECK(export_json(document) == first);
    CHECK(export_json(small_document()) == first);  // an equal document, built again
    // The file opens to the same document, which exports to the same bytes.
    const ImportResult reopened = import_document(first);
    REQUIRE(reopened.ok());
    CHECK(*reopened.document == document);
    CHECK(export_json(*reopened.document) == first);
    // And it depends on the document: any edit shows in the file.
    document.entities[0].notes += "!";
    CHECK(export_json(document) != first);
    document = small_document();
    document.votes["hosts"] = 4;
    CHECK(export_json(document) != first);
}
