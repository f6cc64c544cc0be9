#!/bin/sh
# placeholder-scaler: keeps an event's warm seats in step with its attendees.
#
# Every INTERVAL_SECONDS it reads the event's schedule (SCHEDULE_FILE, one phase per line:
#   FROM UNTIL SEATS CAP WARMFROM   -- Unix seconds [FROM, UNTIL), planned seats, headroom cap (-1: none), window id)
# counts the attendees' running servers in HUB_NAMESPACE and keeps
#   desired = min(SEATS - attendees, CAP), never below 0; 0 outside every phase
# placeholder pods in NAMESPACE (the event's own capacity namespace, which holds nothing else of the kind).
# Placeholders are bare pods made from the pod template TEMPLATE_FILE (kubectl create, generateName): a placeholder
# preempted by a user server is simply gone, never recreated behind the scaler's back. Too few: the difference is
# created. Too many: the surplus is deleted, unscheduled (pending) ones first, then those on the nodes with the most
# user servers (ties: node name, then pod name), so free seats stay on the emptiest nodes and, once the arrival phase
# is over, the nodes of no-shows empty out and the cluster autoscaler removes them.
# Attendees: the pods matching ATTENDEE_SELECTOR in HUB_NAMESPACE. With BASELINE=warm-up (an event on a shared
# community hub), the servers already running when the scaler first sees a warm window are regular users: their
# names are stored in the state ConfigMap STATE_CONFIGMAP (key baseline-WARMFROM) and never counted.
# If the API cannot be read, the iteration fails loudly (ERROR on stderr, exit status 1) and changes nothing; if a
# create or delete fails part-way, it fails loudly and the next look recounts and corrects the rest. Argument "once": one iteration, its status is the exit status (tests). Clock: NOW_EPOCH, else date -u +%s.
set -u

# The kubectl calls, as the real kubectl (>= 1.27) makes them, and the RBAC verb each needs (EventManifests' Roles):
#   get pods -l SEL [--field-selector F] -o jsonpath=...  list pods. A field a pod lacks (spec.nodeName of a pending
#       pod, metadata.deletionTimestamp) prints as empty: --allow-missing-template-keys defaults to true (kubectl
#       get --help). status.phase is one of the pod field selectors the API serves (pkg/apis/core/v1/conversion.go).
#   get configmap NAME -o jsonpath={.data.KEY}          get (a missing key prints nothing; '-' is no jsonpath terminator,
#       client-go util/jsonpath/parser.go isTerminator).
#   patch configmap NAME --patch-file F                  get, then patch (kubectl's patch does not call RequireObject(false),
#       so cli-runtime's Builder fetches the object first: resource/builder.go requireObject: true, RetrieveLazy).
#   create -f - (pods with metadata.generateName)        create only (objects read from a stream are not fetched); the
#       objects' namespace must equal -n (FilenameParam enforces it). `kubectl apply` would refuse generateName.
#   delete --ignore-not-found --wait=false pod NAMES     delete only (delete.go: RequireObject(false)); no watch with
#       --wait=false. Every failing call exits with status 1 (cmdutil.CheckErr).

: "${NAMESPACE:?NAMESPACE is required}"
: "${HUB_NAMESPACE:?HUB_NAMESPACE is required}"
: "${SCHEDULE_FILE:?SCHEDULE_FILE is required}"
: "${TEMPLATE_FILE:?TEMPLATE_FILE is required}"
: "${PLACEHOLDER_SELECTOR:?PLACEHOLDER_SELECTOR is required}"
INTERVAL_SECONDS="${INTERVAL_SECONDS:-30}"
ATTENDEE_SELECTOR="${ATTENDEE_SELECTOR:-component=singleuser-server}"
BASELINE="${BASELINE:-none}"
STATE_CONFIGMAP="${STATE_CONFIGMAP:-}"
MAX_FAILURES="${MAX_FAILURES:-10}"
REQUEST_TIMEOUT="${REQUEST_TIMEOUT:-20s}"

# Every call gives up after REQUEST_TIMEOUT: kubectl's --request-timeout defaults to 0, "don't timeout requests"
# (kubectl options), so a call to an API server that stops answering mid-request would hang the loop for good — no
# failure counted, no restart (the pod has no probe) and no scaling for the rest of the event.
kc() { kubectl --request-timeout="$REQUEST_TIMEOUT" "$@"; }

