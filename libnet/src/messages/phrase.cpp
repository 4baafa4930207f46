#include "rolo/phrase.hpp"

#include "rolo/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

#include <fmt/format.h>

namespace rolo {
namespace {

bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

// A word without the punctuation around it, lowercased: how it is compared.
std::string bare(std::string_view word) {
    auto edge = [](char c) { return std::ispunct(static_cast<unsigned char>(c)) && c != '/' && c != '-' && c != '>'; };
    while (!word.empty() && edge(word.front())) word.remove_prefix(1);
    while (!word.empty() && edge(word.back())) word.remove_suffix(1);
    return fold(word);
}

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

constexpr std::array<std::string_view, 8> third_person = {"he", "she", "him", "his", "her", "hers", "himself",
                                                          "herself"};
constexpr std::array<std::string_view, 23> shorthand = {
    "w/",  "w/o", "re:", "re", "b/c", "bc",  "asap", "fyi", "tbd", "eta", "->",  "=>",
    "mtg", "pls", "thx", "nxt", "yr", "todo", "nb",  "wrt", "imo", "afaik", "ping"};
// Words that start a note about someone rather than a topic: "wrote about X".
constexpr std::array<std::string_view, 30> note_verbs = {
    "wrote",  "writes", "posted", "posts",  "spoke",  "speaks", "talked", "talks",  "said",   "says",
    "mentioned", "asked", "wants", "likes",  "loves",  "is",     "was",    "has",    "had",    "runs",
    "ran",    "works",  "worked", "looking", "hiring", "plays",  "played", "met",    "knows",  "needs"};
constexpr std::array<std::string_view, 16> prepositions = {"at",   "in",   "on",   "through", "via", "during",
                                                           "after", "over", "from", "by",      "with", "near",
                                                           "before", "while", "when", "outside"};
constexpr std::array<std::string_view, 9> determiners = {"a", "an", "the", "our", "my", "your", "one", "that", "this"};
constexpr std::array<std::string_view, 6> meals = {"coffee", "lunch", "dinner", "breakfast", "drinks", "tea"};
constexpr std::array<std::string_view, 22> platforms = {
    "linkedin", "twitter",  "thread", "forum", "hn", "subreddit", "mastodon", "bluesky",    "github",  "slack",  "discord",   "reddit",
    "online",   "email",   "e-mail",  "newsletter", "podcast",  "blog",    "substack", "youtube", "medium",
    "internet"};
// Where a call or video meeting happens: you met, on it ("on Zoom", "on the phone").
constexpr std::array<std::string_view, 9> media = {"zoom",     "teams",    "skype",  "webex", "hangouts",
                                                   "facetime", "whatsapp", "phone",  "meet"};
constexpr std::array<std::string_view, 12> credentials = {"phd", "ph.d", "mba", "md",  "cpa", "cfa",
                                                          "jr",  "sr",   "ii",  "iii", "esq", "pe"};
constexpr std::array<std::string_view, 12> honorifics = {"dr",   "prof", "mr",  "mrs", "ms",     "mx",
                                                         "miss", "sir",  "dame", "rev", "professor", "doctor"};

// What people type for "nothing": never said.
constexpr std::array<std::string_view, 8> placeholders = {"etc", "n/a", "na", "none", "-", "?", "tbd", "..."};
// Relations, not places: "good to meet you at the ex-colleague" is no sentence.
constexpr std::array<std::string_view, 12> relations = {"colleague", "ex-colleague", "coworker", "co-worker",
                                                        "friend",    "neighbour",    "neighbor", "classmate",
                                                        "client",    "boss",         "cousin",   "family"};
constexpr std::array<std::string_view, 6> first_person = {"i", "me", "my", "mine", "our", "us"};
// Words that open a judgement of the person ("very private", "not into
// sports"): a topic never starts with a degree. "bit", "kind" and "sort" do
// only as "a bit shy", "bit of a talker", "kind of a perfectionist".
constexpr std::array<std::string_view, 9> degrees = {"kinda", "quite", "very",     "really", "rather",
                                                     "too",   "not",   "somewhat", "so"};
constexpr std::array<std::string_view, 3> measures = {"bit", "kind", "sort"};

bool judges_them(const std::vector<std::string>& list) {
    if (list.size() < 2) return false;
    std::string first = bare(list[0]), second = bare(list[1]);
    if (one_of(first, degrees)) return true;
    if (first == "a" && second == "bit" && list.size() > 2) return true;
    return one_of(first, measures) && second == "of";
}

// "OBSERVABILITY", "CLIMATE TECH": typed in capitals, not an acronym.
bool shouted(std::string_view text) {
    std::size_t letters = 0;
    for (char c : text) {
        if (is_lower(c)) return false;
        letters += is_upper(c);
    }
    return letters > 5;
}

bool ends_cut_off(std::string_view text) { return text.ends_with("...") || text.ends_with("\u2026"); }

std::string strip_end_punctuation(std::string_view text) {
    text = trim_view(text);
    while (!text.empty() && std::string_view(".,;:!?").find(text.back()) != std::string_view::npos)
        text.remove_suffix(1);
    return trim(text);
}

std::string capitalised(std::string word) {
    if (!word.empty() && is_lower(word[0])) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return word;
}

bool looks_like_handle(std::string_view word) {
    bool digit = std::any_of(word.begin(), word.end(), is_digit);
    // "xXcoderXx": a name does not start in lower case and then shout.
    if (is_lower(word.front()) && std::any_of(word.begin(), word.end(), is_upper)) return true;
    bool joined = word.find_first_of("_@") != std::string_view::npos || word.find(".") != std::string_view::npos;
    return digit || joined;
}

bool is_initial(std::string_view word) {
    return (word.size() == 2 && word[1] == '.') || (word.size() == 1 && is_upper(word[0]));
}

// "Bob, PhD" -> "Bob"; "Smith, John" -> "John Smith".
std::string without_credentials(std::string_view name) {
    std::string text = trim(name);
    auto comma = text.find(',');
    while (comma != std::string::npos) {
        std::string tail = trim(text.substr(comma + 1));
        auto tail_words = words(tail);
        bool all_credentials = !tail_words.empty() && std::all_of(tail_words.begin(), tail_words.end(), [](const auto& w) {
            return one_of(bare(w), credentials);
        });
        if (all_credentials) {
            text = trim(text.substr(0, comma));
        } else {
            if (!tail.empty()) text = tail + " " + trim(text.substr(0, comma));
            break;
        }
        comma = text.find(',');
    }
    auto list = words(text);
    while (list.size() > 1 && one_of(bare(list.back()), credentials)) list.pop_back();
    return join(list, " ");
}

}  // namespace

std::optional<std::string> unsayable(std::string_view text) {
    auto list = words(text);
    for (std::size_t i = 0; i < list.size(); ++i) {
        std::string word = bare(list[i]);
        if (one_of(word, shorthand) || one_of(fold(list[i]), shorthand))
            return fmt::format("reads as a note to yourself ('{}')", list[i]);
        if (!one_of(word, third_person)) continue;
        // "through Janet at her BBQ": the pronoun is the named go-between's.
        bool go_between = false;
        for (std::size_t j = 0; j + 1 < i; ++j) {
            std::string before = bare(list[j]);
            if ((before == "through" || before == "via" || before == "with") && is_upper(list[j + 1][0])) go_between = true;
        }
        if (!go_between)
            return fmt::format("reads as a note about them ('{}')", list[i]);
    }
    return std::nullopt;
}

GreetingName greeting_name(std::string_view name, std::string_view call_name) {
    if (!trim_view(call_name).empty()) return {trim(call_name), {}};
    auto list = words(without_credentials(name));
    if (list.empty()) return {};
    std::string problem;
    std::size_t titles = 0;
    while (titles < list.size() && one_of(bare(list[titles]), honorifics)) ++titles;
    if (titles > 0 && titles < list.size()) {
        // "Dr. Smith" and "Prof. Dr. Müller" are how they are addressed;
        // "Dr. Ana Lima" is Ana, and "Sir Tim Berners-Lee" Sir Tim.
        if (list.size() - titles == 1) return {join(list, " "), {}};
        std::string title = bare(list[titles - 1]);
        if (title == "sir" || title == "dame") return {list[titles - 1] + " " + list[titles], {}};
        list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(titles));
    }
    std::string first = list.front();
    // Names written without spaces (Chinese, Japanese, Korean) are said whole.
    if (list.size() == 1 && static_cast<unsigned char>(first[0]) >= 0x80) return {first, {}};
    if (is_initial(first))
        return {{}, fmt::format("'{}' starts with an initial; say what they are called with --call", name)};
    if (looks_like_handle(first))
        return {{}, fmt::format("'{}' looks like a handle, not a name; set the name with --name or --call", name)};
    if (std::all_of(first.begin(), first.end(), [](char c) { return !is_upper(c); }) && is_lower(first[0])) {
        problem = fmt::format("'{}' is lower-case; greeted as '{}': set --call if they write it so", name,
                              capitalised(first));
        first = capitalised(first);
    } else if (std::count_if(first.begin(), first.end(), is_upper) > 1 &&
               std::none_of(first.begin(), first.end(), is_lower)) {
        std::string lower = fold(first);
        problem = fmt::format("'{}' is in capitals; greeted as '{}'", name, capitalised(lower));
        first = capitalised(lower);
    }
    return {first, problem};
}

