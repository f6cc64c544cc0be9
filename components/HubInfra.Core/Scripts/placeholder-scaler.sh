#!/bin/sh
# placeholder-scaler: keeps an event's warm seats in step with its attendees.
#
# Every INTERVAL_SECONDS it applies the warm-seat rule that HubInfra's plan states (WarmSeatPolicy in the core; the
# same cases run through both by test):
#   phase     the line of SCHEDULE_FILE covering now, one phase a line:
#             FROM UNTIL KIND WARM WARMFROM START STALL_SECONDS STALL_ATTENDEES  (Unix seconds, [FROM, UNTIL))
#             none: nothing is warm.
#   attendees the hub's servers (ATTENDEE_SELECTOR in HUB_NAMESPACE, not finished); with
#             ATTENDEES=created-since-warm-up (a shared community hub) only those whose pod was created at or after
#             WARMFROM (metadata.creationTimestamp): regular users running before warm-up never count, and nothing
#             stored can be lost.
#   releasing a release phase, or an arrival phase whose arrivals stalled: after START, a moment after which nobody
#             new came for STALL_SECONDS, with STALL_ATTENDEES attendees by then (from creation times: no state).
#   warm      WARM while arriving; min(WARM, attendees + HEADROOM_SEATS) while releasing.
#   desired   the free warm seats, warm - attendees (never below 0); with placeholders, while arriving,
#             ARRIVAL_SLOTS of them are left as plain free seats (no placeholder) where the attendees already are.
# BACKEND=placeholders: bare pods made from TEMPLATE_FILE (kubectl create, generateName) in NAMESPACE, which holds
# nothing else of the kind; a placeholder preempted by a user server is simply gone. Too few: the difference is
# created, CREATE_BATCH a call. Too many: the surplus is deleted, pending ones first; then, while releasing, those on
# nodes without any user server (the fewest first), so whole nodes of no-shows empty out; then those on the nodes with
# the most user servers (ties: fewest placeholders, node name, pod name), so free seats open where users already are.
# BACKEND=capacityBuffer: the CapacityBuffer BUFFER_NAME's spec.replicas is patched to desired.
# Each look writes its outcome to the ConfigMap STATE_CONFIGMAP (status only, never read back) and touches
# HEARTBEAT_FILE, which the pod's liveness probe reads.
# If the API cannot be read, the look fails loudly (ERROR on stderr, exit status 1) and changes nothing; if a create or
# delete fails part-way, it fails loudly and the next look recounts and corrects the rest.
# Argument "once": one look, its status is the exit status (tests). Clock: NOW_EPOCH, else date -u +%s.
set -u
# Word splitting of pod-name lists (DNS labels) is wanted below; globbing never is.
set -f
export LC_ALL=C

# The kubectl calls, as the real kubectl (>= 1.27) makes them, and the RBAC verb each needs (EventManifests' Roles):
#   get pods -l SEL [--field-selector F] -o jsonpath=...  list pods. A field a pod lacks (spec.nodeName of a pending
#       pod, metadata.deletionTimestamp) prints as empty: --allow-missing-template-keys defaults to true (kubectl
#       get --help). status.phase is one of the pod field selectors the API serves (pkg/apis/core/v1/conversion.go).
#       metadata.creationTimestamp prints as RFC 3339 in UTC to the second (metav1.Time's MarshalJSON).
#   get capacitybuffers.autoscaling.x-k8s.io NAME -o jsonpath={.spec.replicas}   get.
#   patch KIND NAME --type=merge --patch-file F           get, then patch (kubectl's patch does not call
#       RequireObject(false), so cli-runtime's Builder fetches the object first: resource/builder.go requireObject:
#       true, RetrieveLazy).
#   create -f - (pods with metadata.generateName)        create only (objects read from a stream are not fetched); the
#       objects' namespace must equal -n (FilenameParam enforces it). `kubectl apply` would refuse generateName.
#   delete --ignore-not-found --wait=false pod NAMES     delete only (delete.go: RequireObject(false)); no watch with
#       --wait=false. Every failing call exits with status 1 (cmdutil.CheckErr).

: "${NAMESPACE:?NAMESPACE is required}"
: "${HUB_NAMESPACE:?HUB_NAMESPACE is required}"
: "${SCHEDULE_FILE:?SCHEDULE_FILE is required}"
: "${STATE_CONFIGMAP:?STATE_CONFIGMAP is required}"
BACKEND="${BACKEND:-placeholders}"
if [ "$BACKEND" = placeholders ]; then
    : "${TEMPLATE_FILE:?TEMPLATE_FILE is required}"
    : "${PLACEHOLDER_SELECTOR:?PLACEHOLDER_SELECTOR is required}"
