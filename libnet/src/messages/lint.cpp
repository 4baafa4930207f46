#include "rolo/lint.hpp"

#include "rolo/error.hpp"
#include "rolo/text.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

namespace rolo {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }

// Typographic quotes, dashes, ellipses and no-break spaces as plain ASCII, so
// that "I’d" is "I'd" and "…" is "...".
std::string plain(std::string_view text) {
    static const std::pair<std::string_view, std::string_view> replacements[] = {
        {"\u2018", "'"}, {"\u2019", "'"}, {"\u02bc", "'"},   {"\u2032", "'"},   {"\u201c", "\""}, {"\u201d", "\""},
        {"\u2013", "-"}, {"\u2014", "-"}, {"\u2026", "..."}, {"\u00a0", " "},   {"\u202f", " "}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [from, to] : replacements)
            if (text.substr(i).starts_with(from)) {
                out += to;
                i += from.size();
                replaced = true;
                break;
            }
        if (!replaced) out += text[i++];
    }
    return out;
}

// ASCII lower case, byte for byte, so that positions match the plain text.
std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::regex pattern(const char* text) { return std::regex(text, std::regex::ECMAScript | std::regex::optimize); }

bool found(const std::regex& re, const std::string& text) { return std::regex_search(text, re); }

// ---------------------------------------------------------------- sentences

struct Segment {
    std::size_t begin = 0, end = 0;
};

