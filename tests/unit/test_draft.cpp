#include "testing.hpp"
#include "rolo/draft.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/lint.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rolo;

namespace {

const std::filesystem::path data = ROLO_SOURCE_DATADIR;

std::filesystem::path write_template(const std::string& text) {
    auto path = std::filesystem::temp_directory_path() / "rolo-test-template.toml";
    std::ofstream(path) << text;
    return path;
}

Template shipped(const std::string& kind) { return load_template(data / "templates" / (kind + ".toml")); }

Config config_with_me() {
    Config config;
    config.me = {"Ada Lovelace", "ada@example.com", "Ada"};
    config.connect_limit = 200;
    return config;
}

struct Logged {
    const char* kind;
    const char* on;
    const char* summary;
    const char* topic = "";
    bool in = false;
};

// One person as a user might have recorded them: sparse or rich, in
// shorthand and the third person, with names of every shape.
struct Person {
    const char* name;
    const char* met_at = "";
    const char* met_on = "";
    const char* interests = "";
    const char* title = "";
    const char* company = "";
    const char* notes = "";
    const char* connected_on = "2026-11-20";  // "" with connected: connected, date unknown
    bool connected = true;
    std::vector<Logged> history = {};
    const char* call = "";
};

const std::vector<Person>& corpus() {
    static const std::vector<Person> people = {
        {"Janet Mellor", "BNI breakfast, Leeds", "2026-09-02", "sailing and family businesses", "Managing Partner",
         "Mellor & Co", "", "2026-09-02", true,
         {{"coffee", "2026-11-10", "coffee at Stage Door; she is hiring a COO, asked for names", "your search for a COO"},
          {"meeting", "2026-10-21", "BNI breakfast, passed her a referral"}}},
        {"Tomás Ortega", "LinkedIn, after his post on pricing", "2026-05-10", "", "Sales Director", "Acme", "",
         "2026-05-10", true, {{"message", "2026-11-02", "quick check-in on the Q4 renewal"}}},
        {"Priya Raman", "PyData London, panel on data contracts", "2026-06-14", "", "Head of Data", "Northwind", "",
         "2026-06-20", true, {{"call", "2026-10-01", "call about data contracts", "the data contracts rollout"}}},
        {"Zoë Ångström", "Web Summit 2025", "2025-11-12", "climate data, trail running", "", "Fjord Analytics", "", "",
         false, {{"invite", "2026-11-18", "sent connection request with a note about her talk"}}},
        {"Dr. Smith", "the AWS booth at re:Invent", "2026-11-19", "", "", "", "", "2026-11-21"},
        {"Prof. Ana Lima", "at the AWS booth", "2026-11-18", "distributed systems", "Professor", "USP"},
        {"J. Smith", "PyData Berlin", "2026-11-15", "dbt"},
        {"Smith, John", "through Janet at her BBQ", "2026-11-01", "golf, his kids"},
        {"jkowalski-88c1", "", "", "", "", "", "", "2026-11-22"},
        {"kevin", "Rust meetup", "2026-11-19", "async Rust"},
        {"KASIA NOWAK", "Kraków Rust meetup", "2026-11-19", "async cancellation", "", "", "", "2026-11-20", true, {},
         "Kasia"},
        {"Li Wei", "call w/ Li - he may move next yr", "2026-10-01", "", "", "", "he may move", "2026-10-02", true,
         {{"call", "2026-10-01", "call w/ Li - he may move next yr"}}},
        {"王小明", "深圳 meetup", "2026-11-10"},
        {"Ann Lee, PhD", "Marketo Summit, San Francisco", "2026-11-05", "data contracts, dbt, mentoring junior analysts, and…",
         "Staff Engineer", "Stripe"},
        {"Ben Ode", "", "", "", "", "", "talked re: Q4 renewal", "", true,
         {{"email", "2026-11-23", "Thank you for your time", "", true}}},
        {"Carla Diaz", "coffee with Sam", "2026-11-12", "wrote about pricing; Rust.", "CTO", "Acme", "", "2026-11-13",
         true, {{"coffee", "2026-12-01", "lunch planned for next week"}}},
        {"Dev Patel", "", "", "", "", "", "", "2025-01-10", true,
         {{"meeting", "2025-06-01", "kid just started uni", "your move to Lisbon"}}},
        {"Eva Novak", "Janet's BBQ", "2026-11-20", "", "", "", "", "", false},
        {"Farid Haddad", "met at PyData.", "2026-11-23", "MLOps, feature stores", "ML Lead", "Bolt"},
        {"Greta Berg", "", "", "", "", "", "", "2026-08-01", true,
         {{"intro", "2026-11-01", "asked for an introduction to Clive"}}},
        {"Hana Sato", "she was on the panel", "2026-11-20", "his kids", "", "", "", "2026-11-22"},
        {"Ivan Petrov", "via Janet", "2026-11-10", "chess, open source", "Founder", "Petrov Labs", "", "2026-11-11",
         true, {{"meeting", "2026-11-17", "lunch at Dishoom; he wants an intro to a VC", "your seed round"}}},
        {"Julia Roberts", "", "", "", "", "", "", "", true,
         {{"call", "2026-11-21", "call re: pricing, he->me", "", true}}},
        {"Karl Weber", "AWS booth", "2026-11-23", "", "", "", "", "", false},
        {"Lena Fischer", "Web Summit", "2026-11-10", "climate tech, carbon markets", "Partner", "Green Fund", "",
         "2026-11-12", true, {{"coffee", "2026-11-20", "coffee", "the fund's first close"}}},
        {"Mateo Rossi", "", "", "ski touring", "", "", "", "2026-03-01", true,
         {{"message", "2026-04-01", "msg"}, {"note", "2026-11-01", "he got promoted"}}},
        {"Nina Kowalczyk", "Product Camp", "2026-11-21", "product discovery", "PM", "Allegro", "", "2026-11-23"},
        {"Omar Farouk", "Twitter", "2026-11-20", "observability"},
        {"Paula Costa", "", "", "", "Head of Sales", "Shopify", "", "2026-11-01", true,
         {{"meeting", "2026-11-18", "demo'd our product, she liked it", "your team's onboarding"}}},
        {"Quentin Blake", "a dinner party", "2026-11-14", "illustration"},
        {"Rosa Parks", "the climate hackathon", "2026-11-16", "", "", "", "", "2026-11-17", true,
         {{"event", "2026-11-16", "hackathon, won 2nd"}}},
        {"Sven Larsen", "", "", "", "VP Engineering", "Spotify", "", "2026-06-01", true,
         {{"email", "2026-09-15", "sent him the article", "your platform migration"}}},
        {"Tara O'Neill", "Dublin Tech Summit", "2026-11-19", "developer relations, community", "DevRel Lead",
         "Intercom", "", "2026-11-22"},
        {"Uma Iyer", "SaaStr Annual", "2026-09-10", "pricing, packaging", "", "", "", "2026-09-11", true,
         {{"coffee", "2026-09-12", "coffee; she's raising", "your raise"}}},
        {"Victor Hugo", "", "", "", "", "", "", "", false},
        {"Wanda Maximoff", "the Kubernetes meetup", "2026-11-24", "", "SRE", "Red Hat", "", "", false},
        {"Xavier Dolan", "LinkedIn", "2026-11-01", "film, storytelling", "", "", "", "2026-11-02"},
        {"Yuki Tanaka", "Tokyo AI Night", "2026-10-20", "LLM evaluation", "Researcher", "Sakana", "", "2026-10-21",
         true, {{"call", "2026-10-25", "call, great chat", "your eval benchmark"}}},
        {"Zane Moore", "", "", "", "", "", "", "2024-02-01", true, {}},
        {"Ada Okafor", "coffee at Monmouth", "2026-11-19", "fintech in Lagos", "COO", "Paystack", "", "2026-11-20", true,
         {{"coffee", "2026-11-19", "coffee; owes me an intro to Tunde"}}},
        {"Bruno Mars", "", "", "", "", "", "", "", true, {{"note", "2026-11-20", "he is a musician"}}},
        {"Chen Jing", "QCon Shanghai", "2026-10-01", "stream processing", "", "", "", "2026-10-02"},
        {"Dmitri Volkov", "ICML", "2026-07-20", "RL, robotics", "", "", "", "2026-07-21", true,
         {{"meeting", "2026-07-22", "poster session chat", "your robotics lab"}}},
        {"Elif Şahin", "Istanbul Product Week", "2026-11-12", "UX research", "Designer", "Getir", "", "2026-11-13"},
        {"Femi Adeyemi", "", "", "Afrobeats, fintech", "Founder", "Kuda", "", "", true,
         {{"message", "2026-02-01", "DM about his startup", "Kuda's expansion"}}},
        {"Gianna Ricci", "Milan Design Week", "2026-04-10", "", "", "", "", "2026-04-11", true,
         {{"coffee", "2026-05-01", "espresso", "the studio move"}}},
        {"Hugo Lloris", "the Paris meetup", "2026-11-20", "", "Goalkeeping coach", "", "", "2026-11-21"},
        {"Irene Adler", "", "", "puzzles", "", "", "", "2026-11-23"},
        {"Jon Snow", "the Wall", "2026-11-02", "", "", "", "", "", false},
        {"Kofi Mensah", "AfricArena", "2026-10-10", "VC, Ghana", "", "", "", "2026-10-11", true,
         {{"call", "2026-11-20", "call"}}},
        {"Laura Palmer", "", "", "", "", "", "", "", true,
         {{"email", "2026-12-10", "email planned", "your book"}}},
        {"Miguel Ángel", "Madrid JS", "2026-11-18", "JavaScript, Vue", "", "", "", "2026-11-19"},
        {"Noor Hassan", "Dubai AI week", "2026-11-15", "Arabic NLP", "Lead Scientist", "G42", "", "2026-11-16", true,
         {{"intro", "2026-11-16", "introduced to Clive Smith"}}},
        {"Olga Ivanova", "", "", "", "", "", "", "2025-11-01", true,
         {{"coffee", "2025-11-05", "coffee", "your PhD defense"}}},
        {"Pedro Alves", "Lisbon Web Summit", "2026-11-13", "Elixir", "Engineer", "Remote", "", "2026-11-14"},
        {"Qi Zhang", "KubeCon", "2026-11-12", "eBPF", "", "", "", "", false},
        {"Rahul Gupta", "", "", "cricket, SaaS metrics", "CFO", "Freshworks", "", "2026-06-01", true,
         {{"meeting", "2026-10-15", "board prep mtg", "your Q3 board deck"}}},
        {"Sara Lind", "Nordic.js", "2026-11-21", "accessibility", "", "", "", "2026-11-22", true, {},
         ""},
        {"Tom Hardy", "through Priya", "2026-11-19", "", "", "", "", "2026-11-20"},
        {"Ulla Berg", "", "", "", "", "", "", "2026-11-24"},
        {"Viktor Orban", "Budapest Startup Night", "2026-11-11", "hardware startups", "", "", "", "2026-11-12", true,
         {{"message", "2026-11-12", "thanks for connecting msg", "", true}}},
    };
    return people;
}

std::int64_t add(Store& store, const Person& p) {
    Contact c;
    c.name = p.name;
    c.call_name = p.call;
    c.met_at = p.met_at;
    if (*p.met_on) c.met_on = day(p.met_on);
    c.interests = p.interests;
    c.title = p.title;
    c.company = p.company;
    c.notes = p.notes;
    c.connected = p.connected;
    if (*p.connected_on) c.connected_on = day(p.connected_on);
    insert_contact(store, c, today);
    for (const auto& l : p.history) {
        Interaction i{.contact_id = c.id, .on = day(l.on), .kind = l.kind, .summary = l.summary};
        i.topic = l.topic;
        i.direction = l.in ? Direction::in : Direction::out;
        i.by_rolo = std::string_view(l.summary).starts_with("asked for an introduction") ||
                    std::string_view(l.summary).starts_with("introduced to");
        log_interaction(store, i, today);
    }
    return c.id;
}

// The person introductions are about: not connected, known by the others.
Contact add_clive(Store& store) {
    Contact clive;
    clive.name = "Clive Smith";
    clive.title = "CTO";
    clive.company = "Acme";
    clive.connected = false;
    insert_contact(store, clive, today);
    return clive;
}

// What a careful reader would refuse to send, as one line per problem.
std::vector<std::string> problems(const std::string& kind, const std::string& text, const Person& p,
                                  std::size_t connect_limit) {
    std::vector<std::string> found;
    auto add_problem = [&](const std::string& what) { found.push_back(what); };
    for (const auto& l : p.history)
        if (std::string_view(l.summary).size() >= 12 && text.find(l.summary) != std::string::npos)
            add_problem(fmt::format("quotes a private summary: '{}'", l.summary));
    if (*p.notes && text.find(p.notes) != std::string::npos) add_problem("quotes the notes");
    static const std::regex pronoun(R"(\b(he|she|him|his|hers|He|She|His)\b)");
    if (std::regex_search(text, pronoun) && text.find("through Janet at her BBQ") == std::string::npos)
        add_problem("speaks of the recipient in the third person");
    static const std::regex doubled(R"(\b(at|for|the|to|a|and|of|in|on|with)\s+\1\b)", std::regex::icase);
    if (std::regex_search(text, doubled)) add_problem("a doubled word");
    for (const char* bad : {"{", "}", "  ", " ,", ",,", "..", " .", ",.", "…", "w/", "re: ", "->", "\n\n\n"})
        if (text.find(bad) != std::string::npos) add_problem(fmt::format("contains '{}'", bad));
    static const std::regex greeting(R"(^(Hi [^\s,]+( [A-Z][^\s,]*)?,|Hello,))");
    if (!std::regex_search(text, greeting)) add_problem("greeting is not 'Hi Name,' or 'Hello,'");
    static const std::regex honorific_alone(R"(^Hi (Dr|Prof|Mr|Mrs|Ms)\.?,)");
    if (std::regex_search(text, honorific_alone)) add_problem("greets a title");
    static const std::regex lower_start(R"([.!?] [a-z])");
    if (std::regex_search(text, lower_start)) add_problem("a sentence starts in lower case");
    if (count_sentences(text) > 5) add_problem(fmt::format("{} sentences", count_sentences(text)));
    if (kind == "connect" && code_points(trim(text)) > connect_limit)
        add_problem(fmt::format("{} characters", code_points(trim(text))));
    if (kind != "connect" && !trim(text).ends_with("\n\nAda")) add_problem("no sign-off");
    return found;
}

}  // namespace