else
    : "${BUFFER_NAME:?BUFFER_NAME is required}"
fi
INTERVAL_SECONDS="${INTERVAL_SECONDS:-30}"
ATTENDEE_SELECTOR="${ATTENDEE_SELECTOR:-component=singleuser-server}"
ATTENDEES="${ATTENDEES:-all-servers}"
HEADROOM_SEATS="${HEADROOM_SEATS:-0}"
ARRIVAL_SLOTS="${ARRIVAL_SLOTS:-0}"
CREATE_BATCH="${CREATE_BATCH:-50}"
HEARTBEAT_FILE="${HEARTBEAT_FILE:-/run/hubinfra/heartbeat}"
MAX_FAILURES="${MAX_FAILURES:-10}"
REQUEST_TIMEOUT="${REQUEST_TIMEOUT:-20s}"
BUFFER_RESOURCE="capacitybuffers.autoscaling.x-k8s.io"

# Every call gives up after REQUEST_TIMEOUT: kubectl's --request-timeout defaults to 0, "don't timeout requests"
# (kubectl options), so a call to an API server that stops answering mid-request would hang the loop for good.
kc() { kubectl --request-timeout="$REQUEST_TIMEOUT" "$@"; }

now() {
    if [ -n "${NOW_EPOCH:-}" ]; then echo "$NOW_EPOCH"; else date -u +%s; fi
}

log() { echo "[$(now)] $*"; }

# A newline-separated list on one line.
words() { printf '%s\n' "$1" | awk 'NF { printf "%s%s", (n++ ? " " : ""), $0 }'; }

fail() { echo "[$(now)] ERROR: $*; warm seats left unchanged" >&2; return 1; }

# A create or delete that failed part-way: some pods may have been created or deleted; the next look recounts.
fail_partly() { echo "[$(now)] ERROR: $*; the next look recounts and corrects the rest" >&2; return 1; }

# Prints "KIND WARM WARMFROM START STALL_SECONDS STALL_ATTENDEES" of the phase covering $1, or nothing.
phase_at() {
    awk -v t="$1" '$1 !~ /^#/ && NF >= 8 && t >= $1 && t < $2 { print $3, $4, $5, $6, $7, $8; exit }' "$SCHEDULE_FILE"
}

# awk functions shared by the steps below: RFC 3339 UTC (metav1.Time: 2027-03-06T13:20:05Z) to Unix seconds and back
# (days from the civil calendar, proleptic Gregorian, as Howard Hinnant's days_from_civil / civil_from_days).
AWK_TIME='
function epoch(ts,   y, m, d, era, yoe, doy, doe) {
    if (ts !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/) return -1
    y = substr(ts, 1, 4) + 0; m = substr(ts, 6, 2) + 0; d = substr(ts, 9, 2) + 0
    if (m <= 2) y = y - 1
    era = int(y / 400); yoe = y - era * 400
    doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    return (era * 146097 + doe - 719468) * 86400 + substr(ts, 12, 2) * 3600 + substr(ts, 15, 2) * 60 + substr(ts, 18, 2)
}
function rfc3339(s,   z, era, doe, yoe, y, doy, mp, d, m, r) {
    z = int(s / 86400) + 719468; r = s - int(s / 86400) * 86400
    era = int(z / 146097); doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
    m = mp < 10 ? mp + 3 : mp - 9; if (m <= 2) y = y + 1
    return sprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, int(r / 3600), int(r / 60) % 60, r % 60)
}'

# The attendees among the servers ("NAME|NODE|CREATED" a line on stdin): one line "COUNT STALLED".
# $1 WARMFROM, $2 START, $3 STALL_SECONDS, $4 STALL_ATTENDEES, $5 now, $6 1 in an arrival phase.
# The counted servers' creation times (Unix seconds; -1 for none) are sorted by sort -n, then one pass finds a stall:
# a moment u (the start, then each distinct creation at or after it) with STALL_ATTENDEES created by u and nobody
# new for STALL_SECONDS after it (up to now). Linear after the sort, for hubs of thousands.
attendees_and_stall() {
    awk -F'|' -v rule="$ATTENDEES" -v warmfrom="$1" "$AWK_TIME"'
        $1 == "" { next }
        {
            c = epoch($3)
            if (rule != "all-servers" && (c < 0 || c < warmfrom)) next
            print c
        }' | sort -n | awk -v start="$2" -v quiet="$3" -v need="$4" -v t="$5" -v arriving="$6" '
        { n++; if ($1 >= 0 && $1 <= t) created[++k] = $1 }
        END {
            stalled = 0
            if (arriving == 1 && t >= start) {
                i = 1
                while (i <= k && created[i] <= start) i++
                u = start
                while (1) {
                    nxt = (i <= k) ? created[i] : t
                    if (i - 1 >= need && nxt - u >= quiet) { stalled = 1; break }
                    if (i > k) break
                    u = created[i]
                    while (i <= k && created[i] == u) i++
                }
            }
            print n + 0, stalled
        }'
}