bool is_abbreviation(std::string_view word) {
    static const std::set<std::string, std::less<>> abbreviations = {
        "dr",   "mr",  "mrs", "ms",  "mx",  "prof", "st",  "jr",   "sr",  "mt",   "inc",  "ltd", "co",
        "corp", "llc", "plc", "etc", "vs",  "eg",   "ie",  "approx", "dept", "jan", "feb", "mar",
        "apr",  "jun", "jul", "aug", "sep", "sept", "oct", "nov",  "dec", "fig",  "vol",  "ca",  "cf"};
    std::string key = lower(word);
    if (abbreviations.contains(key)) return true;
    if (key.size() == 1 && std::isalpha(static_cast<unsigned char>(key[0]))) return true;  // an initial
    // U.S, Ph.D, e.g, a.m: dotted pieces of one or two letters.
    if (key.find('.') == std::string::npos) return false;
    for (const auto& piece : split(key, '.'))
        if (piece.empty() || piece.size() > 2 ||
            !std::all_of(piece.begin(), piece.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
            return false;
    return true;
}

// Where a run of . ! ? starting at `at` ends a sentence, the index just past
// it (and past closing quotes); otherwise npos.
std::size_t sentence_end(std::string_view text, std::size_t at, std::size_t run_end) {
    std::size_t after = run_end;
    while (after < text.size() && (text[after] == '"' || text[after] == '\'' || text[after] == ')')) ++after;
    if (after < text.size() && !is_space(text[after])) return std::string_view::npos;  // 3.5, example.com, ?q=1
    bool strong = text.substr(at, run_end - at).find_first_of("!?") != std::string_view::npos;
    if (strong) return after;
    std::size_t next = after;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    bool line_ends = next == text.size() || text[next] == '\n' || text[next] == '\r';
    if (line_ends) return after;
    if (is_lower(text[next])) return std::string_view::npos;  // "e.g. at", "I was thinking... maybe"
    if (run_end - at > 1) return after;                       // an ellipsis before a capital
    std::size_t start = text.find_last_of(" \t\r\n(\"'", at == 0 ? 0 : at - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    if (at > start && is_abbreviation(text.substr(start, at - start))) return std::string_view::npos;
    return after;
}

// Sentences and lines, in order; blank ones left out.
std::vector<Segment> segments(std::string_view text) {
    std::vector<Segment> out;
    auto add = [&](std::size_t begin, std::size_t end) {
        std::string_view part = trim_view(text.substr(begin, end - begin));
        if (!part.empty()) {
            std::size_t first = static_cast<std::size_t>(part.data() - text.data());
            out.push_back({first, first + part.size()});
        }
    };
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            add(begin, i);
            begin = i + 1;
            continue;
        }
        if (c != '.' && c != '!' && c != '?') continue;
        std::size_t run_end = i;
        while (run_end < text.size() && (text[run_end] == '.' || text[run_end] == '!' || text[run_end] == '?')) ++run_end;
        std::size_t end = sentence_end(text, i, run_end);
        if (end != std::string_view::npos) {
            add(begin, end);
            begin = end;
        }
        i = (end == std::string_view::npos ? run_end : end) - 1;
    }
    add(begin, text.size());
    return out;
}

// "Hi Ana,", "Dear Mr. Okafor,", "Best,", "Cheers!", "Thanks, Ada": greetings and
// sign-offs, with at most a name (capitalised words) after them.
bool is_salutation(std::string_view segment) {
    static const std::regex salutation = pattern(
        R"(^(hi|hello|hey|hiya|dear|greetings|good (morning|afternoon|evening)|morning|best regards|best wishes|best|)"
        R"(kind regards|warm regards|warmest regards|regards|many thanks|thanks again|thanks|thank you|cheers|)"
        R"(all the best|talk soon|speak soon|sincerely|yours sincerely|yours|take care|warmly|with thanks)\b)"
        R"(,?((?: [^ ?]+){0,3}?)[ ,.!]*$)");
    std::string lowered = lower(segment);
    std::smatch match;
    if (!std::regex_match(lowered, match, salutation)) return false;
    std::string_view name = segment.substr(static_cast<std::size_t>(match.position(3)), static_cast<std::size_t>(match.length(3)));
    for (const auto& word : split(trim(name), ' '))
        if (!word.empty() && !is_upper(word.front())) return false;
    return true;
}

bool ends_sentence(std::string_view segment) {
    while (!segment.empty() && (segment.back() == '"' || segment.back() == '\'' || segment.back() == ')'))
        segment.remove_suffix(1);
    return !segment.empty() && (segment.back() == '.' || segment.back() == '!' || segment.back() == '?');
}

// ------------------------------------------------------------ findings

// Matches of `re` in `text` as [begin, end) spans.
std::vector<std::pair<std::size_t, std::size_t>> spans(const std::regex& re, const std::string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.emplace_back(static_cast<std::size_t>(it->position()), static_cast<std::size_t>(it->position() + it->length()));
    return out;
}

// Every whole-word occurrence of `phrase` in `text`.
std::vector<std::pair<std::size_t, std::size_t>> phrase_spans(const std::string& text, const std::string& phrase) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (phrase.empty()) return out;
    for (std::size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
        std::size_t end = at + phrase.size();
        bool starts = at == 0 || !is_word_char(text[at - 1]) || !is_word_char(phrase.front());
        bool ends = end == text.size() || !is_word_char(text[end]) || !is_word_char(phrase.back());
        if (starts && ends) out.emplace_back(at, end);
    }
    return out;
}

void mask(std::string& text, std::size_t begin, std::size_t end) {
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(begin), text.begin() + static_cast<std::ptrdiff_t>(end), '~');
}

void check_length(const std::string& text, const LintContext& context, std::vector<Finding>& findings) {
    std::string body = trim(text);
    if (context.kind == "connect" && code_points(body) > static_cast<std::size_t>(context.connect_limit))
        findings.push_back({"length", fmt::format("{} characters; a connection note allows {}: keep one detail "
                                                  "and one wish",
                                                  code_points(body), context.connect_limit)});
    if (std::size_t words = count_words(body); words > word_limit)
        findings.push_back({"length", fmt::format("{} words; keep it under {}: one detail, one ask", words,
                                                  word_limit)});
    std::size_t longest = 0;
    for (const auto& segment : segments(body))
        longest = std::max(longest, count_words(std::string_view(body).substr(segment.begin, segment.end - segment.begin)));
    if (longest > sentence_word_limit)
        findings.push_back({"length", fmt::format("a sentence of {} words; split it, at most {} words each", longest,
                                                  sentence_word_limit)});
}