std::string spoken_name(std::string_view name) { return without_credentials(name); }

std::string join_list(const std::vector<std::string>& items) {
    if (items.empty()) return {};
    if (items.size() == 1) return items.front();
    std::vector<std::string> head(items.begin(), items.end() - 1);
    return join(head, ", ") + " and " + items.back();
}

std::string interests_phrase(std::string_view interests, std::size_t most) {
    // Items are separated by , ; / newlines and a final "and".
    std::vector<std::string> items;
    std::string current;
    for (char c : interests) {
        if (c == ',' || c == ';' || c == '\n') {
            items.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    items.push_back(current);
    std::vector<std::string> kept;
    for (auto& raw : items) {
        std::string item = trim(raw);
        if (item.starts_with("and ")) item = trim(item.substr(4));
        if (ends_cut_off(item)) continue;
        item = strip_end_punctuation(item);
        if (item.empty() || unsayable(item) || one_of(fold(item), placeholders)) continue;
        auto list = words(item);
        // "wrote about X" is a note; "talks" alone is a topic.
        if (list.size() > 1 && one_of(bare(list.front()), note_verbs)) continue;
        // What you think of them is no topic to raise with them.
        if (judges_them(list)) continue;
        // "we help companies like yours": your own line, not what they care about.
        if (std::any_of(list.begin(), list.end(), [](const auto& w) { return bare(w) == "we" || one_of(bare(w), first_person); }))
            continue;
        kept.push_back(shouted(item) ? fold(item) : item);
        if (kept.size() == most) break;
    }
    return join_list(kept);
}

std::optional<MetPhrase> met_phrase(std::string_view met_at) {
    std::string text = strip_end_punctuation(met_at);
    if (text.empty() || ends_cut_off(met_at)) return std::nullopt;
    // "BNI breakfast, Leeds" keeps its place; "PyData, he gave a talk" and
    // "PyData London, panel on X" keep only the event.
    std::string place;
    if (auto cut = text.find_first_of(",;("); cut != std::string::npos) {
        std::string tail = strip_end_punctuation(text.substr(cut + 1));
        if (text[cut] == ',' && !tail.empty() && is_upper(tail[0]) && words(tail).size() <= 3 && !unsayable(tail))
            place = " in " + tail;
        text = strip_end_punctuation(text.substr(0, cut));
    }
    if (text.empty() || unsayable(text)) return std::nullopt;
    auto list = words(text);
    // "my sister's wedding", "our neighbour's BBQ": an occasion someone held.
    auto possessive = [](std::string_view word) { return word.ends_with("'s") || word.ends_with("\u2019s"); };
    if (list.size() > 2 && (bare(list[0]) == "my" || bare(list[0]) == "our") && possessive(list[1]) &&
        !unsayable(text))
        return MetPhrase{"at " + join(list, " ") + place, true};
    // "my old team at Google", "ex-colleague": notes about you or the relation, not a place.
    if (std::any_of(list.begin(), list.end(), [](const auto& w) {
            return one_of(bare(w), first_person) || one_of(bare(w), relations);
        }))
        return std::nullopt;
    std::string first = bare(list.front());
    // "intro'd by Sam", "introduced by Sam", "referred by Sam": through Sam.
    if (list.size() > 2 && bare(list[1]) == "by" &&
        (first.starts_with("intro") || first == "referred" || first == "recommended"))
        return MetPhrase{"through " + join(std::vector<std::string>(list.begin() + 2, list.end()), " "), true};
    if (first == "met" || (first == "we" && list.size() > 1 && bare(list[1]) == "met")) {
        list.erase(list.begin(), list.begin() + (first == "met" ? 1 : 2));
        if (list.empty()) return std::nullopt;
        first = bare(list.front());
    }
    if (first == "via") list.front() = "through";
    auto platform = std::find_if(list.begin(), list.end(), [](const auto& w) { return one_of(bare(w), platforms); });
    std::string phrase = join(list, " ") + place;
    bool capital = is_upper(list.front()[0]) || is_digit(list.front()[0]);
    auto the = [&](const std::string& p) { return capital || one_of(first, determiners) ? p : "the " + p; };
    // "Hacker News thread", "Zoom call": a proper name before a common noun still takes "the".
    bool common_end = is_lower(list.back()[0]) && !one_of(first, determiners);
    // Not a meeting: say where you found each other. "LinkedIn" alone is on
    // LinkedIn; a community or group is "in" it.
    if (platform != list.end()) {
        if (one_of(first, prepositions)) return MetPhrase{phrase, false};
        bool group = std::any_of(list.begin(), list.end(), [](const auto& w) {
            std::string b = bare(w);
            return b == "community" || b == "group" || b == "channel" || b == "server" || b == "forum" ||
                   b == "thread";
        });
        if (group) return MetPhrase{"in " + (one_of(first, determiners) ? phrase : "the " + phrase), false};
        return MetPhrase{"on " + (common_end ? "the " + phrase : the(phrase)), false};
    }
    if (one_of(first, prepositions)) return MetPhrase{phrase, true};
    if (std::any_of(list.begin(), list.end(), [](const auto& w) { return one_of(bare(w), media); }))
        return MetPhrase{"on " + (common_end ? "the " + phrase : phrase), true};
    if (one_of(first, meals)) return MetPhrase{"over " + phrase, true};
    if (bare(list.back()) == "call") return MetPhrase{one_of(first, determiners) ? "on " + phrase : "on the " + phrase, true};
    bool proper_end = capital && (is_upper(list.back()[0]) || is_digit(list.back()[0]));
    if (one_of(first, determiners) || possessive(list.front()) || proper_end) return MetPhrase{"at " + phrase, true};
    return MetPhrase{"at the " + phrase, true};
}

std::string reason_phrase(std::string_view why, bool to_one_of_them) {
    std::string text = strip_end_punctuation(why);
    if (text.empty()) return {};
    auto list = words(text);
    std::string first = bare(list.front());
    if (first != "because" && first != "to" && first != "for" && first != "so") {
        constexpr std::array<std::string_view, 18> subjects = {"i",   "i'm", "i've", "i'd",  "we",    "we're",
                                                               "they", "you", "my",   "our",  "it",    "there",
                                                               "both", "their", "she", "he",  "she's", "he's"};
        constexpr std::array<std::string_view, 24> verbs = {
            "is",    "are",   "am",    "was",   "were",   "have",  "has",   "want",
            "need",  "work",  "care",  "share", "leads",  "runs",  "built", "builds",
            "knows", "works", "wrote", "writes", "started", "founded", "moved", "can"};
        constexpr std::array<std::string_view, 20> base_verbs = {
            "get",  "learn", "ask",   "discuss", "talk",  "explore", "understand", "hear",  "pick", "share",
            "find", "hire",  "sell",  "partner", "compare", "swap",  "meet",       "see",   "help", "invite"};
        bool clause = one_of(first, subjects) ||
                      std::any_of(list.begin(), list.end(), [&](const auto& w) { return one_of(bare(w), verbs); });
        // "They both care" -> "because they both care"; a name keeps its capital.
        if (clause && one_of(first, subjects) && first != "i" && !first.starts_with("i'"))
            list.front()[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(list.front()[0])));
        if (first == "both" && to_one_of_them && !(list.size() > 1 && bare(list[1]) == "of")) list.front() = "you both";
        // "pitch a film idea": a word before an article is a verb.
        bool verb_first = one_of(first, base_verbs) ||
                          (list.size() > 2 && !clause && is_lower(list.front()[0]) &&
                           (one_of(bare(list[1]), determiners) || bare(list[1]) == "some"));
        list.insert(list.begin(), verb_first ? "to" : clause ? "because" : "for");
    }
    for (auto& word : list)
        if (word == "i" || word.starts_with("i'")) word[0] = 'I';  // "i want to" typed fast
    text = join(list, " ");
    if (to_one_of_them) {
        for (auto [from, to] : {std::pair{"they both", "you both"}, std::pair{"both of them", "both of you"},
                                std::pair{"the two of them", "the two of you"}, std::pair{"their", "your"}}) {
            for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
                text.replace(at, std::string_view(from).size(), to);
        }
    }
    return text;
}

std::string about_sentence(std::string_view about, std::string_view noun_frame) {
    std::string text = strip_end_punctuation(about);
    auto list = words(text);
    if (list.empty()) return {};
    std::string first = bare(list.front());
    constexpr std::array<std::string_view, 18> clause_starts = {
        "i",    "i'm",      "i've",  "i'll", "i'd",   "we",   "here", "here's", "attached",
        "you",  "it",       "this",  "these", "that", "hope", "i'll", "there",  "please"};
    constexpr std::array<std::string_view, 16> bare_verbs = {"send",  "share", "introduce", "connect", "forward", "call",
                                                             "email", "check", "look",      "ping",    "write",   "book",
                                                             "put",   "get",   "follow",    "pass"};
    constexpr std::array<std::string_view, 12> past = {"sent",  "shared", "forwarded", "added", "attached", "wrote",
                                                       "found", "made",   "booked",    "put",   "passed",   "asked"};
    if (first == "to" && list.size() > 1) {
        list.erase(list.begin());
        text = join(list, " ");
        first = bare(list.front());
    }
    auto lowered = [&] {
        std::string out = text;
        if (out.size() > 1 && is_upper(out[0]) && is_lower(out[1]))
            out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
        return out;
    };
    constexpr std::array<std::string_view, 10> finite = {"is", "are", "was", "were", "has", "have", "will", "can",
                                                         "should", "might"};
    bool has_verb = std::any_of(list.begin() + 1, list.end(), [&](const auto& w) { return one_of(bare(w), finite); });
    if (one_of(first, clause_starts) || has_verb) return as_sentence(text);
    if (one_of(first, bare_verbs)) return as_sentence("I will " + lowered());
    if (one_of(first, past)) return as_sentence("I " + lowered());
    if (first.size() > 4 && first.ends_with("ing")) return as_sentence("I am " + lowered());
    // "an article I think you'd like" already says what they may think of it:
    // a frame that says so too ("I thought you might like {}") would repeat it.
    auto addresses_them = [](const auto& w) { return bare(w) == "you" || bare(w).starts_with("you'"); };
    auto frame = words(noun_frame);
    if (std::any_of(list.begin() + 1, list.end(), addresses_them) &&
        std::any_of(frame.begin(), frame.end(), addresses_them))
        return as_sentence("Here is " + fragment(text, ""));
    return as_sentence(fmt::format(fmt::runtime(noun_frame), fragment(text, "")));
}

bool names_a_job(std::string_view news) {
    constexpr std::array<std::string_view, 12> job_words = {"role",  "job",     "position", "promotion",
                                                            "as",    "joining", "joined",   "appointment",
                                                            "hired", "move",    "start",    "starting"};
    auto list = words(news);
    return std::any_of(list.begin(), list.end(), [&](const auto& w) { return one_of(bare(w), job_words); });
}

TopicForm topic_form(std::string_view topic) {
    auto list = words(topic);
    if (list.empty()) return TopicForm::none;
    std::string first = bare(list.front());
    constexpr std::array<std::string_view, 7> wh = {"how", "what", "whether", "if", "why", "when", "where"};
    constexpr std::array<std::string_view, 9> subjects = {"you", "i", "we", "they", "i'm", "you're", "we're", "it", "there"};
    if (one_of(first, wh)) return TopicForm::question;
    if (one_of(first, subjects)) return TopicForm::none;
    return TopicForm::topic;
}

std::string as_sentence(std::string_view text) {
    std::string out = capitalised(trim(text));
    while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
    if (!out.empty() && std::string_view(".!?").find(out.back()) == std::string_view::npos) out += '.';
    return out;
}

std::string fragment(std::string_view text, std::string_view leading_word) {
    std::string out = strip_end_punctuation(text);
    auto list = words(out);
    if (!list.empty() && bare(list.front()) == leading_word) out = trim(out.substr(list.front().size()));
    // "Introducing me to Clive", "The intro": lower case after "for"; a name keeps its capital.
    auto first = words(out);
    constexpr std::array<std::string_view, 10> common = {"the", "a", "an", "your", "my", "our", "this", "that",
                                                         "all", "both"};
    if (!first.empty() && is_upper(out[0]) &&
        (one_of(bare(first.front()), common) || (bare(first.front()).ends_with("ing") && first.front().size() > 4)))
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string role_phrase(std::string_view title, std::string_view company) {
    std::string t = strip_end_punctuation(title), c = strip_end_punctuation(company);
    if (!t.empty() && !c.empty()) return t + " at " + c;
    if (!t.empty()) return t;
    if (!c.empty()) return "at " + c;
    return {};
}

std::string humanize_future(Date date, Date today) {
    using namespace std::chrono;
    int days = days_between(today, date);
    year_month_day then{date}, now{today};
    if (days <= 0) return "today";
    if (days == 1) return "tomorrow";
    if (days < 7) return fmt::format("on {}", weekday_name(weekday{date}));
    if (days < 14) return "next week";
    if (then.year() == now.year() && then.month() == now.month()) return "later this month";
    std::string month(month_name(then.month()));
    if (then.year() == now.year() || days < 180) return "in " + month;
    return fmt::format("in {} {}", month, static_cast<int>(then.year()));
}

}  // namespace rolo
