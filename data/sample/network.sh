# A small sample network, as the rolo commands that build it. Sourced by
# data/sample/demo.sh with $rolo set to the binary and ROLO_DB to a scratch file.
r() { "$rolo" "$@" >/dev/null; }

r add "Janet Mellor" --email janet@example.com --company "Mellor & Co" --title "Managing Partner" \
    --met "BNI breakfast, Leeds" --met-on 2026-09-02 --interests "sailing and family businesses" \
    --tag referral --tag bni --every 30d
r add "Clive Smith" --company Acme --title CTO --via Janet --interests "Rust, open-source licensing"
r add "Priya Raman" --email priya@example.org --company "Northwind" --title "Head of Data" \
    --met "PyData London, panel on data contracts" --met-on 2026-06-14 --tag speaker --tag data --every 6w
r add "Tomás Ortega" --email tomas@example.net --company "Acme" --title "Sales Director" \
    --met "LinkedIn, after his post on pricing" --met-on 2026-05-10 --tag client --every 2w
r add "Zoë Ångström" --company "Fjord Analytics" --interests "climate data, trail running" \
    --met "Web Summit 2025" --met-on 2025-11-12 --tag data --not-connected
r add "Marcus Webb" --company "Webb Consulting" --met-on 2025-03-01 --knows "janet:4" --knows "tomas:2" \
    --tag referral --every 3m
r add "Aiko Tanaka" --email aiko@example.jp --company "Northwind" --title "VP Engineering" --not-connected \
    --knows "priya:5"

r link janet priya --strength 2 --context "met at a BNI visitors' day"
r link clive tomas --strength 5 --context "worked together at Acme"

r log janet "coffee at Stage Door; she is hiring a COO, asked for names" --kind coffee --on 2026-11-10 --next 2w \
    --topic "your search for a COO"
r log janet "BNI breakfast, passed her a referral" --kind meeting --on 2026-10-21
r log priya "call about data contracts at Northwind" --kind call --on 2026-10-01 --topic "the data contracts rollout"
r log tomas "quick check-in on the Q4 renewal" --kind message --on 2026-11-02 --next 2026-11-20
r log zoe "sent connection request with a note about her talk" --kind invite --on 2026-11-18
r log marcus "lunch, swapped referral lists" --kind meeting --on 2026-08-15
