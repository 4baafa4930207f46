// rolo intro: warm paths to someone, introduction requests you track, and
// introductions you make between two people. Usage: rolo-intro(1).
#include "common.hpp"

#include "rolo/contact.hpp"
#include "rolo/error.hpp"
#include "rolo/interaction.hpp"
#include "rolo/intro.hpp"
#include "rolo/knows.hpp"
#include "rolo/records.hpp"
#include "rolo/text.hpp"
#include "rolo/warm_path.hpp"
#include "rolo/who.hpp"

#include <algorithm>
#include <iostream>
#include <limits>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace rolo::app {
namespace {

struct IntroOptions {
    std::vector<std::string> people;
    int hops = 3;
    int limit = 10;
    std::optional<std::string> ask;
    std::optional<std::string> via;
    std::string why;
    bool draft = false;
    bool record = false;
    bool open = false;
    std::optional<std::int64_t> close;
    std::optional<std::int64_t> reopen;
    std::string status;
    bool force = false;
    bool suggest = false;
    std::string tag;
    std::vector<std::string> exclude_tags;
};

// Tags whose holders --suggest never pairs: those given, and your clients
// unless --tag client asks for them.
std::vector<std::string> kept_apart(const IntroOptions& options) {
    std::vector<std::string> tags = options.exclude_tags;
    if (options.tag != "client") tags.emplace_back("client");
    return tags;
}

Table paths_table(const std::vector<IntroPath>& paths) {
    Table table;
    table.columns = {"broker_id", "broker", "score", "hops", "path", "ids"};
    for (const auto& path : paths) {
        std::vector<std::string> ids;
        for (const auto& hop : path.hops) ids.push_back(std::to_string(hop.id));
        table.add_row({path.hops.front().id, path.hops.front().name, path.score,
                       static_cast<std::int64_t>(path.hops.size()), describe(path), ids});
    }
    return table;
}

void show_paths(Context& context, Store& store, const Contact& target, const IntroOptions& options) {
    if (target.connected) {
        std::cerr << fmt::format("rolo: {} is already in your network; people who know them:\n", describe(target));
        context.print(acquaintance_records(acquaintances(store, target.id)));
        return;
    }
    Date today = context.today();
    auto paths = find_paths(load_neighborhood(store, target.id, options.hops, today), target.id, options.hops, today);
    if (paths.empty())
        throw Error(fmt::format("no warm path to {} within {} hops; record who knows them with "
                                "'rolo link WHO {}' or 'rolo add NAME --via WHO', or try --hops {}",
                                describe(target), options.hops, target.id, options.hops + 1));
    if (paths.size() > static_cast<std::size_t>(options.limit)) paths.resize(options.limit);
    context.print(paths_table(paths));
}

void ask(Context& context, Store& store, const Contact& target, const IntroOptions& options) {
    Date today = context.today();
    Contact broker = get_contact(store, resolve_who(store, *options.ask));
    if (broker.id == target.id) throw Error("an introduction needs two different people");
    if (!broker.connected) warn(fmt::format("{} is not connected to you: ask someone you know", describe(broker)));
    Intro intro = ask_for_intro(store, broker, target, options.why, today);
    std::string done = fmt::format("asked {} to introduce you to {} (intro #{}); follow up once from {}",
                                   describe(broker), describe(target), intro.id,
                                   format_date(today + std::chrono::days{context.settings().intro_follow_up_days}));
    // With --draft, stdout carries the message alone.
    if (options.draft)
        std::cerr << "rolo: " << done << '\n';
    else
        context.report(intro.id, done);
}

std::string profile_line(const Contact& c) {
    std::vector<std::string> parts;
    if (!c.title.empty() || !c.company.empty())
        parts.push_back(c.title.empty() ? c.company : c.company.empty() ? c.title : c.title + " at " + c.company);
    if (!c.met_at.empty()) parts.push_back("met " + c.met_at);
    if (!c.interests.empty()) parts.push_back("interests: " + c.interests);
    return fmt::format("  {}: {}", describe(c), parts.empty() ? "nothing recorded yet" : join(parts, "; "));
}

void plan(Context& context, Store& store, const Contact& a, const Contact& b, const IntroOptions& options) {
    if (a.id == b.id) throw Error("an introduction needs two different people");
    std::vector<std::string> shared;
    if (!a.company.empty() && fold(trim(a.company)) == fold(trim(b.company))) shared.push_back("both at " + a.company);
    for (const auto& tag : a.tags)
        if (std::binary_search(b.tags.begin(), b.tags.end(), tag)) shared.push_back("both tagged " + tag);
    std::string text = fmt::format("Introduce {} and {} (double opt-in)\n{}\n{}\n  in common: {}\n", describe(a),
                                   describe(b), profile_line(a), profile_line(b),
                                   shared.empty() ? "nothing recorded" : join(shared, ", "));
    if (!options.why.empty()) text += "  why: " + options.why + "\n";
    auto people_a_knows = acquaintances(store, a.id);
    auto link_to_b = std::find_if(people_a_knows.begin(), people_a_knows.end(),
                                  [&](const Acquaintance& known) { return known.id == b.id; });
    bool linked = link_to_b != people_a_knows.end();
    if (linked) text += fmt::format("  they already know each other (strength {})\n", link_to_b->strength);
    text += fmt::format("Ask each of them first, and introduce them only when both say yes.\n");

    if (options.record) {
        Intro intro = record_intro_made(store, a, b, options.why, context.today());
        text += fmt::format("recorded intro #{}\n", intro.id);
    }
    std::cout << text;
}

Table suggestions_table(const std::vector<IntroSuggestion>& suggestions) {
    Table table;
    table.columns = {"a_id", "a", "b_id", "b", "score", "why"};
    for (const auto& s : suggestions)
        table.add_row({s.a.id, s.a.name, s.b.id, s.b.name, std::int64_t{s.score}, join(s.reasons, ", ")});
    return table;
}

void run_intro(Context& context, const IntroOptions& options) {
    int modes = options.open + options.close.has_value() + options.reopen.has_value() + options.suggest;
    if (modes > 1) throw CLI::ValidationError("--open, --close, --reopen and --suggest", "take one at a time");
    if (modes == 1 && !options.people.empty())
        throw CLI::ValidationError("WHO", "--open, --close, --reopen and --suggest take no person");
    if (modes == 0 && options.people.empty())
        throw CLI::RequiredError("TARGET (or --open, --close, --reopen, --suggest)");
    if (options.close && options.status.empty()) throw CLI::RequiredError("--status");
    if (options.force && !options.close) throw CLI::ValidationError("--force", "goes with --close");
    if (options.people.size() == 2 && options.ask) throw CLI::ValidationError("--ask", "goes with one TARGET");
    if (options.record && options.people.size() != 2) throw CLI::ValidationError("--record", "goes with A B");
    if (options.draft && options.people.size() != 1) throw CLI::ValidationError("--draft", "goes with one TARGET");

    if (options.open || options.suggest) {
        auto store = context.open_existing_store();
        if (options.open) {
            auto open = store ? list_intros(*store, IntroStatus::open) : std::vector<Intro>{};
            derive_silence(open, context.today(), context.settings().intro_follow_up_days);
            std::erase_if(open, [](const Intro& intro) { return intro.status != IntroStatus::open; });
            context.print(intro_records(open));
        }
        if (options.suggest)
            context.print(suggestions_table(store ? suggest_intros(*store, options.tag, options.limit, kept_apart(options))
                                                  : std::vector<IntroSuggestion>{}));
        return;
    }
    Store store = context.existing_store();
    if (options.close) {
        auto transaction = store.transaction();
        close_intro(store, *options.close, parse_intro_status(options.status), options.force);
        transaction.commit();
        context.report(*options.close, fmt::format("closed intro #{} as {}", *options.close, options.status));
        return;
    }
    if (options.reopen) {
        auto transaction = store.transaction();
        reopen_intro(store, *options.reopen, context.today());
        transaction.commit();
        context.report(*options.reopen, fmt::format("reopened intro #{}", *options.reopen));
        return;
    }
    // Asking, recording and drafting happen in one transaction: a draft that
    // fails leaves no request behind.
    auto transaction = store.transaction();
    Contact first = get_contact(store, resolve_who(store, options.people[0]));
    if (options.people.size() == 2)
        plan(context, store, first, get_contact(store, resolve_who(store, options.people[1])), options);
    else if (options.ask)
        ask(context, store, first, options);
    else if (!options.draft)
        show_paths(context, store, first, options);
    if (options.draft) {
        DraftCommand draft;
        draft.kind = "intro-request";
        draft.who = options.people[0];
        draft.via = options.ask ? options.ask : options.via;
        draft.about = options.why;
        write_draft(context, store, draft);
    }
    transaction.commit();
}

}  // namespace

