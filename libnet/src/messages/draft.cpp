// Over 600 lines until its kinds table and English move out (issue 31): templates, choice and rendering in one.
#include "rolo/draft.hpp"

#include "rolo/error.hpp"
#include "rolo/knows.hpp"
#include "rolo/lint.hpp"
#include "rolo/phrase.hpp"
#include "rolo/store.hpp"
#include "rolo/text.hpp"
#include "rolo/warm_path.hpp"
#include "rolo/who.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace rolo {
namespace {

bool is_field_char(char c) { return std::islower(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// Walks a template text: literal runs go to `literal`, each {name} or
// {?name} to `field` (with `shown` false for the second).
template <typename Literal, typename Field>
void scan(std::string_view text, Literal literal, Field field) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            literal(c, i);
            ++i;
            continue;
        }
        if (c == '{') {
            bool hidden = i + 1 < text.size() && text[i + 1] == '?';
            std::size_t begin = i + (hidden ? 2 : 1), end = begin;
            while (end < text.size() && is_field_char(text[end])) ++end;
            if (end < text.size() && text[end] == '}' && end > begin) {
                field(text.substr(begin, end - begin), !hidden, i);
                i = end;
                continue;
            }
        }
        literal(c, i);
    }
}

std::string read_file(const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw Error(fmt::format("{} is a directory, not a file", file.string()));
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(fmt::format("cannot read {}: {}", file.string(), std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool ends_sentence(char c) { return c == '.' || c == '!' || c == '?'; }

// "for {about}" with "for sending the deck": the value's first word goes when
// the text before it ends with the same word.
std::string without_repeated_word(const std::string& value, const std::string& before) {
    auto space = before.find_last_of(' ', before.empty() ? 0 : before.size() - 2);
    std::string last = fold(trim(space == std::string::npos ? before : before.substr(space + 1)));
    std::string text = trim(value);
    auto end = text.find(' ');
    if (last.empty() || end == std::string::npos || fold(text.substr(0, end)) != last) return value;
    return trim(text.substr(end + 1));
}

// Fills one wording. The template's own words lead: a value's end
// punctuation goes where the template puts punctuation, a value that
// repeats the word before it ("for {about}" with "for sending") loses it,
// and a wording that opens with a value gets a capital.
std::string fill(std::string_view text, const Fields& fields) {
    std::string out;
    scan(text, [&](char c, std::size_t) {
        if (ends_sentence(c) || c == ',' || c == ';' || c == ':')
            while (!out.empty() && (ends_sentence(out.back()) || out.back() == ',' || out.back() == ';')) out.pop_back();
        out += c;
    }, [&](std::string_view name, bool shown, std::size_t) {
        if (!shown) return;
        auto found = fields.find(std::string(name));
        if (found == fields.end()) return;
        std::string value = found->second;
        // "Clive Smith, at Acme" reads better without the comma.
        if (value.starts_with("at ") && out.ends_with(", ")) out.erase(out.size() - 2, 1);
        out += without_repeated_word(value, out);
    });
    if (!out.empty() && std::islower(static_cast<unsigned char>(out[0])) && text.starts_with("{"))
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

bool known(const Fields& fields, const std::string& name) {
    auto found = fields.find(name);
    return found != fields.end() && !trim(found->second).empty();
}

// Fields whose words are about the person: a sentence using one shows homework.
bool is_detail(std::string_view name) {
    static const std::set<std::string_view> details = {
        "met", "met_online", "interests", "topic", "topic_question", "about", "about_clause", "why", "role",
        "meeting_topic", "helped",
        "other.role", "other.interests"};
    return details.contains(name);
}

std::optional<std::size_t> first_usable(const Template::Wordings& wordings, const Fields& fields, std::size_t from) {
    for (std::size_t i = from; i < wordings.size(); ++i) {
        auto names = placeholders(wordings[i]);
        if (std::all_of(names.begin(), names.end(), [&](const std::string& n) { return known(fields, n); })) return i;
    }
    return std::nullopt;
}

Template::Wordings wordings_of(const toml::node* node, const std::filesystem::path& file, std::string_view key,
                               int line) {
    Template::Wordings out;
    if (!node) return out;
    auto add = [&](const toml::node& item) {
        if (!item.is_string())
            throw Error(fmt::format("{}:{}: {} takes text or a list of texts", file.string(),
                                    item.source().begin.line ? item.source().begin.line : line, key));
        const std::string& text = item.as_string()->get();
        const auto& fields = known_fields();
        scan(text, [](char, std::size_t) {}, [&](std::string_view name, bool, std::size_t) {
            if (std::find(fields.begin(), fields.end(), name) == fields.end())
                throw Error(fmt::format("{}:{}: unknown placeholder {{{}}}; known: {}", file.string(),
                                        item.source().begin.line, name, join(fields, " ")));
        });
        out.push_back(trim(text));
    };
    if (const auto* list = node->as_array())
        for (const auto& item : *list) add(item);
    else
        add(*node);
    return out;
}

// ---- The relationship, as the message may speak of it -------------------------------

bool is_conversation(const Interaction& i) {
    static const std::set<std::string_view> kinds = {"meeting", "coffee", "call", "email", "message", "event"};
    return !i.by_rolo && kinds.contains(i.kind);
}

bool is_meeting(const Interaction& i) {
    static const std::set<std::string_view> kinds = {"meeting", "coffee", "call", "event"};
    return !i.by_rolo && kinds.contains(i.kind);
}

// What rolo knows of one person that a message may use: their history, newest first.
struct History {
    std::vector<Interaction> past;            // on or before today
    std::optional<Interaction> upcoming;      // the soonest meeting or call logged after today
    template <typename Pred>
    const Interaction* newest(Pred pred) const {
        auto found = std::find_if(past.begin(), past.end(), pred);
        return found == past.end() ? nullptr : &*found;
    }
};

History history_of(Store& store, std::int64_t id, Date today) {
    History h;
    for (auto& i : list_interactions(store, {.contact_id = id, .limit = 500})) {
        if (i.on <= today)
            h.past.push_back(std::move(i));
        else if (is_conversation(i))
            h.upcoming = std::move(i);  // newest first: the last one kept is the soonest
    }
    return h;
}

// The names a text may call the person by: what you call them, and their whole name.
std::vector<std::string> names_of(const Contact& c) {
    std::vector<std::string> names = {spoken_name(c.name), greeting_name(c.name, c.call_name).name};
    std::erase_if(names, [](const std::string& name) { return name.empty(); });
    return names;
}

// A note of yours said to them: their possessive becomes "your" ("Carlos's
// barbecue" -> "your barbecue").
std::string to_them(std::string text, const Contact& c) {
    for (const auto& name : names_of(c))
        for (std::string_view s : {"'s ", "\u2019s "}) {
            std::string possessive = name + std::string(s);
            for (auto at = text.find(possessive); at != std::string::npos; at = text.find(possessive, at))
                text.replace(at, possessive.size(), "your ");
        }
    return text;
}

// True when the text still speaks of them by name, which said to them reads as
// talking about someone else.
bool names_them(std::string_view text, const Contact& c) {
    // Words as written: letters, digits and any non-ASCII byte.
    auto words_in = [](std::string_view from) {
        std::vector<std::string> words(1);
        for (char ch : from) {
            if (std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80)) words.back() += ch;
            else if (!words.back().empty()) words.emplace_back();
        }
        if (words.back().empty()) words.pop_back();
        return words;
    };
    // Days and months are capitalised too, and name no one.
    auto calendar_word = [](const std::string& word) {
        std::string key = fold(word);
        for (unsigned m = 1; m <= 12; ++m)
            if (key == fold(month_name(std::chrono::month{m}))) return true;
        for (unsigned d = 0; d < 7; ++d)
            if (key == fold(weekday_name(std::chrono::weekday{d}))) return true;
        return key == "tonight";
    };
    auto words = words_in(text);
    for (const auto& name : names_of(c)) {
        auto parts = words_in(name);
        for (std::size_t at = 0; !parts.empty() && at + parts.size() <= words.size(); ++at) {
            bool same = std::equal(parts.begin(), parts.end(), words.begin() + static_cast<std::ptrdiff_t>(at),
                                   [](const std::string& a, const std::string& b) { return fold(a) == fold(b); });
            if (!same) continue;
            // "the Grace Hopper Celebration" to Grace Chen: a first name that goes
            // on into another capitalised name is part of that name, not theirs.
            std::size_t next = at + parts.size();
            bool goes_on = parts.size() == 1 && next < words.size() &&
                           std::isupper(static_cast<unsigned char>(words[next][0])) && !calendar_word(words[next]);
            if (!goes_on) return true;
        }
    }
    return false;
}

std::string talk_phrase(const Interaction& i, Date today) {
    std::string when = humanize_date(i.on, today);
    if (i.kind == "coffee") return "our coffee " + when;
    if (i.kind == "call") return "our call " + when;
    if (i.kind == "meeting" || i.kind == "event") return "we met " + when;
    return "we last spoke " + when;
}

std::string meeting_phrase(const Interaction& i) {
    if (i.kind == "coffee") return "the coffee";
    if (i.kind == "call") return "the call";
    return "your time";
}

struct Builder {
    Store& store;
    const Config& config;
    Date today;
    Draft& draft;
    Fields fields;
    std::map<std::string, std::string> problems;  // field -> why its stored text could not be said

    void person_fields(const Contact& c, const std::string& prefix) {
        GreetingName greeting = greeting_name(c.name, c.call_name);
        fields[prefix + "first"] = greeting.name;
        fields[prefix + "name"] = spoken_name(c.name);
        fields[prefix + "role"] = role_phrase(c.title, c.company);
        fields[prefix + "interests"] = interests_phrase(c.interests, prefix.empty() ? 3 : 2);
        if (!c.interests.empty() && fields[prefix + "interests"].empty())
            problems[prefix + "interests"] = "has nothing that can be said to them as written";
        if (prefix.empty() && !greeting.problem.empty()) draft.warnings.push_back(greeting.problem);
    }

    void recipient_fields(const Contact& r, const History& history) {
        person_fields(r, "");
        fields["company"] = r.company;
        fields["title"] = r.title;
        bool met_later = r.met_on && *r.met_on > today;
        if (met_later) {
            // A meeting that has not happened is no "good to meet you".
            draft.warnings.push_back(fmt::format("{} is met on {}, after today: the draft does not say you have met",
                                                 describe(r), format_date(*r.met_on)));
        } else if (auto met = met_phrase(to_them(r.met_at, r))) {
            if (names_them(met->text, r))
                problems["met"] = "names them in the third person: write it as said to them (\"your barbecue\")";
            else
                fields[met->in_person ? "met" : "met_online"] = met->text;
            if (!met->in_person) problems["met"] = "is where you found each other, not a meeting";
        } else if (!r.met_at.empty()) {
            problems["met"] = unsayable(r.met_at).value_or("cannot be said in a sentence as written");
        }
        // "at Web Summit 2025" needs no "in November 2025".
        bool dated = std::any_of(r.met_at.begin(), r.met_at.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (r.met_on && !met_later && !dated && known(fields, "met"))
            fields["met_when"] = humanize_date(*r.met_on, today);
        if (const auto* talk = history.newest(is_conversation)) {
            if (days_between(talk->on, today) >= 14) fields["last_talk"] = talk_phrase(*talk, today);
            // Only a known last conversation makes "it has been a while" true.
            if (days_between(talk->on, today) >= 90) fields["long_gap"] = "yes";
        } else if (known(fields, "met") && (!r.met_on || days_between(*r.met_on, today) >= 14)) {
            // No conversation since: the meeting itself is the last time you spoke.
            fields["last_talk"] = "we met " + fields["met"] + (known(fields, "met_when") ? " " + fields["met_when"] : "");
            if (r.met_on && days_between(*r.met_on, today) >= 90) fields["long_gap"] = "yes";
        }
        if (history.upcoming) fields["upcoming"] = humanize_future(history.upcoming->on, today);
        if (const auto* said = history.newest([](const Interaction& i) { return !i.by_rolo && !i.topic.empty(); })) {
            auto form = topic_form(said->topic);
            if (auto problem = unsayable(said->topic))
                problems["topic"] = *problem;
            else if (form == TopicForm::none)
                problems["topic"] = "reads as a sentence, not a topic";
            else
                fields[form == TopicForm::topic ? "topic" : "topic_question"] = fragment(said->topic, "");
        }
        fields["about"] = about_field(r);
    }

    std::string draft_about;

    // --about as the kind says it: what they did after "Thank you for", a
    // sentence of its own elsewhere ("sending the deck" -> "I am sending the deck.").
    std::string about_field(const Contact& r) {
        std::string about = trim(draft_about);
        if (about.empty()) return about;
        // Said to them: never about them in the third person.
        std::string name = greeting_name(r.name, r.call_name).name;
        bool to_them = draft.kind != "intro-request" && draft.kind != "intro-follow-up";
        auto problem = to_them && draft.kind != "intro" ? unsayable(about) : std::nullopt;
        if (!name.empty() && fold(" " + about + " ").find(" " + fold(name) + " ") != std::string::npos && to_them)
            problem = fmt::format("names {} in the third person", name);
        if (problem)
            throw Error(fmt::format("--about is said to {}, and {}: write it to them (\"your move\", \"introducing me "
                                    "to Clive\")",
                                    describe(r), *problem));
        if (draft.kind == "thanks") {
            for (std::string_view thanks : {"thank you so much for ", "thanks so much for ", "thank you for ",
                                            "thanks for ", "thanks again for "})
                if (fold(about).starts_with(thanks)) about = about.substr(thanks.size());
            // "you recommended me for the panel" is a clause, not a "for" phrase.
            if (topic_form(about) == TopicForm::none) fields["about_clause"] = fragment(about, "");
            return topic_form(about) == TopicForm::none ? std::string() : fragment(about, "for");
        }
        if (draft.kind == "congrats") {
            if (names_a_job(about)) fields["new_job"] = "yes";
            return fragment(about, "on");
        }
        if (draft.kind == "checkin") return about_sentence(about, "I thought you might like {}");
        if (draft.kind == "followup") return about_sentence(about, "As promised, here is {}");
        return about;
    }
};

void me_fields(Fields& fields, const Me& me) {
    fields["me.name"] = me.name;
    fields["me.first"] = greeting_name(me.name, "").name;
    fields["me.email"] = me.email;
    fields["me.signature"] = me.signature;
}

std::string hint_for(const std::string& field, const Draft& draft, const std::map<std::string, std::string>& problems,
                     const std::string& config_file) {
    bool other = field.starts_with("other.");
    std::string plain = other ? field.substr(6) : field;
    const Contact* person = other && draft.other ? &*draft.other : &draft.recipient;
    std::int64_t id = person->id;
    std::string prefix = field + ": ";
    if (auto problem = problems.find(field); problem != problems.end()) prefix = field + " " + problem->second + "; ";
    if (field.starts_with("me."))
        return fmt::format("{} is empty: set {} under [me] in {}", field, field.substr(3), config_file);
    static const std::map<std::string, std::string> how = {
        {"first", "say what they are called: rolo edit {} --call NAME"},
        {"met", "say where you met, as you would tell them: rolo edit {} --met \"the PyData Berlin meetup\""},
        {"interests", "do your homework: rolo edit {} --interests \"what they care about, as topics\""},
        {"role", "do your homework: rolo edit {} --title \"...\" --company \"...\""},

        {"topic", "next time you talk, note what to ask about: rolo log {} \"...\" --topic \"your move to Berlin\""},
        {"meeting_topic", "note what you talked about, as you would say it: rolo log {} \"...\" --topic \"your pricing rework\""},
        {"about", "say what they did with --about \"introducing me to Clive\""},
        {"helped", "say what they did with --about \"introducing me to Clive\""},
        {"why", "say why with --about \"...\" (or rolo intro TARGET --ask VIA --why \"...\")"},
    };
    auto found = how.find(plain);
    // --about is optional everywhere but in a thank-you.
    if (found == how.end() || (plain == "about" && draft.kind != "thanks" && draft.kind != "congrats")) return {};
    if (plain == "about" && draft.kind == "congrats")
        return prefix + "say what is new with --about \"your new role as CTO at Acme\" (or import your LinkedIn archive: "
                        "rolo records the job changes it finds)";
    return prefix + fmt::format(fmt::runtime(found->second), id);
}

Contact best_broker(Store& store, const Contact& target, Date today) {
    constexpr int hops = 3;
    auto paths = find_paths(load_neighborhood(store, target.id, hops, today), target.id, hops, today);
    if (paths.empty())
        throw Error(fmt::format("no one you know can introduce you to {}; name a broker with --via", describe(target)));
    return get_contact(store, paths.front().hops.front().id);
}

bool linked(Store& store, std::int64_t a, std::int64_t b) {
    auto known = acquaintances(store, a);
    return std::any_of(known.begin(), known.end(), [&](const Acquaintance& k) { return k.id == b; });
}

// The people a message is about, and the state rules of its kind.
void cast_and_check(Builder& b, const DraftRequest& request) {
    Store& store = b.store;
    Draft& d = b.draft;
    Date today = b.today;
    auto person = [&](const std::string& who) { return get_contact(store, resolve_who(store, who)); };
    const std::string& kind = request.kind;
    if (kind == "intro-request") {
        Contact target = person(request.who);
        d.recipient = request.via ? person(*request.via) : best_broker(store, target, today);
        d.other = target;
        if (d.recipient.id == target.id) throw Error("the message needs two different people");
        // Never ask someone who does not know them, nor ask twice. A broker
        // on a warm path who knows them only through someone else may ask on.
        if (!linked(store, d.recipient.id, target.id)) {
            constexpr int hops = 3;
            auto paths = find_paths(load_neighborhood(store, target.id, hops, today), target.id, hops, today);
            auto through = std::find_if(paths.begin(), paths.end(), [&](const IntroPath& path) {
                return path.hops.front().id == d.recipient.id;
            });
            if (through == paths.end())
                throw Error(fmt::format("nothing says {} knows {}: ask someone who does (rolo intro {}), or record "
                                        "that they know each other (rolo link {} {})",
                                        describe(d.recipient), describe(target), target.id, d.recipient.id,
                                        target.id));
            d.warnings.push_back(fmt::format("{} knows {} only through others: {}", describe(d.recipient),
                                             describe(target), describe(*through)));
        }
        d.request = open_request(store, d.recipient.id, target.id);
        if (d.request && d.request->asked_on < today)
            throw Error(fmt::format("you asked {} on {} already (intro #{}); the one follow-up is rolo draft "
                                    "intro-follow-up {} --via {}",
                                    describe(d.recipient), format_date(d.request->asked_on), d.request->id, target.id,
                                    d.recipient.id));
        d.reason = trim(request.about.empty() && d.request ? d.request->reason : request.about);
        return;
    }
    if (kind == "intro-follow-up") {
        // WHO is the broker, or the target with --via naming the broker.
        Contact named = person(request.who);
        std::optional<Contact> broker = request.via ? std::optional(person(*request.via)) : std::nullopt;
        d.recipient = broker ? *broker : named;
        d.request = broker ? open_request(store, broker->id, named.id) : open_request_to(store, named.id);
        if (!d.request)
            throw Error(fmt::format("no open introduction request to {}; see rolo intro --open", describe(d.recipient)));
        d.other = get_contact(store, d.request->target_id);
        if (d.request->followed_up_on)
            throw Error(fmt::format("you followed up on intro #{} on {} already; one follow-up is the most: read "
                                    "silence as a gentle no (rolo intro --close {} --status silent)",
                                    d.request->id, format_date(*d.request->followed_up_on), d.request->id));
        Date allowed = d.request->asked_on + std::chrono::days{b.config.intro_follow_up_days};
        if (today < allowed)
            throw Error(fmt::format("too early: you asked on {}; the one follow-up may be sent from {}",
                                    format_date(d.request->asked_on), format_date(allowed)));
        d.reason = d.request->reason;
        return;
    }
    d.recipient = person(request.who);
    if (kind == "intro" && !request.to) throw Error("an intro needs --to: who to introduce them to");
    if (auto other = request.to ? request.to : request.via) d.other = person(*other);
    if (d.other && d.other->id == d.recipient.id) throw Error("the message needs two different people");
    const Contact& r = d.recipient;
    int window = b.config.hello_window_days;
    bool in_window = is_new_connection(r, "", today, window);
    if (kind == "hello" && !in_window) {
        if (!r.connected)
            throw Error(fmt::format("{} is not connected yet: a hello thanks them for accepting; send a connection "
                                    "note first (rolo draft connect {})",
                                    describe(r), r.id));
        if (!r.connected_on || *r.connected_on > today)
            throw Error(fmt::format("rolo does not know when {} accepted: a hello belongs to the first {} days after; "
                                    "log it (rolo log {} \"accepted\" --kind accepted --on DATE), or write a check-in "
                                    "(rolo draft checkin {})",
                                    describe(r), window, r.id, r.id));
        throw Error(fmt::format("{} connected on {}; a hello belongs to the first {} days: write a check-in instead "
                                "(rolo draft checkin {})",
                                describe(r), format_date(*r.connected_on), window, r.id));
    }
    if (kind == "connect" && r.connected)
        throw Error(fmt::format("{} is already connected{}: write a hello (in the first {} days) or a check-in; "
                                "if you are not connected yet, rolo edit {} --not-connected",
                                describe(r), r.connected_on ? " (since " + format_date(*r.connected_on) + ")" : "",
                                window, r.id));
    if (kind == "intro" && linked(store, r.id, d.other->id))
        d.warnings.push_back(fmt::format("{} and {} already know each other", describe(r), describe(*d.other)));
    // An invitation waiting for its answer is the whole state: neither a
    // second request nor a check-in to someone not yet in your network.
    if (kind == "connect" || (kind == "checkin" && !r.connected)) {
        auto invites = list_interactions(store, {.contact_id = r.id, .kind = "invite", .limit = 1});
        if (!invites.empty() && invites.front().direction == Direction::out)
            throw Error(fmt::format("you sent {} an invitation on {}; it is pending: wait, or reach them another way",
                                    describe(r), format_date(invites.front().on)));
    }
    if (kind == "connect" && d.other && !linked(store, r.id, d.other->id))
        d.warnings.push_back(fmt::format("nothing says {} knows {}: the note will not mention them", describe(r),
                                         describe(*d.other)));
    d.new_connection = is_new_connection(r, kind, today, window);
}

}  // namespace

const std::vector<std::string>& draft_kinds() {
    static const std::vector<std::string> kinds = {"connect",  "hello",         "checkin",         "followup", "thanks",
                                                   "congrats", "intro-request", "intro-follow-up", "intro"};
    return kinds;
}

std::string_view draft_kind_purpose(std::string_view kind) {
    static const std::vector<std::pair<std::string_view, std::string_view>> purposes = {
        {"connect", "the note on a connection request, right after you meet"},
        {"hello", "after they accept: thank them, within the hello window"},
        {"checkin", "keeping in touch, when a cadence comes due"},
        {"followup", "after a meeting that happened"},
        {"thanks", "for something they did (--about)"},
        {"congrats", "on their news, such as a new job (--about)"},
        {"intro-request", "to a broker: who you want to meet (WHO) and why (--via, --about)"},
        {"intro-follow-up", "the one follow-up on an introduction request"},
        {"intro", "the double opt-in message to WHO about --to"},
    };
    for (const auto& [name, purpose] : purposes)
        if (name == kind) return purpose;
    return {};
}

const std::vector<std::string>& known_fields() {
    static const std::vector<std::string> fields = {
        "first",          "name",         "company",        "title",          "role",         "met",
        "met_online",     "met_when",     "interests",      "topic",          "last_talk",    "long_gap",
        "meeting",        "meeting_when", "meeting_topic",  "next_when",      "helped",
        "about",          "why",          "asked_when",     "mutual",         "upcoming",       "topic_question",
        "about_clause",   "new_job",      "other.first",  "other.name",
        "other.role",     "other.interests", "other.known_well", "other.known_slightly", "me.name", "me.first",
        "me.email",       "me.signature"};
    return fields;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> names;
    scan(text, [](char, std::size_t) {}, [&](std::string_view name, bool, std::size_t) {
        if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
    });
    return names;
}

Template load_template(const std::filesystem::path& file) {
    std::string source = read_file(file);
    toml::table root;
    try {
        root = toml::parse(source, file.string());
    } catch (const toml::parse_error& e) {
        throw Error(fmt::format("{}:{}:{}: {}", file.string(), e.source().begin.line, e.source().begin.column,
                                e.description()));
    }
    Template tmpl;
    tmpl.file = file;
    if (auto layout = root["layout"].value<std::string>()) {
        if (*layout != "letter" && *layout != "note")
            throw Error(fmt::format("{}:{}: layout is \"letter\" or \"note\", not \"{}\"", file.string(),
                                    root.get("layout")->source().begin.line, *layout));
        tmpl.note = *layout == "note";
    }
    tmpl.greeting = wordings_of(root.get("greeting"), file, "greeting", 1);
    tmpl.signoff = wordings_of(root.get("signoff"), file, "signoff", 1);
    const toml::array* sentences = root["sentence"].as_array();
    if (!sentences || sentences->empty())
        throw Error(fmt::format("{}:1: a template needs at least one [[sentence]] with its say = [...]", file.string()));
    for (const auto& node : *sentences) {
        int line = static_cast<int>(node.source().begin.line);
        const toml::table* table = node.as_table();
        const toml::node* say = table ? table->get("say") : nullptr;
        auto wordings = wordings_of(say, file, "say", line);
        if (wordings.empty())
            throw Error(fmt::format("{}:{}: a [[sentence]] needs say = [\"...\"]", file.string(), line));
        tmpl.sentences.push_back(std::move(wordings));
    }
    return tmpl;
}

Rendered render(const Template& tmpl, const Fields& fields, std::optional<std::size_t> limit) {
    Rendered rendered;
    auto note_missing = [&](const std::string& wording) {
        for (const auto& name : placeholders(wording))
            if (!known(fields, name) &&
                std::find(rendered.missing.begin(), rendered.missing.end(), name) == rendered.missing.end())
                rendered.missing.push_back(name);
    };
    std::vector<std::optional<std::size_t>> chosen;
    for (const auto& wordings : tmpl.sentences) {
        chosen.push_back(first_usable(wordings, fields, 0));
        note_missing(wordings.front());
    }
    auto greeting = first_usable(tmpl.greeting, fields, 0);
    auto signoff = first_usable(tmpl.signoff, fields, 0);
    if (!tmpl.signoff.empty()) note_missing(tmpl.signoff.front());

    auto compose = [&] {
        std::vector<std::string> sentences;
        for (std::size_t i = 0; i < chosen.size(); ++i) {
            if (!chosen[i]) continue;
            std::string sentence = as_sentence(fill(tmpl.sentences[i][*chosen[i]], fields));
            if (sentence.size() > 1) sentences.push_back(std::move(sentence));
        }
        std::string hello = greeting ? fill(tmpl.greeting[*greeting], fields) : "";
        std::string body = join(sentences, " ");
        if (tmpl.note) {
            // "Hi Ana, it was good to meet you": the greeting runs on.
            if (!hello.empty() && !body.empty() && !(body.starts_with("I ") || body.starts_with("I'") ||
                                                     body.starts_with("I\u2019")))
                if (body.size() > 1 && std::islower(static_cast<unsigned char>(body[1])))
                    body[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(body[0])));
            return trim(hello + " " + body) + "\n";
        }
        std::string text = hello.empty() ? body : hello + "\n\n" + body;
        if (signoff) text += "\n\n" + fill(tmpl.signoff[*signoff], fields);
        return trim(text) + "\n";
    };
    rendered.text = compose();
    // Too long: step the last entry that has a shorter wording down to it.
    while (limit && code_points(trim(rendered.text)) > *limit) {
        bool stepped = false;
        for (std::size_t i = chosen.size(); i-- > 0 && !stepped;) {
            if (!chosen[i]) continue;
            auto next = first_usable(tmpl.sentences[i], fields, *chosen[i] + 1);
            auto length = [&](std::size_t w) { return fill(tmpl.sentences[i][w], fields).size(); };
            while (next && length(*next) >= length(*chosen[i])) next = first_usable(tmpl.sentences[i], fields, *next + 1);
            if (next) {
                chosen[i] = next;
                stepped = true;
            }
        }
        if (!stepped) break;
        rendered.text = compose();
    }
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (!chosen[i]) continue;
        for (const auto& name : placeholders(tmpl.sentences[i][*chosen[i]]))
            if (is_detail(name)) rendered.has_detail = true;
    }
    return rendered;
}

Draft compose_draft(Store& store, const DraftRequest& request, const Template& tmpl, const Config& config, Date today) {
    Draft draft;
    draft.kind = request.kind;
    Builder b{store, config, today, draft, {}, {}, request.about};
    cast_and_check(b, request);
    const Contact& r = draft.recipient;
    History history = history_of(store, r.id, today);
    // The job change an import recorded is the news, unless --about says other news.
    if (request.kind == "congrats" && trim(b.draft_about).empty())
        if (const auto* job = history.newest([](const Interaction& i) { return i.kind == "job-change"; }))
            b.draft_about = job->topic;
    b.recipient_fields(r, history);
    me_fields(b.fields, config.me);
    Fields& f = b.fields;
    if (draft.other) {
        b.person_fields(*draft.other, "other.");
        int talks = 0;
        for (const auto& i : history_of(store, draft.other->id, today).past) talks += is_conversation(i);
        // Vouch only from what the history shows: fewer than three conversations is "only a little".
        f[talks >= 3 ? "other.known_well" : "other.known_slightly"] = "yes";
        if (request.kind == "connect" && linked(store, r.id, draft.other->id)) f["mutual"] = f["other.first"];
    }
    if (!draft.reason.empty() || request.kind == "intro")
        f["why"] = reason_phrase(draft.reason.empty() ? request.about : draft.reason, request.kind == "intro");
    if (draft.request) f["asked_when"] = humanize_date(draft.request->asked_on, today);
    if (request.kind == "followup") {
        const Interaction* meeting = history.newest(is_meeting);
        if (!meeting)
            throw Error(fmt::format("no meeting, coffee or call with {} is logged on or before {}: a follow-up comes "
                                    "after one; if you met, log it first (rolo log {} \"...\" --kind meeting --on DATE)",
                                    describe(r), format_date(today), r.id));
        if (days_between(meeting->on, today) > 30)
            throw Error(fmt::format("your last meeting with {} was on {}: a follow-up belongs to the days after it; "
                                    "write a check-in (rolo draft checkin {})",
                                    describe(r), format_date(meeting->on), r.id));
        f["meeting"] = meeting_phrase(*meeting);
        f["meeting_when"] = humanize_date(meeting->on, today);
        if (!meeting->topic.empty() && !unsayable(meeting->topic)) f["meeting_topic"] = fragment(meeting->topic, "");
        if (meeting->next_on && *meeting->next_on > today) f["next_when"] = humanize_future(*meeting->next_on, today);
    }
    if (request.kind == "checkin" && draft.new_connection)
        draft.warnings.push_back(fmt::format("{} connected on {}: a hello fits a new connection better", describe(r),
                                             format_date(*r.connected_on)));
    if (request.kind == "checkin") {
        if (const auto* talk = history.newest(is_conversation); talk && days_between(talk->on, today) < 14)
            draft.warnings.push_back(fmt::format("you last spoke on {}: a check-in this soon adds little",
                                                 format_date(talk->on)));
    }
    if (request.kind == "thanks" && request.about.empty()) {
        for (const auto& intro : intros_involving(store, r.id))
            if (intro.kind == IntroKind::asked && intro.status == IntroStatus::done && intro.broker_id == r.id) {
                draft.other = get_contact(store, intro.target_id);
                f["helped"] = "introducing me to " + greeting_name(draft.other->name, draft.other->call_name).name;
                break;
            }
    }


    std::optional<std::size_t> limit;
    if (request.kind == "connect") limit = static_cast<std::size_t>(config.connect_limit);
    draft.rendered = render(tmpl, f, limit);
    for (std::string field : draft.rendered.missing) {
        // Without a conversation, the last time you spoke is where you met:
        // when that could not be said, the reason is the hint.
        if (field == "last_talk" && b.problems.contains("met") && !known(f, "met")) field = "met";
        std::string hint = hint_for(field, draft, b.problems, config.path.string());
        if (!hint.empty()) draft.hints.push_back(hint);
    }
    // Some kinds cannot be sent without their one detail: rather than a
    // generic message, rolo says what to fill.
    static const std::map<std::string, std::string> essential = {
        {"connect", ""}, {"checkin", ""}, {"thanks", "about"}, {"congrats", "about"}, {"intro-request", "why"},
        {"intro", "why"}};
    if (auto needs = essential.find(request.kind); needs != essential.end()) {
        // A check-in may rest on when you last spoke alone.
        bool lacking = needs->second.empty()
                           ? !draft.rendered.has_detail && !(request.kind == "checkin" && known(f, "last_talk"))
                           : !known(f, needs->second) && !known(f, "helped") && !known(f, "about_clause");
        if (lacking)
            throw Error(fmt::format("rolo knows too little to draft this {} to {}: {}",
                                    request.kind, describe(r),
                                    needs->second.empty() && !draft.hints.empty() ? join(draft.hints, "; ")
                                    : needs->second.empty() ? "say where you met (--met) or what they care about (--interests)"
                                                          : hint_for(needs->second, draft, b.problems,
                                                                     config.path.string())));
    }
    draft.own_words = own_words_of(r);
    for (const auto& i : history.past)
        if (!i.topic.empty()) draft.own_words.push_back(i.topic);
    // A todo is your note to yourself: beside the message, never in it.
    for (const auto& step : open_next_steps(store, r.id))
        if (!step.todo.empty())
            draft.hints.push_back(fmt::format("todo {} (your note, not in the message); once done: rolo done {} --todo-id {}",
                                              describe(step), r.id, step.interaction_id));
    return draft;
}

LintContext lint_context_of(const Draft& draft, const Config& config) {
    LintContext context;
    context.kind = draft.kind;
    context.connect_limit = config.connect_limit;
    context.new_connection = draft.new_connection;
    context.own_words = draft.own_words;
    if (draft.other) context.other_name = spoken_name(draft.other->name);
    return context;
}

void record_draft(Store& store, const Draft& draft, Date today) {
    static const std::map<std::string, std::string> sent = {
        {"connect", "sent a connection note"}, {"hello", "sent a hello"},     {"checkin", "sent a check-in"},
        {"followup", "sent a follow-up"},      {"thanks", "sent thanks"},      {"congrats", "sent congratulations"},
        {"intro", "asked about an introduction to "}};
    const std::string& kind = draft.kind;
    if (kind == "intro-request") {
        if (!draft.request) ask_for_intro(store, draft.recipient, *draft.other, draft.reason, today);
        return;
    }
    Interaction row{.contact_id = draft.recipient.id, .on = today};
    row.by_rolo = true;
    if (kind == "intro-follow-up") {
        row.kind = "intro";
        row.summary = "followed up on the introduction to " + draft.other->name;
        log_interaction(store, row, today);
        set_followed_up(store, draft.request->id, today);
        return;
    }
    row.kind = kind == "connect" ? "invite" : "message";
    row.summary = sent.at(kind) + (kind == "intro" ? draft.other->name : "");
    log_interaction(store, row, today);
}

std::string humanize_date(Date date, Date today) {
    using namespace std::chrono;
    int days = days_between(date, today);
    year_month_day then{date}, now{today};
    std::string month(month_name(then.month()));
    // Calendar weeks, Monday first, as people count them: on a Tuesday, last
    // Saturday is "last week", not "this week".
    int into_week = static_cast<int>((weekday{today}.c_encoding() + 6) % 7);  // Monday 0
    if (days == 0) return "today";
    if (days == 1) return "yesterday";
    if (days > 1 && days <= into_week) return fmt::format("on {}", weekday_name(weekday{date}));
    if (days > into_week && days <= into_week + 7) return "last week";
    if (then.year() == now.year() && then.month() == now.month()) return "earlier this month";
    // In January, last November is "in November": a month under ten months
    // back is the last one of that name.
    if (then.year() == now.year() || days < 300) return "in " + month;
    return fmt::format("in {} {}", month, static_cast<int>(then.year()));
}

bool is_new_connection(const Contact& r, std::string_view kind, Date today, int hello_window_days) {
    if (kind == "connect" && !r.connected) return true;
    return r.connected && r.connected_on && *r.connected_on <= today &&
           days_between(*r.connected_on, today) < hello_window_days;
}

}  // namespace rolo