void check_sentences(const std::string& text, std::vector<Finding>& findings) {
    if (int sentences = count_sentences(text); sentences > sentence_limit)
        findings.push_back({"sentences", fmt::format("{} sentences; keep it to five: who you are, what you ask, how "
                                                     "you can help each other, why it matters to them, when",
                                                     sentences)});
}

// LinkedIn's default invitation texts, in any spelling and anywhere.
void check_default_note(const std::string& lowered, std::vector<Finding>& findings) {
    static const std::regex standard = pattern(
        R"(\b(add you to my (linkedin |professional )?network|join your (linkedin |professional )?network|)"
        R"(connect with you on linkedin)\b)");
    std::string words;  // letters and digits only, single-spaced
    for (char c : lowered) {
        if (c == '\'') continue;
        if (is_word_char(c))
            words += c;
        else if (!words.empty() && words.back() != ' ')
            words += ' ';
    }
    if (found(standard, words))
        findings.push_back({"default-note", "this is LinkedIn's default note: say where you met or why you want to "
                                            "connect"});
}

// A field nobody filled in: {first}, [Name], <company>, XXX, FIRSTNAME.
void check_empty_fields(const std::string& text, const LintContext& context, std::vector<Finding>& findings) {
    for (const auto& missing : context.missing) findings.push_back({"empty-field", missing});
    static const std::regex braces = pattern(R"(\{\{?\s*[A-Za-z][A-Za-z0-9_. ]{0,30}\}\}?)");
    static const std::regex bracketed = pattern(R"(\[([^\[\]\n]{1,30})\](?!\()|<([^<>@\n]{1,30})>)");
    static const std::regex field_word = pattern(
        R"(\b(name|first|last|firstname|lastname|company|title|role|event|topic|city|date|position|industry|school|)"
        R"(recipient|contact|insert|organi[sz]ation|job|here|person|your|their)\b)");
    static const std::regex merge = pattern(
        R"(\b([Xx]{3,}|FIRST_?NAME|LAST_?NAME|FULL_?NAME|COMPANY(_?NAME)?|JOB_?TITLE|FNAME|LNAME|TODO)\b)");
    std::vector<std::string> left;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), braces); it != std::sregex_iterator(); ++it)
        left.push_back(it->str());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), bracketed); it != std::sregex_iterator(); ++it)
        if (found(field_word, lower(it->str()))) left.push_back(it->str());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), merge); it != std::sregex_iterator(); ++it)
        left.push_back(it->str());
    std::set<std::string> seen;
    for (const auto& field : left)
        if (seen.insert(field).second)
            findings.push_back({"empty-field", fmt::format("{} is still in the message: fill it in", field)});
}

// Phrases that look like a pitch and are not: their demo, a coffee, an offer to help.
std::string without_innocent_phrases(std::string lowered) {
    static const std::regex innocent[] = {
        pattern(R"(\bbuy you (a |an |some )?(coffee|tea|lunch|dinner|drink|beer|pint|breakfast|meal|cake)\b)"),
        pattern(R"(\b(your|their|his|her) (demo|demos|offer|proposal|pricing|prices?|discount|product|platform|)"
                R"(solution|services?|tool|app)\b)"),
        pattern(R"(\bdemo ?days?\b|\bjob offers?\b|\boffer letter\b|\bthe offer (to|of)\b|\bthanks for the offer\b)"),
        pattern(R"(\boffer(ed|ing|s)? (to (help|introduce|connect|share|make|host|support|mentor))\b)"),
        pattern(R"(\boffer(ed|ing|s)? (you |them |him |her )?(an |a |my |any |some |a few )?(warm )?)"
                R"((intros?|introductions?|help|advice|hand|feedback|support|thoughts|ideas|pointers|names|contacts|)"
                R"(reference|referral|mentoring)\b)"),
        pattern(R"(\b(talks?|posts?|articles?|piece|thread|paper|essay|book|podcast|newsletter|session|panel|keynote|)"
                R"(workshop|research|works?|working|thoughts|views|take|writing|course|series) (on|about) )"
                R"(([a-z0-9'-]+ ){0,2}(pricing|prices?|discounts?|demos?|offers?)\b)"),
        pattern(R"(\b(raised?|raising|closed|round of|funding of|valuation of|series [a-e]( round)?( of)?) )"
                R"((\$|€|£)?\d[\d.,]*\s?(k|m|mm|bn|b|million|billion)?\b)"),
    };
    for (const auto& re : innocent)
        for (auto [begin, end] : spans(re, lowered)) mask(lowered, begin, end);
    return lowered;
}