TEST_CASE("render uses the first wording whose fields are known, and drops a sentence with none") {
    Template tmpl;
    tmpl.greeting = {"Hi {first},", "Hello,"};
    tmpl.signoff = {"{me.signature}"};
    tmpl.sentences = {{"Good to meet you {met}.", "Good to meet you."}, {"How is {topic} going?"}, {"{about}"}};
    Fields fields{{"first", "Janet"}, {"me.signature", "Ada"}};
    Rendered r = render(tmpl, fields);
    CHECK(r.text == "Hi Janet,\n\nGood to meet you.\n\nAda\n");
    CHECK(r.missing == std::vector<std::string>{"met", "topic", "about"});
    CHECK_FALSE(r.has_detail);
    fields["met"] = "at PyData";
    fields["about"] = "here is the deck I mentioned";
    r = render(tmpl, fields);
    CHECK(r.text == "Hi Janet,\n\nGood to meet you at PyData. Here is the deck I mentioned.\n\nAda\n");
    CHECK(r.has_detail);
    fields.erase("first");
    CHECK(render(tmpl, fields).text.starts_with("Hello,\n\n"));
}

TEST_CASE("filling: no doubled word, no doubled punctuation, a note runs on after its greeting") {
    Template tmpl;
    tmpl.note = true;
    tmpl.greeting = {"Hi {first},"};
    tmpl.sentences = {{"It was good to meet you {met}."}, {"Thank you for {about}."}};
    Fields fields{{"first", "Tomasz"}, {"met", "at the Kraków Rust meetup."}, {"about", "for the tip!"}};
    CHECK(render(tmpl, fields).text == "Hi Tomasz, it was good to meet you at the Kraków Rust meetup. Thank you for the tip.\n");
}