now() {
    if [ -n "${NOW_EPOCH:-}" ]; then echo "$NOW_EPOCH"; else date -u +%s; fi
}

log() { echo "[$(now)] $*"; }

fail() { echo "[$(now)] ERROR: $*; placeholders left unchanged" >&2; return 1; }

# A create or delete that failed part-way: some pods may have been created or deleted; the next look recounts.
fail_partly() { echo "[$(now)] ERROR: $*; the next look recounts the placeholders and corrects the rest" >&2; return 1; }

# Prints "SEATS CAP WARMFROM" of the phase covering $1, or nothing.
phase_at() {
    awk -v t="$1" '$1 !~ /^#/ && NF >= 5 && t >= $1 && t < $2 { print $3, $4, $5; exit }' "$SCHEDULE_FILE"
}

# Number of names in $1 (newline-separated) that are not in $2 (space-separated). One pass of awk over both lists on
# its standard input: linear in the number of servers (a shell loop matching each name against the whole baseline
# took seconds for a hub of thousands).
count_new() {
    { printf '%s\n' "$2" | tr ' ' '\n' | sed 's/^/B|/'; printf '%s\n' "$1" | sed 's/^/N|/'; } | awk -F'|' '
        $1 == "B" { base[$2] = 1; next }
        $2 != "" && !($2 in base) { n++ }
        END { print n + 0 }'
}

# The placeholders to delete, one name a line, best first: those not running on a node yet (pending), then those on
# the nodes with the most user servers. $1: live placeholders "NAME|NODE" a line; $2: user servers "NAME|NODE" a line.
# Both lists reach awk on its standard input, never as an argument: Linux refuses to exec a program with any single
# argument longer than MAX_ARG_STRLEN = 32 pages = 128 KiB (include/uapi/linux/binfmts.h; execve(2): E2BIG), which a
# list of ~1,800 placeholders "NAME|NODE" would exceed.
deletion_order() {
    { printf '%s\n' "$2" | sed 's/^/S|/'; printf '%s\n' "$1" | sed 's/^/P|/'; } | awk -F'|' '
        $1 == "S" && NF >= 3 && $3 != "" { servers[$3]++ }
        $1 == "P" && $2 != "" { n++; name[n] = $2; node[n] = $3 }
        END {
            for (i = 1; i <= n; i++) {
                if (node[i] == "") print 0, 0, "-", name[i]
                else print 1, servers[node[i]] + 0, node[i], name[i]
            }
        }' | sort -k1,1n -k2,2nr -k3,3 -k4,4 | awk '{ print $4 }'
}

# $1 copies of the placeholder pod template as one multi-document YAML stream.
templates() {
    i=0
    while [ "$i" -lt "$1" ]; do
        echo "---"
        cat "$TEMPLATE_FILE"
        i=$((i + 1))
    done
}