# The placeholders to delete, one name a line, best first (see the header). $1: live placeholders "NAME|NODE" a line;
# $2: user servers "NAME|NODE|CREATED" a line; $3: 1 while releasing. Both lists reach awk on its standard input, never
# as an argument: Linux refuses to exec a program with any single argument longer than MAX_ARG_STRLEN = 32 pages =
# 128 KiB (include/uapi/linux/binfmts.h; execve(2): E2BIG), which a list of ~1,800 placeholders would exceed.
deletion_order() {
    { printf '%s\n' "$2" | sed 's/^/S|/'; printf '%s\n' "$1" | sed 's/^/P|/'; } | awk -F'|' -v releasing="$3" '
        $1 == "S" && NF >= 3 && $3 != "" { servers[$3]++ }
        $1 == "P" && $2 != "" { n++; name[n] = $2; node[n] = $3; if ($3 != "") held[$3]++ }
        END {
            for (i = 1; i <= n; i++) {
                if (node[i] == "") { print 0, 0, 0, 0, "-", name[i]; continue }
                u = servers[node[i]] + 0
                print 1, (releasing == 1 && u > 0) ? 1 : 0, u, held[node[i]], node[i], name[i]
            }
        }' | sort -k1,1n -k2,2n -k3,3nr -k4,4n -k5,5 -k6,6 | awk '{ print $6 }'
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

# A merge patch from a file (--patch-file: one argument is limited to 128 KiB, see deletion_order).
patch_from() {
    kind=$1 name=$2 body=$3
    patchfile=$(mktemp) || return 1
    printf '%s' "$body" > "$patchfile"
    kc -n "$NAMESPACE" patch "$kind" "$name" --type=merge --patch-file="$patchfile" >/dev/null
    status=$?
    rm -f "$patchfile"
    return $status
}

# The look's outcome in the state ConfigMap (kubectl get configmap ... -o yaml shows it). A failure here only warns.
status() {
    at=$(awk -v s="$1" "$AWK_TIME"' BEGIN { print rfc3339(s) }' </dev/null)
    patch_from configmap "$STATE_CONFIGMAP" \
        "{\"data\":{\"lastLook\":\"$at\",\"phase\":\"$2\",\"attendees\":\"$3\",\"warmSeats\":\"$4\",\"desired\":\"$5\",\"current\":\"$6\",\"backend\":\"$BACKEND\"}}" \
        || echo "[$(now)] WARNING: cannot write the status to configmap $NAMESPACE/$STATE_CONFIGMAP" >&2
}

iteration() {
    t=$(now)
    [ -r "$SCHEDULE_FILE" ] || { fail "cannot read the schedule $SCHEDULE_FILE"; return 1; }
    phase=$(phase_at "$t")
    finished=""
    live=""
    if [ "$BACKEND" = placeholders ]; then
        [ -r "$TEMPLATE_FILE" ] || { fail "cannot read the placeholder template $TEMPLATE_FILE"; return 1; }
        # Placeholders as "NAME|NODE|PHASE|DELETING": pods being deleted (a preemption in progress) and finished ones
        # (evicted: Failed) hold no seat and are not counted; finished ones are cleaned up below.
        listed=$(kc -n "$NAMESPACE" get pods -l "$PLACEHOLDER_SELECTOR" \
                -o 'jsonpath={range .items[*]}{.metadata.name}|{.spec.nodeName}|{.status.phase}|{.metadata.deletionTimestamp}{"\n"}{end}') \
            || { fail "cannot list placeholders in $NAMESPACE"; return 1; }
        live=$(printf '%s\n' "$listed" | awk -F'|' '$1 != "" && $3 != "Succeeded" && $3 != "Failed" && $4 == "" { print $1 "|" $2 }')
        finished=$(printf '%s\n' "$listed" | awk -F'|' '$1 != "" && ($3 == "Succeeded" || $3 == "Failed") && $4 == "" { print $1 }')
        current=$(printf '%s\n' "$live" | awk 'NF { n++ } END { print n + 0 }')
    else
        current=$(kc -n "$NAMESPACE" get "$BUFFER_RESOURCE" "$BUFFER_NAME" -o 'jsonpath={.spec.replicas}') \
            || { fail "cannot read the CapacityBuffer $NAMESPACE/$BUFFER_NAME"; return 1; }
        current=${current:-0}
    fi

    servers=""
    attendees=0
    warm=0
    releasing=0
    if [ -z "$phase" ]; then
        desired=0
        state="none"
        why="outside the event's warm windows"
    else
        # shellcheck disable=SC2086 # the phase's fields, split on purpose
        set -- $phase
        kind=$1 seats=$2 warmfrom=$3 start=$4 quiet=$5 need=$6
        servers=$(kc -n "$HUB_NAMESPACE" get pods -l "$ATTENDEE_SELECTOR" \
                --field-selector='status.phase!=Succeeded,status.phase!=Failed' \
                -o 'jsonpath={range .items[*]}{.metadata.name}|{.spec.nodeName}|{.metadata.creationTimestamp}{"\n"}{end}') \
            || { fail "cannot list servers in $HUB_NAMESPACE"; return 1; }
        arriving=0; [ "$kind" = arrival ] && arriving=1
        # shellcheck disable=SC2046 # "COUNT STALLED", split on purpose
        set -- $(printf '%s\n' "$servers" | attendees_and_stall "$warmfrom" "$start" "$quiet" "$need" "$t" "$arriving")
        attendees=$1 stalled=$2
        releasing=1; state="release"
        if [ "$arriving" -eq 1 ]; then
            if [ "$stalled" -eq 1 ]; then state="arrival (stalled: releasing)"; else releasing=0; state="arrival"; fi
        fi
        warm=$seats
        if [ "$releasing" -eq 1 ] && [ $((attendees + HEADROOM_SEATS)) -lt "$seats" ]; then warm=$((attendees + HEADROOM_SEATS)); fi
        desired=$((warm - attendees))
        [ "$desired" -lt 0 ] && desired=0
        if [ "$BACKEND" = placeholders ] && [ "$releasing" -eq 0 ]; then
            desired=$((desired - ARRIVAL_SLOTS))
            [ "$desired" -lt 0 ] && desired=0
        fi
        why="$state, $warm warm seat(s), $attendees attendee server(s)"
    fi

    if [ "$BACKEND" != placeholders ]; then
        if [ "$current" -ne "$desired" ]; then
            patch_from "$BUFFER_RESOURCE" "$BUFFER_NAME" "{\"spec\":{\"replicas\":$desired}}" \
                || { fail "cannot set the CapacityBuffer $NAMESPACE/$BUFFER_NAME to $desired"; return 1; }
            log "buffer seats $current -> $desired ($why)"
        else
            log "buffer seats stay at $desired ($why)"
        fi
    elif [ "$current" -lt "$desired" ]; then
        left=$((desired - current))
        while [ "$left" -gt 0 ]; do
            batch=$left; [ "$batch" -gt "$CREATE_BATCH" ] && batch=$CREATE_BATCH
            templates "$batch" | kc -n "$NAMESPACE" create -f - -o name >/dev/null \
                || { fail_partly "cannot create $left placeholder(s) in $NAMESPACE"; return 1; }
            left=$((left - batch))
        done
        log "placeholders $current -> $desired ($why)"
    elif [ "$current" -gt "$desired" ]; then
        surplus=$(deletion_order "$live" "$servers" "$releasing" | head -n $((current - desired)))
        # shellcheck disable=SC2086 # one argument per pod name
        kc -n "$NAMESPACE" delete --ignore-not-found --wait=false pod $surplus >/dev/null \
            || { fail_partly "cannot delete $((current - desired)) placeholder(s) in $NAMESPACE"; return 1; }
        log "placeholders $current -> $desired ($why); deleted $(words "$surplus")"
    else
        log "placeholders stay at $desired ($why)"
    fi
    if [ -n "$finished" ]; then
        # shellcheck disable=SC2086 # one argument per pod name
        kc -n "$NAMESPACE" delete --ignore-not-found --wait=false pod $finished >/dev/null \
            || echo "[$(now)] WARNING: cannot clean up finished placeholder(s) $(words "$finished") in $NAMESPACE" >&2
    fi
    status "$t" "$state" "$attendees" "$warm" "$desired" "$current"
    return 0
}

beat() { date -u +%s > "$HEARTBEAT_FILE" 2>/dev/null || true; }

if [ "${1:-}" = "once" ]; then
    iteration
    rc=$?
    beat
    exit $rc
fi

trap 'exit 0' TERM INT
failures=0
while :; do
    if iteration; then
        failures=0
    else
        failures=$((failures + 1))
        if [ "$failures" -ge "$MAX_FAILURES" ]; then
            echo "[$(now)] ERROR: $failures looks in a row failed; exiting so that Kubernetes restarts the scaler" >&2
            exit 1
        fi
    fi
    beat
    sleep "$INTERVAL_SECONDS" &
    wait $!
done
