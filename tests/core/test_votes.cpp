// Dot votes (formatVersion 2): the file format, the migration from version 1, restore
// rules, the commands, merge and analysis.
#include "core/analysis.hpp"
#include "core/commands.hpp"
#include "core/framework.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/limits.hpp"
#include "core/merge.hpp"

#include "edit_test_support.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace ecomap;
using ecomap::test::counting_clock;
using ecomap::test::small_document;

namespace {

bool has_warning(const ImportResult& result, const std::string& path, const std::string& says) {
    return std::any_of(result.warnings.begin(), result.warnings.end(), [&](const ImportWarning& warning) {
        return warning.path == path && warning.message.find(says) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("the version 2 fixture loads its votes without warnings", "[votes][import][fixtures]") {
    const ImportResult result = import_document(testing::read_fixture("v2/workshop.json"));
    REQUIRE(result.ok());
    CHECK(result.warnings.empty());
    CHECK(result.source_version == 2);
    const std::map<std::string, int> expected = {
        {"disruptors", 4}, {"frontline-responders", 6}, {"healers", 3}, {"weavers", 1}};
    CHECK(result.document->votes == expected);
    CHECK(result.document->votes_for("healers") == 3);
    CHECK(result.document->votes_for("guides") == 0);
}

TEST_CASE("a version 1 map migrates to version 2 without votes", "[votes][import][migrate]") {
    const ImportResult v1 = import_document(testing::read_fixture("v1/workshop.json"));
    REQUIRE(v1.ok());
    CHECK(v1.source_version == 1);
    CHECK(v1.warnings.empty());
    CHECK(v1.document->votes.empty());
    // The same map as version 2 differs only in its votes.
    Document v2 = *import_document(testing::read_fixture("v2/workshop.json")).document;
    v2.votes.clear();
    CHECK(v2 == *v1.document);
    // Exported, it is a version 2 file with an empty "votes".
    const std::string text = export_json(*v1.document);
    CHECK(text.find("\"formatVersion\": 2,") != std::string::npos);
    CHECK(text.find("\"votes\": {}") != std::string::npos);
}

TEST_CASE("votes in a version 1 file are not read", "[votes][import][migrate]") {
    const std::string file = R"({"format": "ecomap", "formatVersion": 1, "votes": {"weavers": 3}})";
    const ImportResult result = import_document(file);
    REQUIRE(result.ok());
    CHECK(result.document->votes.empty());
    CHECK(has_warning(result, "/votes", "a version 1 map has no votes"));
}

TEST_CASE("damaged votes are repaired one by one", "[votes][import][restore]") {
    const ImportResult result = import_document(testing::read_fixture("v2/votes-repairable.json"));
    REQUIRE(result.ok());
    CHECK(check_invariants(*result.document).empty());
    const std::map<std::string, int> expected = {{"guides", kMaxVotesPerRole}, {"visionaries", 7}, {"weavers", 3}};
    CHECK(result.document->votes == expected);
    CHECK(has_warning(result, "/votes/astronauts", "no role \"astronauts\" in this map's framework"));
    CHECK(has_warning(result, "/votes/healers", "a negative number of votes (-2); counted as 0"));
    CHECK(has_warning(result, "/votes/guides", "more than 100000 votes; cut to 100000"));
    CHECK(has_warning(result, "/votes/builders", "expected a whole number of votes, found 2.5; dropped"));
    CHECK(has_warning(result, "/votes/caregivers", "expected a whole number of votes, found text; dropped"));
    CHECK(result.warnings.size() == 5);  // a zero count is simply no votes

    const ImportResult huge = import_document(
        R"({"format": "ecomap", "formatVersion": 2, "votes": {"weavers": 18446744073709551615, "guides": -9223372036854775808}})");
    REQUIRE(huge.ok());
    CHECK(huge.document->votes == std::map<std::string, int>{{"weavers", kMaxVotesPerRole}});

    const ImportResult not_object = import_document(R"({"format": "ecomap", "formatVersion": 2, "votes": [1, 2]})");
    REQUIRE(not_object.ok());
    CHECK(has_warning(not_object, "/votes", "expected an object, found a list; ignored"));
}

TEST_CASE("export writes votes after reflections, sorted by role id", "[votes][export]") {
    Document document = small_document();
    document.votes = {{"weavers", 2}, {"builders", 5}, {"healers", 1}};
    const std::string text = export_json(document);
    const auto reflections = text.find("\"reflections\"");
    const auto votes = text.find("\"votes\": {\n    \"builders\": 5,\n    \"healers\": 1,\n    \"weavers\": 2\n  }\n}");
    REQUIRE(votes != std::string::npos);
    CHECK(reflections < votes);
    const ImportResult again = import_document(text);
    REQUIRE(again.ok());
    CHECK(again.document->votes == document.votes);
}

TEST_CASE("check_invariants rejects votes on unknown roles and bad counts", "[votes][invariants]") {
    Document document = small_document();
    document.votes = {{"astronauts", 1}, {"weavers", 0}, {"healers", kMaxVotesPerRole + 1}};
    const std::vector<std::string> problems = check_invariants(document);
    CHECK(std::count(problems.begin(), problems.end(), "/votes/astronauts: no role \"astronauts\"") == 1);
    CHECK(std::count(problems.begin(), problems.end(), "/votes/weavers: vote count 0 is not from 1 to 100000") == 1);
    CHECK(std::count(problems.begin(), problems.end(), "/votes/healers: vote count 100001 is not from 1 to 100000") == 1);
}

TEST_CASE("add_vote and clear_votes are undoable commands", "[votes][commands]") {
    History history(small_document(), counting_clock());
    REQUIRE(history.apply(add_vote("healers", 1)));
    REQUIRE(history.apply(add_vote("healers", 2)));
    REQUIRE(history.apply(add_vote("weavers", 1)));
    CHECK(history.document().votes == std::map<std::string, int>{{"healers", 3}, {"weavers", 1}});
    CHECK(history.undo_label() == "Add vote");

    REQUIRE(history.apply(add_vote("healers", -5)));  // never below 0: the entry goes
    CHECK(history.document().votes == std::map<std::string, int>{{"weavers", 1}});
    CHECK(history.undo_label() == "Remove vote");
    REQUIRE(history.undo());
    CHECK(history.document().votes_for("healers") == 3);

    REQUIRE(history.apply(clear_votes()));
    CHECK(history.document().votes.empty());
    CHECK(history.undo_label() == "Clear votes");
    REQUIRE(history.undo());
    CHECK(history.document().votes == std::map<std::string, int>{{"healers", 3}, {"weavers", 1}});
    REQUIRE(history.redo());
    CHECK(history.document().votes.empty());

    const ApplyResult nothing = history.apply(add_vote("weavers", -1));  // already 0: accepted, no change
    CHECK(nothing.ok);
    CHECK_FALSE(nothing.changed);
    CHECK(check_invariants(history.document()).empty());
}

TEST_CASE("add_vote refuses unknown roles and counts past the limit", "[votes][commands]") {
    History history(small_document(), counting_clock());
    const std::uint64_t revision = history.revision();
    ApplyResult result = history.apply(add_vote("astronauts", 1));
    CHECK_FALSE(result.ok);
    CHECK(result.error == "the framework has no role \"astronauts\"");
    REQUIRE(history.apply(add_vote("guides", kMaxVotesPerRole)));
    result = history.apply(add_vote("guides", 1));
    CHECK_FALSE(result.ok);
    CHECK(result.error == "a role holds at most 100000 votes");
    CHECK(history.document().votes_for("guides") == kMaxVotesPerRole);
    CHECK(history.revision() == revision + 1);
}

TEST_CASE("replace_document carries the votes and undoes them", "[votes][commands]") {
    Document before = small_document();
    before.votes = {{"weavers", 2}};
    Document after = small_document();
    after.votes = {{"healers", 4}};
    History history(before, counting_clock());
    REQUIRE(history.apply(replace_document(after, "Open map")));
    CHECK(history.document().votes == after.votes);
    REQUIRE(history.undo());
    CHECK(history.document().votes == before.votes);
}

TEST_CASE("merge sums votes per role and drops votes on unknown roles", "[votes][merge]") {
    Document base = small_document();
    base.votes = {{"healers", 2}};
    Document a = small_document();
    a.meta.title = "A";
    a.votes = {{"healers", 3}, {"guides", 1}};
    Document b = small_document();
    b.meta.title = "B";
    b.framework.roles.push_back({"astronauts", "Astronauts", "", "#000000"});
    b.votes = {{"guides", kMaxVotesPerRole}, {"astronauts", 4}};
    const MergeResult merged = merge_documents(base, {{"a.json", a}, {"b.json", b}});
    CHECK(merged.document.votes == std::map<std::string, int>{{"guides", kMaxVotesPerRole}, {"healers", 5}});
    const auto& warnings = merged.report.warnings;
    CHECK(std::count(warnings.begin(), warnings.end(), "the votes on guides were cut to 100000") == 1);
    CHECK(std::count(warnings.begin(), warnings.end(), "B: 4 vote(s) on unknown roles dropped") == 1);
}

TEST_CASE("analysis reports the votes per role", "[votes][analysis]") {
    Document document = small_document();
    document.votes = {{"healers", 4}, {"disruptors", 1}};
    const Analysis analysis = analyse(document);
    const int healers = document.framework.role_index("healers");
    const int disruptors = document.framework.role_index("disruptors");
    CHECK(analysis.roles[static_cast<std::size_t>(healers)].votes == 4);
    CHECK(analysis.roles[static_cast<std::size_t>(disruptors)].votes == 1);
    CHECK(analysis.roles[0].votes == 0);
    CHECK(analysis.votes == 5);
}