iteration() {
    t=$(now)
    [ -r "$SCHEDULE_FILE" ] || { fail "cannot read the schedule $SCHEDULE_FILE"; return 1; }
    [ -r "$TEMPLATE_FILE" ] || { fail "cannot read the placeholder template $TEMPLATE_FILE"; return 1; }
    phase=$(phase_at "$t")
    # Placeholders as "NAME|NODE|PHASE|DELETING": pods being deleted (a preemption in progress) and finished ones
    # (evicted: Failed) hold no seat and are not counted; finished ones are cleaned up below.
    listed=$(kc -n "$NAMESPACE" get pods -l "$PLACEHOLDER_SELECTOR" \
            -o 'jsonpath={range .items[*]}{.metadata.name}|{.spec.nodeName}|{.status.phase}|{.metadata.deletionTimestamp}{"\n"}{end}') \
        || { fail "cannot list placeholders in $NAMESPACE"; return 1; }
    live=$(printf '%s\n' "$listed" | awk -F'|' '$1 != "" && $3 != "Succeeded" && $3 != "Failed" && $4 == "" { print $1 "|" $2 }')
    finished=$(printf '%s\n' "$listed" | awk -F'|' '$1 != "" && ($3 == "Succeeded" || $3 == "Failed") && $4 == "" { print $1 }')
    current=$(printf '%s\n' "$live" | awk 'NF { n++ } END { print n + 0 }')

    servers=""
    if [ -z "$phase" ]; then
        desired=0
        why="outside the event's warm windows"
    else
        set -- $phase
        seats=$1 cap=$2 window=$3
        servers=$(kc -n "$HUB_NAMESPACE" get pods -l "$ATTENDEE_SELECTOR" \
                --field-selector='status.phase!=Succeeded,status.phase!=Failed' \
                -o 'jsonpath={range .items[*]}{.metadata.name}|{.spec.nodeName}{"\n"}{end}') \
            || { fail "cannot list servers in $HUB_NAMESPACE"; return 1; }
        pods=$(printf '%s\n' "$servers" | awk -F'|' '$1 != "" { print $1 }')
        base=""
        if [ "$BASELINE" = "warm-up" ]; then
            key="baseline-$window"
            base=$(kc -n "$NAMESPACE" get configmap "$STATE_CONFIGMAP" -o "jsonpath={.data.$key}") \
                || { fail "cannot read the baseline of window $window from configmap $NAMESPACE/$STATE_CONFIGMAP"; return 1; }
            if [ -z "$base" ]; then
                base="-$(echo $pods)"
                base=$(echo "$base" | sed 's/ *$//')
                # The patch goes in a file (--patch-file), not in -p: one argument is limited to 128 KiB (see
                # deletion_order), which the names of ~6,000 regular servers would exceed. kubectl patch GETs the object
                # before patching it (cli-runtime's Builder requires the object unless told otherwise), hence get+patch.
                patchfile=$(mktemp) || { fail "cannot write a temporary file for the baseline of window $window"; return 1; }
                printf '{"data":{"%s":"%s"}}' "$key" "$base" > "$patchfile"
                kc -n "$NAMESPACE" patch configmap "$STATE_CONFIGMAP" --type=merge --patch-file="$patchfile" >/dev/null
                stored=$?
                rm -f "$patchfile"
                [ "$stored" -eq 0 ] \
                    || { fail "cannot store the baseline of window $window in configmap $NAMESPACE/$STATE_CONFIGMAP"; return 1; }
                log "baseline of window $window: $(count_new "$pods" "") regular server(s) running at warm-up are not attendees"
            fi
            base=${base#-}
        fi
        attendees=$(count_new "$pods" "$base")
        desired=$((seats - attendees))
        [ "$desired" -lt 0 ] && desired=0
        if [ "$cap" -ge 0 ] && [ "$desired" -gt "$cap" ]; then desired=$cap; fi
        why="$seats seats planned, $attendees attendee server(s), cap $cap"
    fi

    if [ "$current" -lt "$desired" ]; then
        templates $((desired - current)) | kc -n "$NAMESPACE" create -f - -o name >/dev/null \
            || { fail_partly "cannot create $((desired - current)) placeholder(s) in $NAMESPACE"; return 1; }
        log "placeholders $current -> $desired ($why)"
    elif [ "$current" -gt "$desired" ]; then
        surplus=$(deletion_order "$live" "$servers" | head -n $((current - desired)))
        kc -n "$NAMESPACE" delete --ignore-not-found --wait=false pod $surplus >/dev/null \
            || { fail_partly "cannot delete $((current - desired)) placeholder(s) in $NAMESPACE"; return 1; }
        log "placeholders $current -> $desired ($why); deleted $(echo $surplus)"
    else
        log "placeholders stay at $desired ($why)"
    fi
    if [ -n "$finished" ]; then
        kc -n "$NAMESPACE" delete --ignore-not-found --wait=false pod $finished >/dev/null \
            || echo "[$(now)] WARNING: cannot clean up finished placeholder(s) $(echo $finished) in $NAMESPACE" >&2
    fi
}

if [ "${1:-}" = "once" ]; then
    iteration
    exit $?
fi

trap 'exit 0' TERM INT
failures=0
while :; do
    if iteration; then
        failures=0
    else
        failures=$((failures + 1))
        if [ "$failures" -ge "$MAX_FAILURES" ]; then
            echo "[$(now)] ERROR: $failures iterations in a row failed; exiting so that Kubernetes restarts the scaler" >&2
            exit 1
        fi
    fi
    sleep "$INTERVAL_SECONDS" &
    wait $!
done
