#include "rolo/error.hpp"
#include "rolo/table.hpp"
#include "rolo/text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace rolo;

namespace {
Table sample() {
    Table table;
    table.columns = {"id", "name", "tags", "connected", "email"};
    table.add_row({std::int64_t{1}, std::string("O'Brien, \"Dana\""), std::vector<std::string>{"a", "b"}, true, Cell{}});
    table.add_row({std::int64_t{12}, std::string("tab\there\nnewline\\"), std::vector<std::string>{}, false,
                   std::string("x@example.com")});
    return table;
}
}  // namespace

TEST_CASE("tsv has a header and escapes tabs, newlines and backslashes") {
    CHECK(render(sample(), Format::tsv, false) ==
          "id\tname\ttags\tconnected\temail\n"
          "1\tO'Brien, \"Dana\"\ta;b\t1\t\n"
          "12\ttab\\there\\nnewline\\\\\t\t0\tx@example.com\n");
}

TEST_CASE("csv quotes per RFC 4180") {
    CHECK(render(sample(), Format::csv, false) ==
          "id,name,tags,connected,email\n"
          "1,\"O'Brien, \"\"Dana\"\"\",a;b,1,\n"
          "12,\"tab\there\nnewline\\\",,0,x@example.com\n");
    CHECK(csv_field(" padded") == "\" padded\"");
    CHECK(csv_field("plain") == "plain");
}

TEST_CASE("json keeps types and column order") {
    auto json = nlohmann::ordered_json::parse(render(sample(), Format::json, false));
    REQUIRE(json.size() == 2);
    CHECK(json[0]["id"] == 1);
    CHECK(json[0]["tags"] == nlohmann::json::array({"a", "b"}));
    CHECK(json[0]["connected"] == true);
    CHECK(json[0]["email"].is_null());
    CHECK(json[0].begin().key() == "id");
    CHECK(json[1]["name"] == "tab\there\nnewline\\");
    CHECK(render(Table{{"id"}, {}, {}}, Format::json, false) == "[]\n");
}

TEST_CASE("table aligns by display width, right-aligns numbers, colours only when asked") {
    Table table;
    table.columns = {"id", "name", "x"};
    table.add_row({std::int64_t{7}, std::string("Zoë"), std::string("a")});
    table.add_row({std::int64_t{12}, std::string("李"), std::string("b")}, Style::alert);
    CHECK(render(table, Format::table, false) ==
          "id  name  x\n"
          " 7  Zoë   a\n"
          "12  李    b\n");
    std::string colored = render(table, Format::table, true);
    CHECK(colored.find("\x1b[1m") != std::string::npos);
    CHECK(colored.find("\x1b[31m12") != std::string::npos);
}

TEST_CASE("-q prints the first column, formats are parsed strictly") {
    CHECK(render_ids(sample()) == "1\n12\n");
    CHECK(parse_format("json") == Format::json);
    CHECK_THROWS_AS(parse_format("yaml"), Error);
}

TEST_CASE("a table fits the terminal: droppable columns go first, then text is shortened") {
    Table table;
    table.columns = {"id", "name", "also", "detail"};
    table.droppable = {"also"};
    table.add_row({std::int64_t{7}, std::string("Zoë Ångström"), std::string("cadence"), std::string("call about the offsite")});
    CHECK(render(table, Format::table, false) ==
          "id  name          also     detail\n"
          " 7  Zoë Ångström  cadence  call about the offsite\n");
    CHECK(render(table, Format::table, false, 40) ==
          "id  name          detail\n"
          " 7  Zoë Ångström  call about the offsite\n");
    std::string narrow = render(table, Format::table, false, 30);
    CHECK(narrow == "id  name          detail\n"
                    " 7  Zoë Ångström  call about…\n");
    for (const auto& line : split(narrow, '\n')) CHECK(display_width(line) <= 30);
    // The machine formats keep every column.
    CHECK(render(table, Format::tsv, false, 30).starts_with("id\tname\talso\tdetail\n"));
}

TEST_CASE("a table prints flags as yes/no, the machine formats as 1/0 and true/false") {
    Table table;
    table.columns = {"id", "connected"};
    table.add_row({std::int64_t{1}, true});
    table.add_row({std::int64_t{2}, false});
    CHECK(render(table, Format::table, false) == "id  connected\n 1  yes\n 2  no\n");
    CHECK(render(table, Format::tsv, false) == "id\tconnected\n1\t1\n2\t0\n");
}

TEST_CASE("table: highlights are bold on a colour terminal, dropped without colour, escaped unless asked for") {
    Table table;
    table.columns = {"snippet", "n"};
    table.add_row({std::string("about \x02HL7\x03 now"), std::int64_t{1}});
    table.highlights = true;
    CHECK(render(table, Format::table, true).find("about \x1b[1mHL7\x1b[22m now  1\n") != std::string::npos);
    CHECK(render(table, Format::table, false) == "snippet        n\nabout HL7 now  1\n");
    table.highlights = false;
    CHECK(render(table, Format::table, false).find("about \\x02HL7\\x03 now") != std::string::npos);
}
