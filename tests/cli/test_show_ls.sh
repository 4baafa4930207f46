# rolo show and rolo ls: the card, records, filters, formats, and no database.
. "$(dirname "$0")/lib.sh"

# Read-only commands on a missing database print an empty result and create nothing.
run --format tsv ls
expect_rc 0
expect_out "$(printf 'id\tname\tcompany\ttitle\temail\ttags\tconnected\tevery\tlast')"
run --format json ls
expect_out "[]"
run history --format csv
expect_out "id,date,contact_id,name,kind,direction,summary,next_on,topic,by_rolo,todo,done_on,group_id"
run show janet
expect_rc 1
expect_err_has "no database yet at $ROLO_DB"
expect_true "no database was created" test ! -e "$ROLO_DB"

"$ROLO" add "Janet Mellor" --email janet@example.com --company Acme --met "BNI breakfast" --met-on 2026-11-01 \
    --interests "sailing, her new job" --tag referral --every 30d >/dev/null
"$ROLO" add "Clive Smith" --via janet --company Beta >/dev/null
"$ROLO" add "Zoë Ångström" --company "Acme Labs" --tag client --not-connected >/dev/null
"$ROLO" log janet "coffee, talked about her new job" --kind coffee --next 2w >/dev/null
"$ROLO" log janet "first call" --kind call --on 2026-11-10 >/dev/null

run show janet
expect_rc 0
expect_out "$(cat <<'CARD'
#1 Janet Mellor (Acme)
  email      janet@example.com
  met        BNI breakfast, on 2026-11-01 (3 weeks ago)
  interests  sailing, her new job
  tags       referral
  cadence    every 30d
  connected  since 2026-11-01 (3 weeks ago)
  due        2026-12-08 (in 2 weeks) follow-up, 2026-12-24 (in 4 weeks) cadence

knows
  #2 Clive Smith (Beta)  strength 3

history
  2026-11-24  (today)          coffee   out  coffee, talked about her new job  (next 2026-12-08)
  2026-11-10  (2 weeks ago)    call     out  first call
CARD
)"

run show 1 --format json
expect_true "show json is one object with the contact and its lists" \
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert list(d)==["contact","cadence","path","due","next_steps","knows","intros","interactions"]; assert d["cadence"]=={"every":"30d","source":"own"}; assert [x["reason"] for x in d["due"]]==["follow-up","cadence"]; assert d["contact"]["every"]=="30d"; assert [i["kind"] for i in d["interactions"]]==["coffee","call"]' "$out"
run show 1 --format csv
expect_out_has "id,name,email,phone,company,title,location,linkedin_url,met_at,met_on,interests,notes,every,connected,connected_on,archived,tags,snoozed_until,call_name,created_at,updated_at"
expect_out_has '1,Janet Mellor,janet@example.com,,Acme,,,,BNI breakfast,2026-11-01,"sailing, her new job",,30d,1,2026-11-01,0,referral,,,2026-11-24 '

# ls: by name (accent-folded), filters, -q.
run ls -q
expect_out "$(printf '2\n1\n3')"
run ls zoe -q
expect_out "3"
run ls --company acme -q
expect_out "$(printf '1\n3')"
run ls --tag referral -q
expect_out "1"
run ls --connected -q
expect_out "1"
run ls --not-connected -q
expect_out "$(printf '2\n3')"
run ls --format json
expect_true "ls json has every field in export's column order, then last" \
    python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert list(d[0])[:5]==["id","name","email","phone","company"] and list(d[0])[-3:]==["created_at","updated_at","last"]; assert d[1]["last"]=="2026-11-24" and d[0]["last"] is None; assert d[1]["tags"]==["referral"] and d[1]["connected"] is True' "$out"

# table: aligned, no colour when piped or with NO_COLOR, colour only when asked.
run --format table ls --company acme
expect_out "$(printf 'id  name          company    title  email              tags      connected  every  last\n 1  Janet Mellor  Acme              janet@example.com  referral  yes        30d    2026-11-24\n 3  Zoë Ångström  Acme Labs                            client    no')"
run --format table --color always ls
expect_out_has $'\x1b[1m'
NO_COLOR=1 run --format table ls
expect_out_lacks $'\x1b['

# ROLO_FORMAT is honoured; a bad format is a usage error.
ROLO_FORMAT=csv run ls -q
expect_out "$(printf '2\n1\n3')"
ROLO_FORMAT=csv run ls zoe
expect_out_has "id,name,company"
run --format yaml ls
expect_rc 2
ROLO_FORMAT=yaml run ls
expect_rc 1
expect_err_has "unknown format 'yaml'"

finish