// A single word that names their event or company ("Pricing Summit", "YC Demo Day").
bool in_proper_name(const std::string& text, std::size_t begin, std::size_t end) {
    auto capitalised_at = [&](std::size_t at) {
        std::size_t stop = at;
        while (stop < text.size() && is_word_char(text[stop])) ++stop;
        return at < text.size() && is_upper(text[at]) && !(stop - at == 1 && text[at] == 'I');
    };
    if (!is_upper(text[begin])) return false;
    if (end + 1 < text.size() && text[end] == ' ' && capitalised_at(end + 1)) return true;
    if (begin < 2 || text[begin - 1] != ' ') return false;
    std::size_t start = text.find_last_of(" \n", begin - 2);
    start = start == std::string::npos ? 0 : start + 1;
    bool sentence_initial = start == 0 || text[start - 1] == '\n' ||
                            (start >= 2 && std::string_view(".!?").find(text[start - 2]) != std::string_view::npos);
    return capitalised_at(start) && !sentence_initial;
}

void check_pitch(const std::string& text, const std::string& lowered, const LintContext& context,
                 std::vector<Finding>& findings) {
    static const std::regex phrases[] = {
        pattern(R"(\b(calendly|savvycal|tidycal|zcal|chilipiper|youcanbook\.me|meetings\.hubspot\.com)\b|\bcal\.com\b)"),
        pattern(R"(\b(grab|book|snag|reserve) (a |some |an? )?(quick )?(slot|time|call|demo|meeting)\b|)"
                R"(\bschedule (a |some )?(quick )?(call|demo)\b|\b(my|the) (calendar|booking|scheduling) link\b|)"
                R"(\bon my calendar\b)"),
        pattern(R"(\bwe (help|helped|work with|partner with|enable|empower|speciali[sz]e in)\b|)"
                R"(\bi (help|work with) (companies|teams|businesses|founders|brands|startups|clients|agencies|firms)\b|)"
                R"(\bwe('ve| have) (built|launched|created|developed|made) (a|an)\b|)"
                R"(\bworth a (quick )?(chat|call|conversation)\b)"),
        pattern(R"(\b(companies|teams|businesses|firms|agencies|brands|organi[sz]ations|startups|clients|leaders|)"
                R"(founders|ceos|ctos|owners|managers|marketers|professionals) )"
                R"(like (yours|you)\b)"),
        pattern(R"(\bour (products?|platform|solutions?|services?|tools?|software|apps?|offerings?|agency)\b)"
                R"((?! (team|teams|manager|managers|org|lead|leads|launch|launches|roadmap|design|designers?|)"
                R"(engineers?|people|group|meetup|community))\b)"),
        pattern(R"(\b(5|10|15|20|30|five|ten|fifteen|twenty|thirty)[ -]?(min|mins|minutes)\b|)"
                R"(\bquick (call|demo)\b|\b(hop|jump) on a (quick )?call\b)"),
        pattern(R"((\$|€|£) ?\d[\d.,]*(k|m)?\b|\d ?(usd|eur|gbp|dollars|euros)\b|\bper (month|year|seat|user|licen[cs]e)\b|)"
                R"(/mo(nth)?\b|\d+ ?% off\b|\bcoupon|)"
                R"(\bfree (trial|audit|consultation|assessment|demo|playbook|guide|e-?book|report|strategy call)\b|)"
                R"(\bpromo code\b|\bno strings attached\b|\blimited[- ]time\b|\b(send|get|give) you a quote\b)"),
        pattern(R"(\b(show|walk) you (through|how|what|around)\b)"),
        pattern(R"(\b(a|an|our|my|quick|short|free|live|personal|custom|private) ((quick|short|free|live) )?demo\b|)"
                R"(\bdemos? (of (our|my)|call|session)\b)"),
    };
    // Single words: their own fields or a proper name ("Pricing Summit") use them innocently.
    static const std::regex word = pattern(
        R"(\b(price|prices|pricing|discounts?|discounted|offers?|offering|buy|purchase|proposal|roi)\b)");
    static const std::regex a_word = pattern(R"([a-z0-9]+)");
    std::string masked = without_innocent_phrases(lowered);
    std::set<std::string> own;
    for (const auto& field : context.own_words) {
        std::string own_text = lower(plain(field));
        for (const auto& phrase : split(own_text, ','))
            for (auto [begin, end] : phrase_spans(masked, trim(phrase))) mask(masked, begin, end);
        for (auto [begin, end] : spans(a_word, own_text)) own.insert(own_text.substr(begin, end - begin));
    }
    std::vector<std::pair<std::size_t, std::size_t>> hits;
    auto add_hits = [&](const std::vector<std::pair<std::size_t, std::size_t>>& more) {
        hits.insert(hits.end(), more.begin(), more.end());
    };
    for (const auto& re : phrases) add_hits(spans(re, masked));
    for (auto [begin, end] : spans(word, masked))
        if (!own.contains(masked.substr(begin, end - begin)) && !in_proper_name(text, begin, end))
            hits.emplace_back(begin, end);
    for (const auto& phrase : context.pitch_words)
        add_hits(phrase_spans(masked, lower(plain(phrase))));
    std::ranges::sort(hits, [](auto a, auto b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
    std::vector<std::string> said;
    std::size_t covered = 0;
    for (auto [begin, end] : hits) {
        if (begin < covered) continue;  // inside a longer match
        covered = end;
        std::string quoted = fmt::format("'{}'", trim(masked.substr(begin, end - begin)));
        if (std::ranges::find(said, quoted) == said.end()) said.push_back(quoted);
    }
    if (!said.empty())
        findings.push_back({"pitch", fmt::format("{} in a message to someone new: say hello and ask about them "
                                                 "first, no pitch",
                                                 join(said, ", "))});
}

// -------------------------------------------------------- per-kind checklists

// What the intro checklists look for: a way to reach you, an out, pressure.
// Compiled on first use, not at every start of rolo.
struct IntroPatterns {
    std::regex email_or_phone;
    std::regex an_out;
    std::regex pressure;
};

const IntroPatterns& intro_patterns() {
    static const IntroPatterns patterns{
        pattern(R"([a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+|\+?\d[\d ()-]{7,}\d)"),
        pattern(R"(\b(no problem|no worries|no pressure|not a good time|no obligation|(totally|completely|perfectly) fine|)"
                R"((totally|completely|fully)? ?understand if|if not|if you'?d rather not|if you would rather not|)"
                R"(if you don'?t know (him|her|them)|feel free to (say no|decline|pass|ignore)|all good if|either way|)"
                R"(no hard feelings|don'?t worry if)\b)"),
        pattern(R"(\b(asap|urgent|urgently|as soon as possible|deadline|i need this|still waiting|)"
                R"(by (tomorrow|tonight|eod|eow|end of (the )?(day|week)|monday|tuesday|wednesday|thursday|friday)|)"
                R"(you (never|didn'?t|haven'?t) (replied|reply|respond|responded|answered|answer|got back|get back)|)"
                R"(ignor(ed|ing) (me|my))\b)")};
    return patterns;
}
constexpr const char* give_an_out = "give them an out: \"if it's not a good time, no problem at all\"";

// Who is named: any word of their name, else an "introduce me" phrase.
bool names_who(const std::string& lowered, const std::string& other_name) {
    static const std::regex introduce = pattern(R"(\b(introduc\w*|intro|put me in touch|connect me)\b)");
    if (other_name.empty()) return found(introduce, lowered);
    for (const auto& piece : split(lower(plain(other_name)), ' '))
        if (trim(piece).size() > 1 && !phrase_spans(lowered, trim(piece)).empty()) return true;
    return false;
}

void check_intro_request(const std::string& lowered, const LintContext& context, std::vector<Finding>& findings) {
    static const std::regex why = pattern(
        R"(\b(because|since|as i'?m|as i am|so that|so i can|in order to|hoping to|reason|curious|interested in|)"
        R"((i'?m|i am|we'?re|we are) (building|working|researching|exploring|looking|hiring|raising|writing|)"
        R"(starting|planning|moving|trying)|to (ask|learn|hear|get|discuss|compare|understand|pick|talk|explore|share)|)"
        R"((advice|perspective|experience|insights?|input|feedback|thoughts|take|views?) (on|about|with|from))\b)");
    auto add = [&](std::string message) { findings.push_back({"intro-request", std::move(message)}); };
    if (!names_who(lowered, context.other_name))
        add(context.other_name.empty() ? "say who you would like to meet"
                                       : fmt::format("say who you would like to meet: {}", context.other_name));
    if (!found(why, lowered)) add("say why you want to meet them and what you intend (advice, a partnership, a sale)");
    if (!found(intro_patterns().email_or_phone, lowered))
        add("give your direct email, so they can forward the note or ask you questions");
    if (!found(intro_patterns().an_out, lowered)) add(give_an_out);
    if (found(intro_patterns().pressure, lowered)) add("no deadline or pressure: they are spending their trust on you");
}

void check_intro_follow_up(const std::string& lowered, const LintContext& context, std::vector<Finding>& findings) {
    static const std::regex only_one = pattern(
        R"(\b(only|last|final|one|single) (follow[- ]?up|reminder|nudge)|)"
        R"((won'?t|will not|not) (follow up|nudge|chase|ask|write|bring (it|this) up)( about (this|it))? again\b)");
    auto add = [&](std::string message) { findings.push_back({"intro-follow-up", std::move(message)}); };
    if (context.follow_up_sent) add("you already followed up once; silence after it is a gentle no: do not send another");
    if (!found(intro_patterns().an_out, lowered)) add(give_an_out);
    if (!found(only_one, lowered)) add("say this is your only follow-up");
    if (found(intro_patterns().pressure, lowered)) add("no urgency or guilt: restate the request in one line");
}

void check_intro(const std::string& lowered, std::vector<Finding>& findings) {
    static const std::regex copied = pattern(
        R"(\b(cc'?d|cc'?ing|cc|copying|copied|looping|looped|adding|added)( in)? (you )?both\b|)"
        R"(\b(i'?ve|i have|i'?m|i am) (cc'?d|cc'?ing|copied|copying|looped in|looping in|added|adding) \w+ )"
        R"((in|here|on|to)\b|\b(you'?re|you are) both (cc'?d|copied|on this (email|thread))\b)");
    static const std::regex asks = pattern(
        R"(\b(would|are|will|might) you (be )?(open|happy|up|interested|willing|glad|keen|ok|okay)\b|)"
        R"(\b(ok|okay|alright) (with|if)\b|\bmind if i\b|\bwould you like (me )?to\b|)"
        R"(\b(can|may|shall|should) i (introduce|connect|put|make|send|share|pass)\b|\bdo you want (me )?to\b|)"
        R"(\blet me know (if|whether) (you'?re|you are|you'?d be|you would be|that'?s|it'?s) )"
        R"((open|happy|up|interested|keen|ok|okay|fine|good)\b|\binterested in (an? )?(intro|introduction|meeting)\b)");
    static const std::regex why = pattern(
        R"(\b(because|since|as you both|given (that|your|his|her|their)|in common|similar|so i think|)"
        R"(you both (work|care|are|have|build|love|run|share|know|live|like|want|need|spent|moved|went|do|did|)"
        R"(use|wrote|started|'re)|both (of you )?(work|care|are|have|build|love|run|share)|)"
        R"(would (help|benefit|enjoy|get|learn)|could (help|learn|benefit)|can help|)"
        R"(same \w+|(useful|valuable|helpful) (to|for)|(looking|hiring|raising|searching) for|)"
        R"((he|she|they)('s| is| are|'re) (building|working on|looking|hiring|raising|exploring|researching|starting)|)"
        R"(i think (you'?d|you would|you'?ll|you will|he|she|they) ))");
    auto add = [&](std::string message) { findings.push_back({"intro", std::move(message)}); };
    if (found(copied, lowered))
        add("you copy them both in before asking: ask each side first, separately, and connect them only when "
            "both say yes");
    if (!found(asks, lowered)) add("ask first: \"would you be open to an introduction?\"");
    if (!found(why, lowered)) add("say why these two should meet: what they share, what one can do for the other");
}

// The intro kind a message clearly is, for --check without KIND.
std::string inferred_kind(const std::string& lowered) {
    static const std::regex follow_up = pattern(R"(\bfollow(ing)? up\b.{0,80}\b(intro|introduction)\b)");
    static const std::regex request = pattern(
        R"(\b(introduce|connect|put) me\b|\b(mind|comfortable|willing|open to|happy) (introducing|connecting|putting) me\b|)"
        R"(\b(i'?d|i would) (really )?(love|like|appreciate|value|welcome|be grateful for) (an?|your) (warm |quick )?)"
        R"((intro|introduction)\b|\bask (for|you for) an? (intro|introduction)\b)");
    static const std::regex introduce = pattern(
        R"(\bintroduc(e|ing) you\b|\byou two\b|\b(cc'?d|cc'?ing|copying|looping|adding)( in)? (you )?both\b|)"
        R"(\byou (both )?should (talk|meet|connect|chat)\b|)"
        R"(\bmeet each other\b|\b(open|happy|willing|up) (to|for) (an? )?(intro|introduction)\b|)"
        R"(\bconnect you (two|both)\b)");
    if (found(follow_up, lowered)) return "intro-follow-up";
    if (found(request, lowered)) return "intro-request";
    if (found(introduce, lowered)) return "intro";
    return "";
}

}  // namespace

int count_sentences(std::string_view text) {
    std::string prepared = plain(text);
    int count = 0;
    for (const auto& segment : segments(prepared)) {
        std::string_view sentence = std::string_view(prepared).substr(segment.begin, segment.end - segment.begin);
        if (ends_sentence(sentence) && !is_salutation(sentence)) ++count;
    }
    return count;
}

std::size_t count_words(std::string_view text) {
    std::size_t count = 0;
    bool counted = false;  // the current run of non-space characters already counts
    for (char c : plain(text)) {
        if (is_space(c)) {
            counted = false;
        } else if (!counted && is_word_char(c)) {
            ++count;
            counted = true;
        }
    }
    return count;
}

std::vector<Finding> lint(std::string_view text, const LintContext& context) {
    std::vector<Finding> findings;
    std::string prepared = plain(text);
    std::string lowered = lower(prepared);
    check_length(prepared, context, findings);
    check_sentences(prepared, findings);
    check_empty_fields(prepared, context, findings);
    check_default_note(lowered, findings);
    std::string kind = context.kind.empty() ? inferred_kind(lowered) : context.kind;
    bool pitch_applies = context.new_connection || kind == "connect" || kind == "hello" || kind == "congrats" ||
                         (context.kind.empty() && kind.empty());
    if (pitch_applies) check_pitch(prepared, lowered, context, findings);
    if (kind == "intro-request") check_intro_request(lowered, context, findings);
    if (kind == "intro-follow-up") check_intro_follow_up(lowered, context, findings);
    if (kind == "intro") check_intro(lowered, findings);
    return findings;
}

std::vector<std::string> read_word_list(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(fmt::format("cannot read {}", file.string()));
    std::vector<std::string> words;
    for (std::string line; std::getline(in, line);) {
        std::string word = trim(line);
        if (!word.empty() && !word.starts_with('#')) words.push_back(word);
    }
    return words;
}

std::vector<std::string> own_words_of(const Contact& recipient) {
    std::vector<std::string> words = {recipient.met_at, recipient.title, recipient.company, recipient.interests};
    words.insert(words.end(), recipient.tags.begin(), recipient.tags.end());
    std::erase_if(words, [](const std::string& word) { return trim(word).empty(); });
    return words;
}

}  // namespace rolo
