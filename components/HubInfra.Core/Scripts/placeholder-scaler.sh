#!/bin/sh
# placeholder-scaler: keeps an event's warm seats in step with its attendees.
#
# Every INTERVAL_SECONDS it reads the event's schedule (SCHEDULE_FILE, one phase per line:
#   FROM UNTIL SEATS CAP WARMFROM   -- Unix seconds [FROM, UNTIL), planned seats, headroom cap (-1: none), window id)
# counts the attendees' running servers and sets the placeholder Deployment's replicas to
#   min(SEATS - attendees, CAP), never below 0; 0 outside every phase.
# Attendees: the pods matching ATTENDEE_SELECTOR in NAMESPACE. With BASELINE=warm-up (an event on a shared
# community hub), the servers already running when the scaler first sees a warm window are regular users: their
# names are stored in an annotation on the placeholder Deployment (hubinfra.org/baseline-WARMFROM) and never counted.
# If the API cannot be read or written, the iteration fails loudly (ERROR on stderr, exit status 1) and changes
# nothing. Argument "once": one iteration, its status is the exit status (tests). Clock: NOW_EPOCH, else date -u +%s.
set -u

: "${NAMESPACE:?NAMESPACE is required}"
: "${DEPLOYMENT:?DEPLOYMENT is required}"
: "${SCHEDULE_FILE:?SCHEDULE_FILE is required}"
INTERVAL_SECONDS="${INTERVAL_SECONDS:-30}"
ATTENDEE_SELECTOR="${ATTENDEE_SELECTOR:-component=singleuser-server}"
BASELINE="${BASELINE:-none}"
MAX_FAILURES="${MAX_FAILURES:-10}"

now() {
    if [ -n "${NOW_EPOCH:-}" ]; then echo "$NOW_EPOCH"; else date -u +%s; fi
}

log() { echo "[$(now)] $*"; }

fail() { echo "[$(now)] ERROR: $*; placeholders left unchanged" >&2; return 1; }

# Prints "SEATS CAP WARMFROM" of the phase covering $1, or nothing.
phase_at() {
    awk -v t="$1" '$1 !~ /^#/ && NF >= 5 && t >= $1 && t < $2 { print $3, $4, $5; exit }' "$SCHEDULE_FILE"
}

# Number of names in $1 (newline-separated) that are not in $2 (space-separated).
count_new() {
    n=0
    for pod in $1; do
        case " $2 " in
            *" $pod "*) ;;
            *) n=$((n + 1)) ;;
        esac
    done
    echo "$n"
}

iteration() {
    t=$(now)
    [ -r "$SCHEDULE_FILE" ] || { fail "cannot read the schedule $SCHEDULE_FILE"; return 1; }
    phase=$(phase_at "$t")
    current=$(kubectl -n "$NAMESPACE" get deployment "$DEPLOYMENT" -o 'jsonpath={.spec.replicas}') \
        || { fail "cannot read deployment $NAMESPACE/$DEPLOYMENT"; return 1; }
    case "$current" in ''|*[!0-9]*) fail "deployment $NAMESPACE/$DEPLOYMENT reports replicas '$current'"; return 1 ;; esac

    if [ -z "$phase" ]; then
        desired=0
        why="outside the event's warm windows"
    else
        set -- $phase
        seats=$1 cap=$2 window=$3
        pods=$(kubectl -n "$NAMESPACE" get pods -l "$ATTENDEE_SELECTOR" \
                --field-selector='status.phase!=Succeeded,status.phase!=Failed' \
                -o 'jsonpath={range .items[*]}{.metadata.name}{"\n"}{end}') \
            || { fail "cannot list servers in $NAMESPACE"; return 1; }
        base=""
        if [ "$BASELINE" = "warm-up" ]; then
            key="hubinfra.org/baseline-$window"
            base=$(kubectl -n "$NAMESPACE" get deployment "$DEPLOYMENT" -o "jsonpath={.metadata.annotations.hubinfra\\.org/baseline-$window}") \
                || { fail "cannot read the baseline of window $window"; return 1; }
            if [ -z "$base" ]; then
                base="-$(echo $pods | tr '\n' ' ')"
                base=$(echo "$base" | sed 's/ *$//')
                kubectl -n "$NAMESPACE" annotate --overwrite deployment "$DEPLOYMENT" "$key=$base" >/dev/null \
                    || { fail "cannot store the baseline of window $window"; return 1; }
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

    if [ "$current" -ne "$desired" ]; then
        kubectl -n "$NAMESPACE" patch deployment "$DEPLOYMENT" --subresource=scale --type=merge \
            -p "{\"spec\":{\"replicas\":$desired}}" >/dev/null \
            || { fail "cannot scale $NAMESPACE/$DEPLOYMENT to $desired"; return 1; }
        log "placeholders $current -> $desired ($why)"
    else
        log "placeholders stay at $desired ($why)"
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