void register_intro(CLI::App& app, Context& context) {
    auto options = std::make_shared<IntroOptions>();
    auto* command = app.add_subcommand("intro", "Warm paths to someone; introductions you ask for and make");
    command->add_option("WHO", options->people, "TARGET, or two people A B to introduce")->expected(0, 2);
    command->add_option("--hops", options->hops, "Longest path to search, in hops from you (default 3)")
        ->check(CLI::Range(2, 6));
    command->add_option("-n,--limit", options->limit, "At most N paths or suggestions (default 10)")
        ->check(CLI::Range(1, std::numeric_limits<int>::max()));
    command->add_option("--ask", options->ask, "Record a request to VIA to introduce you to TARGET");
    command->add_option("--why", options->why, "Why you want the introduction, or why they should meet");
    command->add_flag("--draft", options->draft, "Print the request message to the best (or --via/--ask) broker");
    command->add_option("--via", options->via, "With --draft: the broker to write to");
    command->add_flag("--record", options->record, "With A B: record the introduction as made");
    command->add_flag("--open", options->open, "List open introduction requests");
    command->add_option("--close", options->close, "Close intro ID (with --status)");
    command->add_option("--status", options->status, "done, declined or silent")
        ->check(CLI::IsMember({"done", "declined", "silent"}));
    command->add_flag("--force", options->force, "With --close: close an intro that is closed already");
    command->add_option("--reopen", options->reopen, "Open intro ID again (its wait for an answer starts today)");
    command->add_flag("--suggest", options->suggest, "Pairs of your contacts you could introduce");
    command->add_option("--tag", options->tag, "With --suggest: only people with this tag");
    command->add_option("--exclude-tag", options->exclude_tags,
                        "With --suggest: never pair two people who both have this tag (repeatable; client always)")
        ->allow_extra_args(false);
    command->callback([&context, options] { run_intro(context, *options); });
}

}  // namespace rolo::app