TEST_CASE("a note over the limit steps down to shorter wordings, last sentence first") {
    Template tmpl;
    tmpl.note = true;
    tmpl.greeting = {"Hi {first},"};
    tmpl.sentences = {{"it was really very good to meet you {met}.", "good to meet you {met}."},
                      {"I would love to hear much more about {interests} some time.", "Let's stay in touch."}};
    Fields fields{{"first", "Ana"}, {"met", "at PyData"}, {"interests", "stream processing and Rust"}};
    std::string full = render(tmpl, fields).text;
    CHECK(full.find("hear much more") != std::string::npos);
    std::string shorter = render(tmpl, fields, full.size() - 5).text;
    CHECK(shorter == "Hi Ana, it was really very good to meet you at PyData. Let's stay in touch.\n");
    CHECK(render(tmpl, fields, 50).text == "Hi Ana, good to meet you at PyData. Let's stay in touch.\n");
}

TEST_CASE("templates: an unknown placeholder, a missing sentence or a directory is an error naming the file") {
    auto path = write_template("greeting = \"Hi {first},\"\n\n[[sentence]]\nsay = [\n  \"ok\",\n  \"about {interets}.\",\n]\n");
    CHECK_THROWS_WITH_AS(load_template(path),
                         doctest::Contains((path.string() + ":6: unknown placeholder {interets}").c_str()), Error);
    path = write_template("greeting = \"Hi {frist}\"\n[[sentence]]\nsay = \"x\"\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains(":1: unknown placeholder {frist}"), Error);
    path = write_template("greeting = \"Hi\"\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains(":1: a template needs at least one [[sentence]]"),
                         Error);
    path = write_template("[[sentence]]\nsay = [1]\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains(":2: say takes text"), Error);
    path = write_template("[[sentence]\n");
    CHECK_THROWS_WITH_AS(load_template(path), doctest::Contains((path.string() + ":1:").c_str()), Error);
    std::filesystem::remove(path);
    CHECK_THROWS_WITH_AS(load_template(std::filesystem::temp_directory_path()), doctest::Contains("is a directory"),
                         Error);
    for (const auto& kind : draft_kinds()) CHECK_NOTHROW(shipped(kind));
}

TEST_CASE("dates read as people say them") {
    CHECK(humanize_date(today, today) == "today");
    CHECK(humanize_date(day("2026-11-23"), today) == "yesterday");
    CHECK(humanize_date(day("2026-11-20"), today) == "last week");  // a Friday, seen from a Tuesday
    CHECK(humanize_date(day("2026-11-16"), today) == "last week");
    CHECK(humanize_date(day("2026-11-15"), today) == "earlier this month");
    CHECK(humanize_date(day("2026-11-26"), day("2026-11-28")) == "on Thursday");
    CHECK(humanize_date(day("2026-11-03"), today) == "earlier this month");
    CHECK(humanize_date(day("2026-03-10"), today) == "in March");
    CHECK(humanize_date(day("2025-03-10"), today) == "in March 2025");
    CHECK(humanize_date(day("2026-11-20"), day("2027-01-05")) == "in November");
    CHECK(humanize_date(day("2025-12-20"), today) == "in December 2025");  // this December is yet to come
}

TEST_CASE("the draft corpus: every draft to every person could be sent as it is") {
    Store store = Store::open_memory();
    Config config = config_with_me();
    std::vector<std::pair<std::int64_t, const Person*>> people;
    for (const auto& p : corpus()) people.emplace_back(add(store, p), &p);
    REQUIRE(people.size() >= 60);
    Contact clive = add_clive(store);
    auto pitch_words = read_word_list(data / "pitch-words.txt");
    int drafts = 0, refused = 0, clean = 0;
    // ROLO_DRAFT_DUMP=FILE writes every draft there, for reading them as their recipients would.
    const char* dump_path = std::getenv("ROLO_DRAFT_DUMP");
    std::ofstream dump;
    if (dump_path) dump.open(dump_path);
    for (const auto& [id, person] : people) {
        link(store, {id, clive.id, 3, "", std::nullopt});
        for (const auto& kind : draft_kinds()) {
            if (kind == "intro-follow-up") continue;  // needs a request: its own test
            DraftRequest request{.kind = kind, .who = std::to_string(id)};
            if (kind == "intro") request.to = std::to_string(clive.id);
            if (kind == "intro") request.about = "they both care about open data";
            if (kind == "thanks") request.about = "introducing me to Dana";
            if (kind == "intro-request")
                request = {.kind = kind, .who = std::to_string(clive.id), .via = std::to_string(id),
                           .about = "advice on licensing Rust crates"};
            CAPTURE(person->name);
            CAPTURE(kind);
            try {
                Draft draft = compose_draft(store, request, shipped(kind), config, today);
                ++drafts;
                auto found = problems(kind, draft.rendered.text, *person, 200);
                LintContext lint_context = lint_context_of(draft, config);
                lint_context.missing.clear();  // a sparse person's gaps are hints, checked elsewhere
                lint_context.pitch_words = pitch_words;
                for (const auto& finding : lint(draft.rendered.text, lint_context))
                    found.push_back(finding.rule + ": " + finding.message);
                CAPTURE(draft.rendered.text);
                if (dump_path)
                    dump << fmt::format("=== {} to {}\n{}{}\n", kind, person->name, draft.rendered.text,
                                        draft.hints.empty() ? "" : "[hints] " + join(draft.hints, " | ") + "\n");
                CHECK(found == std::vector<std::string>{});
                clean += found.empty();
            } catch (const Error& e) {
                if (dump_path) dump << fmt::format("=== {} to {}\n[refused] {}\n\n", kind, person->name, e.what());
                ++refused;  // a state rule: checked by the tests below
            }
        }
    }
    MESSAGE(fmt::format("{} drafts, {} sendable, {} refused by state rules", drafts, clean, refused));
    CHECK(drafts > 250);
}

TEST_CASE("what the user typed is never dropped") {
    Store store = Store::open_memory();
    Config config = config_with_me();
    auto sparse = add(store, {"Ben Ode", "", "", "", "CTO", "Acme"});
    Contact clive;
    clive.name = "Clive Smith";
    insert_contact(store, clive, today);
    for (const auto& kind : {"checkin", "thanks", "congrats", "intro"}) {
        CAPTURE(kind);
        DraftRequest request{.kind = kind, .who = std::to_string(sparse), .about = "the article on Arrow I mentioned"};
        if (std::string(kind) == "intro") request.to = std::to_string(clive.id);
        std::string text = compose_draft(store, request, shipped(kind), config, today).rendered.text;
        CHECK(text.find("article on Arrow") != std::string::npos);
    }
}

TEST_CASE("state rules: hello, connect, followup, checkin timing") {
    Store store = Store::open_memory();
    Config config = config_with_me();
    auto draft = [&](const char* kind, std::int64_t id) {
        return compose_draft(store, {.kind = kind, .who = std::to_string(id)}, shipped(kind), config, today);
    };
    auto pending = add(store, {"Karl Weber", "AWS booth", "2026-11-23", "", "", "", "", "", false});
    CHECK_THROWS_WITH_AS(draft("hello", pending), doctest::Contains("rolo draft connect"), Error);
    auto old = add(store, {"Zane Moore", "", "", "", "", "", "", "2024-02-01"});
    CHECK_THROWS_WITH_AS(draft("hello", old), doctest::Contains("rolo draft checkin"), Error);
    auto fresh = add(store, {"Nina Kowalczyk", "Product Camp", "2026-11-21", "product discovery", "PM", "Allegro", "",
                             "2026-11-23"});
    Draft hello = draft("hello", fresh);
    CHECK(hello.rendered.text.starts_with("Hi Nina,\n\nThanks for connecting, and it was good to meet you at Product "
                                          "Camp last week."));
    CHECK(hello.new_connection);
    CHECK_THROWS_WITH_AS(draft("connect", fresh), doctest::Contains("is already connected (since 2026-11-23)"), Error);
    CHECK(draft("connect", pending).warnings.empty());
    CHECK(draft("connect", pending).rendered.text == "Hi Karl, it was good to meet you at the AWS booth yesterday. I "
                                                     "would like to stay in touch.\n");

    auto future = add(store, {"Carla Diaz", "", "", "", "", "", "", "2026-11-13", true,
                              {{"coffee", "2026-12-01", "lunch planned"}}});
    CHECK_THROWS_WITH_AS(draft("followup", future), doctest::Contains("no meeting, coffee or call"), Error);
    auto met = add(store, {"Ivan Petrov", "", "", "", "", "", "", "2026-11-11", true,
                           {{"meeting", "2026-11-17", "lunch; he wants a VC", "your seed round"}}});
    CHECK(draft("followup", met).rendered.text ==
          "Hi Ivan,\n\nThank you for your time last week. I enjoyed our conversation about your seed round. Is there "
          "anything I can do to help on your side?\n\nAda\n");

    auto recent = add(store, {"Kofi Mensah", "", "", "", "", "", "", "2026-10-11", true, {{"call", "2026-11-20", "call"}}});
    // Four days after a call, with nothing to ask about, a check-in has nothing to say.
    CHECK_THROWS_WITH_AS(draft("checkin", recent), doctest::Contains("--topic"), Error);
    auto quiet = add(store, {"Olga Ivanova", "", "", "", "", "", "", "2025-11-01", true,
                             {{"coffee", "2025-11-05", "coffee", "your PhD defense"}}});
    CHECK(draft("checkin", quiet).rendered.text ==
          "Hi Olga,\n\nIt has been a while since our coffee in November 2025, and I was thinking of you. How are "
          "things going with your PhD defense? Would you be up for a coffee or a call in the next few weeks?\n\nAda\n");
    auto month = add(store, {"Sven Larsen", "", "", "", "", "", "", "2026-06-01", true,
                             {{"email", "2026-10-15", "sent him the article", "your platform migration"}}});
    CHECK(draft("checkin", month).rendered.text.find("I hope you have been well since we last spoke in October.") !=
          std::string::npos);
    // Nothing said since you met: the meeting is the last time you spoke, and
    // a meeting months ago is a while; a meeting this week is no timing at all.
    auto once = add(store, {"Nadia Perez", "PyData Berlin", "2026-10-20", "open-source geospatial tools", "", "", "",
                            "2026-10-20"});
    CHECK(draft("checkin", once).rendered.text.find("I hope you have been well since we met at PyData Berlin in "
                                                    "October.") != std::string::npos);
    auto long_ago = add(store, {"Ana Costa", "a friend's wedding", "2026-03-02", "", "", "", "", "2026-03-02"});
    CHECK(draft("checkin", long_ago).rendered.text.find("It has been a while since we met at a friend's wedding in "
                                                        "March, and I was thinking of you.") != std::string::npos);
    // Where you met is said to them: their barbecue is "your barbecue", and a
    // note that still speaks of them by name is not said at all.
    auto host = add(store, {"Carlos Ruiz", "Carlos's barbecue", "2026-07-04", "", "", "", "", "2026-07-04"});
    CHECK(draft("checkin", host).rendered.text.find("since we met at your barbecue in July") != std::string::npos);
    auto named = add(store, {"Mia Chen", "coffee with Mia and her team", "2026-08-01", "urban design", "", "", "",
                             "2026-08-01"});
    CHECK(draft("checkin", named).rendered.text.find("Mia and her team") == std::string::npos);
    // ...and the hint says why where you met went unsaid.
    auto named_hints = draft("checkin", named).hints;
    CHECK(std::any_of(named_hints.begin(), named_hints.end(),
                      [](const std::string& hint) { return hint.starts_with("met names them in the third person"); }));
    // Their first name inside another name is that name: Grace met at the
    // Grace Hopper Celebration; "with Jordan Friday" is still them.
    auto grace = add(store, {"Grace Chen", "the Grace Hopper Celebration", "2026-09-24", "", "", "", "", "2026-09-24"});
    CHECK(draft("checkin", grace).rendered.text.find("since we met at the Grace Hopper Celebration in September") !=
          std::string::npos);
    auto jordan = add(store, {"Jordan Pike", "drinks with Jordan Friday", "2026-09-25", "sailing", "", "", "",
                              "2026-09-25"});
    CHECK(draft("checkin", jordan).rendered.text.find("Jordan Friday") == std::string::npos);
    auto this_week = add(store, {"Lea Roth", "the Rust meetup", "2026-11-20", "embedded Rust", "", "", "", "2026-11-20"});
    CHECK(draft("checkin", this_week).rendered.text.find("since") == std::string::npos);
}

TEST_CASE("rolo knows too little: it says what to fill instead of sending something generic") {
    Store store = Store::open_memory();
    Config config = config_with_me();
    auto bare = add(store, {"Ben Ode", "", "", "", "", "", "", "", false});
    auto clive = add_clive(store);
    auto draft = [&](DraftRequest request) {
        return compose_draft(store, request, shipped(request.kind), config, today);
    };
    CHECK_THROWS_WITH_AS(draft({.kind = "connect", .who = "Ben"}), doctest::Contains("say where you met"), Error);
    CHECK_THROWS_WITH_AS(draft({.kind = "thanks", .who = "Ben"}), doctest::Contains("say what they did"), Error);
    CHECK_THROWS_WITH_AS(draft({.kind = "congrats", .who = "Ben"}), doctest::Contains("say what is new"), Error);
    CHECK(draft({.kind = "congrats", .who = "Ben", .about = "your new role at Stripe"}).rendered.text.find(
              "Congratulations on your new role at Stripe!") != std::string::npos);
    CHECK(draft({.kind = "thanks", .who = "Ben", .about = "you recommended me for the panel"}).rendered.text.find(
              "I wanted to thank you: you recommended me for the panel.") != std::string::npos);
    CHECK_THROWS_WITH_AS(draft({.kind = "intro", .who = "Ben", .to = "Clive"}), doctest::Contains("say why"), Error);
    CHECK_THROWS_WITH_AS(draft({.kind = "intro-request", .who = "Clive", .via = "Ben"}),
                         doctest::Contains("nothing says #1 Ben Ode knows #2 Clive Smith"), Error);
    link(store, {bare, clive.id, 3, "", std::nullopt});
    CHECK_THROWS_WITH_AS(draft({.kind = "intro-request", .who = "Clive", .via = "Ben"}), doctest::Contains("say why"),
                         Error);
    // --about is said to them: not about them.
    CHECK_THROWS_WITH_AS(draft({.kind = "thanks", .who = "Ben", .about = "he introduced me to Clive"}),
                         doctest::Contains("--about is said to #1 Ben Ode"), Error);
    CHECK_THROWS_WITH_AS(draft({.kind = "intro", .who = "Ben", .to = "Clive", .about = "Ben is hiring"}),
                         doctest::Contains("names Ben in the third person"), Error);
    CHECK(draft({.kind = "thanks", .who = "Ben", .about = "Thanks for the intro!"}).rendered.text.find(
              "Thank you for the intro.") != std::string::npos);
    // An invitation already sent, a meeting still to come.
    Interaction invite{.contact_id = bare, .on = day("2026-11-21"), .kind = "invite", .summary = "sent"};
    log_interaction(store, invite, today);
    CHECK_THROWS_WITH_AS(draft({.kind = "connect", .who = "Ben"}), doctest::Contains("it is pending"), Error);
    CHECK_THROWS_WITH_AS(draft({.kind = "checkin", .who = "Ben"}), doctest::Contains("it is pending"), Error);
    auto later = add(store, {"Dana Fox", "Devoxx", "2026-12-05", "Java", "", "", "", "", false});
    Draft future = draft({.kind = "connect", .who = "Dana"});
    CHECK(future.rendered.text.find("meet") == std::string::npos);
    CHECK_FALSE(future.warnings.empty());
    Interaction lunch{.contact_id = later, .on = day("2026-12-01"), .kind = "meeting", .summary = "lunch"};
    log_interaction(store, lunch, today);
    CHECK(draft({.kind = "checkin", .who = "Dana"}).rendered.text.find("I look forward to seeing you next week.") !=
          std::string::npos);
}

TEST_CASE("intro requests: the open request's reason, one follow-up after the wait, never two") {
    Store store = Store::open_memory();
    Config config = config_with_me();
    auto broker = add(store, {"Janet Mellor"});
    Contact target = add_clive(store);
    link(store, {broker, target.id, 4, "", std::nullopt});
    Contact janet = get_contact(store, broker);
    Date asked_on = day("2026-11-20");
    ask_for_intro(store, janet, target, "advice on licensing Rust crates", asked_on);
    CHECK_THROWS_WITH_AS(ask_for_intro(store, janet, target, "again", today), doctest::Contains("already asked"), Error);

    // Drafted the day it was asked (intro --ask --draft), with the request's reason.
    DraftRequest request{.kind = "intro-request", .who = "Clive", .via = "Janet"};
    Draft asked = compose_draft(store, request, shipped("intro-request"), config, asked_on);
    CHECK_THROWS_WITH_AS(compose_draft(store, request, shipped("intro-request"), config, today),
                         doctest::Contains("the one follow-up is rolo draft intro-follow-up"), Error);
    CHECK(asked.rendered.text.find("Would you be willing to introduce me to Clive Smith, CTO at Acme?") !=
          std::string::npos);
    CHECK(asked.rendered.text.find("I would like to meet Clive for advice on licensing Rust crates") !=
          std::string::npos);
    CHECK(asked.rendered.text.find("ada@example.com") != std::string::npos);
    CHECK(asked.rendered.text.find("no problem at all") != std::string::npos);
    CHECK(asked.rendered.text.find("asked for an introduction") == std::string::npos);

    auto follow = [&](Date on, DraftRequest r) { return compose_draft(store, r, shipped("intro-follow-up"), config, on); };
    DraftRequest by_broker{.kind = "intro-follow-up", .who = "Janet"};
    DraftRequest by_target{.kind = "intro-follow-up", .who = "Clive", .via = "Janet"};
    CHECK_THROWS_WITH_AS(follow(today, by_broker), doctest::Contains("too early: you asked on 2026-11-20; the one "
                                                                      "follow-up may be sent from 2026-11-27"),
                         Error);
    Date later = day("2026-11-28");
    Draft once = follow(later, by_target);
    CHECK(once.rendered.text.find("only follow-up") != std::string::npos);
    CHECK(once.rendered.text.find("Clive Smith") != std::string::npos);
    record_draft(store, once, later);
    CHECK_THROWS_WITH_AS(follow(later, by_broker), doctest::Contains("one follow-up is the most"), Error);
    auto rows = list_interactions(store, {.contact_id = broker});
    REQUIRE(rows.size() == 2);
    CHECK(rows.front().by_rolo);
    CHECK(rows.front().summary == "followed up on the introduction to Clive Smith");
}

TEST_CASE("--log records that a message was sent, never its text, and it is no conversation") {
    Store store = Store::open_memory();
    Config config = config_with_me();
    auto id = add(store, {"Olga Ivanova", "", "", "", "", "", "", "2025-11-01", true,
                          {{"coffee", "2025-11-05", "coffee", "your PhD defense"}}});
    Draft checkin = compose_draft(store, {.kind = "checkin", .who = "Olga"}, shipped("checkin"), config, today);
    record_draft(store, checkin, today);
    auto rows = list_interactions(store, {.contact_id = id});
    CHECK(rows.front().summary == "sent a check-in");
    CHECK(rows.front().kind == "message");
    CHECK(rows.front().by_rolo);
    // The next check-in still dates the last conversation from the coffee.
    Draft again = compose_draft(store, {.kind = "checkin", .who = "Olga"}, shipped("checkin"), config, today);
    CHECK(again.rendered.text.find("since our coffee in November 2025") != std::string::npos);
}
