// Times the two halves of `rolo intro TARGET` separately on an existing
// database: loading the target's neighbourhood, and searching it.
// Usage: intro_bench DB TARGET_ID [HOPS] [RUNS]; prints medians in ms.
#include "rolo/store.hpp"
#include "rolo/warm_path.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: intro_bench DB TARGET_ID [HOPS] [RUNS]\n");
        return 2;
    }
    auto store = rolo::Store::open_existing(argv[1]);
    if (!store) return 1;
    std::int64_t target = std::stoll(argv[2]);
    int hops = argc > 3 ? std::stoi(argv[3]) : 3;
    int runs = argc > 4 ? std::stoi(argv[4]) : 11;
    rolo::Date today = rolo::parse_iso_date("2026-11-24").value();
    using clock = std::chrono::steady_clock;
    auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    std::vector<double> load, search;
    std::size_t people = 0, paths = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = clock::now();
        auto graph = rolo::load_neighborhood(*store, target, hops, today);
        auto loaded = clock::now();
        auto found = rolo::find_paths(graph, target, hops, today);
        auto done = clock::now();
        load.push_back(ms(loaded - start));
        search.push_back(ms(done - loaded));
        people = graph.people.size();
        paths = found.size();
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("  neighbourhood: %zu people, %zu paths\n", people, paths);
    std::printf("  load (2 queries)            %.1f ms\n", median(load));
    std::printf("  search (in memory)          %.1f ms\n", median(search));
}
