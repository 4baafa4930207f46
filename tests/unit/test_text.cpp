#include "rolo/text.hpp"

#include <doctest/doctest.h>

using namespace rolo;
using namespace std::literals;

TEST_CASE("fold ignores case and Latin accents") {
    CHECK(fold("Zoë Ångström") == "zoe angstrom");
    CHECK(fold("JOSÉ Núñez") == "jose nunez");
    CHECK(fold("Łukasz Żółć") == "lukasz zolc");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("Jose\xCC\x81") == "jose");  // decomposed é: combining mark dropped
    CHECK(fold("李小龙") == "李小龙");        // other scripts pass through
    CHECK(fold("\xff\xfe") == "\xff\xfe");  // invalid bytes are kept, not lost
}

TEST_CASE("utf-8 validation") {
    CHECK(valid_utf8("plain"));
    CHECK(valid_utf8("Zoë 🙂 عربي"));
    CHECK_FALSE(valid_utf8("\xc3"));
    CHECK_FALSE(valid_utf8("\xc0\xaf"));          // overlong
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
    // Long ASCII runs are checked a word at a time: a bad byte anywhere after one still counts.
    CHECK(valid_utf8("https://www.linkedin.com/in/zoë-ångström"));
    CHECK_FALSE(valid_utf8("0123456789abcdef\xff"));
    CHECK_FALSE(valid_utf8("01234567\xc3"));
    CHECK_FALSE(valid_utf8("0123456\xff" "89abcdef"));
    CHECK_FALSE(valid_utf8("0123456789\xed\xa0\x80xyzxyzxyz"));
}

TEST_CASE("display width and code points") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("Zoë") == 3);
    CHECK(display_width("李小龙") == 6);
    CHECK(display_width("🙂") == 2);
    CHECK(code_points("Zoë🙂") == 4);
}

TEST_CASE("LinkedIn URLs compare by their profile path") {
    CHECK(linkedin_key("https://www.linkedin.com/in/Janet-M/") == "linkedin.com/in/janet-m");
    CHECK(linkedin_key("linkedin.com/in/janet-m?trk=x") == "linkedin.com/in/janet-m");
    CHECK(looks_like_linkedin_url("http://linkedin.com/in/x"));
    CHECK_FALSE(looks_like_linkedin_url("janet@example.com"));
}

TEST_CASE("split and join round trip") {
    CHECK(split("a;b;;c", ';') == std::vector<std::string>{"a", "b", "", "c"});
    CHECK(join({"a", "b"}, ", ") == "a, b");
    CHECK(trim("  x y \n") == "x y");
}

TEST_CASE("terminal_text escapes every control a terminal would obey") {
    CHECK(terminal_text("Zoë 🙂 李\tok\n") == "Zoë 🙂 李\tok\n");
    CHECK(terminal_text("Ann\x1b]0;pwned\x07") == "Ann\\x1b]0;pwned\\x07");  // OSC: retitle the window
    CHECK(terminal_text("a\x1b[2Jb") == "a\\x1b[2Jb");                      // CSI: clear the screen
    CHECK(terminal_text("del\x7f") == "del\\x7f");
    CHECK(terminal_text("c1\xc2\x9b" "31m") == "c1\\u009b31m");  // U+009B, the 8-bit CSI
    CHECK(terminal_text("nul\0x"sv) == "nul\\x00x");
    CHECK(terminal_text("bad\xff\xc3") == "bad\\xff\\xc3");
    CHECK(terminal_text("over\rwrite") == "over\\x0dwrite");
    CHECK(terminal_text("crlf\r\nline") == "crlf\nline");
    CHECK(terminal_text("a\tb\r\nc", true) == "a b  c");
    CHECK(terminal_text(terminal_text("x\x1b\xc2\x85")) == terminal_text("x\x1b\xc2\x85"));
}

TEST_CASE("unfinished_utf8 finds a sequence cut at the end") {
    CHECK(unfinished_utf8("abc") == 0);
    CHECK(unfinished_utf8("ab\xc2") == 1);
    CHECK(unfinished_utf8("ab\xe2\x82") == 2);
    CHECK(unfinished_utf8("ab\xe2\x82\xac") == 0);
    CHECK(unfinished_utf8("\xf0\x9f\x99") == 3);
    CHECK(unfinished_utf8("") == 0);
}

TEST_CASE("fit_width cuts to terminal columns with an ellipsis") {
    CHECK(fit_width("Janet Mellor", 20) == "Janet Mellor");
    CHECK(fit_width("Janet Mellor", 12) == "Janet Mellor");
    CHECK(fit_width("Janet Mellor", 6) == "Janet…");
    CHECK(display_width(fit_width("Janet Mellor", 6)) == 6);
    CHECK(fit_width("李小龙李小龙", 6) == "李小…");  // a wide character does not straddle the edge
    CHECK(fit_width("ab🙂cd", 4) == "ab…");
    CHECK(fit_width("Zoë Ångström", 5) == "Zoë…");
    CHECK(fit_width("abc", 0).empty());
}

TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("due", "due") == 0);
    CHECK(edit_distance("dua", "due") == 1);
    CHECK(edit_distance("shwo", "show") == 2);
    CHECK(edit_distance("--tga", "--tag") == 2);
    CHECK(edit_distance("", "ls") == 2);
}
