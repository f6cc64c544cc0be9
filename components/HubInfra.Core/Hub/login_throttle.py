# HubInfra: failed logins get cheap on a workshop hub (both authenticators: generated accounts, shared password).
#
# Rendered verbatim into the z2jh value hub.extraConfig["hubinfra-login-throttle"]. z2jh's jupyterhub_config.py
# exec()s the hub.extraConfig entries one after another, sorted by key, in its own module globals: this entry sorts
# before "hubinfra-workshop-*", so the authenticators defined there find ThrottledAuthenticator in globals().
#
# Policy (fixed defaults; README "Workshop hubs" states it and its limits):
# - Per (client address, account): 3 failed logins are free; each further failure locks that pair for 1 s, 2 s,
#   4 s, ... at most 60 s. Other addresses are never locked out of the account by it.
# - Per client address: 100 failed logins are free (a classroom behind one NAT address mistyping); each further
#   failure locks the address for 1 s, 2 s, 4 s, ... at most 60 s.
# - Failures are forgotten as they age: one per 60 s for a pair, one per 10 s for an address. A login that
#   succeeds forgets its pair's failures.
# - While a lock lasts, attempts are answered at once with HTTP 429 and the time to retry, without a password
#   check (no bcrypt) and without counting as failures, so a lock never outlasts 60 s after the last checked
#   failure; while the address is locked, its requests for the login page get the same short answer, before any
#   other work. The hub log names the account and the client address when a lock starts.
# - Memory is bounded: at most 20,000 pairs and 5,000 addresses are remembered, the least recently failed
#   forgotten first.
#
# The client address: behind z2jh's proxy the hub's peer is always configurable-http-proxy, which appends the
# address it sees to X-Forwarded-For (http-proxy's xfwd, on by default in CHP). With autohttps, Traefik comes first:
# it deletes X-Forwarded-* and X-Real-Ip from untrusted clients, then its proxy appends the client's address, and
# CHP appends Traefik's. The client address is therefore the `client_address_hops`-th entry of X-Forwarded-For
# counted from the right (1: CHP only; 2: Traefik, then CHP), which a client cannot forge: whatever it sends sits to
# the left. Tornado's request.remote_ip is not used: it prefers a client-supplied X-Real-Ip header when CHP is first.
import asyncio
import html
import inspect
import math
import time
from collections import OrderedDict

from jupyterhub.auth import Authenticator
from jupyterhub.handlers.login import LoginHandler
from tornado import web
from traitlets import Integer


class LoginThrottle:
    """Failed logins per (address, account) and per address, with exponential locks. Not thread-safe: used on
    the hub's event loop only. `clock` returns seconds (monotonic)."""

    def __init__(self, clock=time.monotonic, pair_free=3, address_free=100, max_lock=60.0,
                 pair_forget_seconds=60.0, address_forget_seconds=10.0, max_pairs=20000, max_addresses=5000):
        self.clock = clock
        self.max_lock = max_lock
        self.pairs = _FailureTable(pair_free, pair_forget_seconds, max_pairs, max_lock)
        self.addresses = _FailureTable(address_free, address_forget_seconds, max_addresses, max_lock)

    def wait(self, address, account):
        """Seconds until (address, account) may try again (0: now), and which lock holds it ('account' or
        'address')."""
        now = self.clock()
        pair = self.pairs.locked_for((address, account), now)
        addr = self.addresses.locked_for(address, now)
        if pair <= 0 and addr <= 0:
            return 0.0, None
        return (pair, "account") if pair >= addr else (addr, "address")

    def failed(self, address, account):
        """Records a checked failure. Returns the locks it started: [(kind, seconds, failures)]."""
        now = self.clock()
        started = []
        for kind, table, key in (("account", self.pairs, (address, account)), ("address", self.addresses, address)):
            lock, count = table.fail(key, now)
            if lock > 0:
                started.append((kind, lock, count))
        return started

    def succeeded(self, address, account):
        self.pairs.forget((address, account))


class _FailureTable:
    """key -> [failures (decaying), time of the last failure, end of the lock], at most `limit` keys."""

    def __init__(self, free, forget_seconds, limit, max_lock):
        self.free = free
        self.forget_seconds = forget_seconds
        self.limit = limit
        self.max_lock = max_lock
        self.entries = OrderedDict()

    def _aged(self, entry, now):
        count, last, until = entry
        return max(0.0, count - (now - last) / self.forget_seconds), until

    def locked_for(self, key, now):
        entry = self.entries.get(key)
        if entry is None:
            return 0.0
        return max(0.0, entry[2] - now)

    def fail(self, key, now):
        entry = self.entries.pop(key, None)
        count, until = self._aged(entry, now) if entry is not None else (0.0, 0.0)
        count += 1
        over = math.ceil(count) - self.free
        lock = min(self.max_lock, 2.0 ** (over - 1)) if over > 0 else 0.0
        self.entries[key] = [count, now, max(until, now + lock)]
        while len(self.entries) > self.limit:
            self.entries.popitem(last=False)
        return lock, math.ceil(count)

    def forget(self, key):
        self.entries.pop(key, None)

    def __len__(self):
        return len(self.entries)


def client_address(request, hops):
    """The client's address as the first proxy in front of the hub saw it: the `hops`-th X-Forwarded-For entry
    from the right. Without the header (nothing in front of the hub), the connection's own peer."""
    entries = [e.strip() for e in ",".join(request.headers.get_list("X-Forwarded-For")).split(",") if e.strip()]
    if hops > 0 and len(entries) >= hops:
        return entries[-hops]
    peer = getattr(getattr(request.connection, "context", None), "address", None)
    if isinstance(peer, tuple) and peer:
        return str(peer[0])
    return entries[0] if entries else "unknown"


def refuse(handler, wait, kind):
    """Ends the request with HTTP 429 and a short page saying when to retry: no template, no password check."""
    seconds = max(1, math.ceil(wait))
    what = "for this account from your address" if kind == "account" else "from your address"
    message = f"Too many failed logins {what}. Try again in {seconds} s."
    handler.set_status(429)
    handler.set_header("Retry-After", str(seconds))
    handler.set_header("Content-Type", "text/html; charset=UTF-8")
    handler.finish(f"<!DOCTYPE html>\n<html><head><title>Too many failed logins</title></head><body>"
                   f"<p>{html.escape(message)}</p><p><a href=\"{html.escape(handler.request.path)}\">Log in</a></p>"
                   f"</body></html>\n")
    raise web.Finish()


class ThrottledLoginHandler(LoginHandler):
    """JupyterHub's login page, refused before any other work (the current-user lookup, the template) while a lock
    holds the client address, or for a POST the (address, account) pair: a flood of refused logins stays cheap."""

    async def prepare(self):
        authenticator = self.authenticator
        if isinstance(authenticator, ThrottledAuthenticator):
            address = client_address(self.request, authenticator.client_address_hops)
            account = None
            if self.request.method == "POST":
                account = authenticator.normalize_username(self.get_body_argument("username", "").strip())
            wait, kind = authenticator.login_throttle.wait(address, account)
            if wait > 0:
                refuse(self, wait, kind)
        result = super().prepare()
        if inspect.isawaitable(result):
            await result


class ThrottledAuthenticator(Authenticator):
    """Put before an authenticator class in the bases: `class X(ThrottledAuthenticator, TheAuthenticator)`.
    Its authenticate() runs only when no lock holds the client address or the (address, account) pair, and its
    login page (ThrottledLoginHandler, registered before JupyterHub's own /login) refuses locked clients first."""

    client_address_hops = Integer(
        1,
        config=True,
        help="Proxies in front of the hub that append to X-Forwarded-For: 1 with configurable-http-proxy alone, "
             "2 with z2jh's autohttps (Traefik, then configurable-http-proxy).",
    )

    checks_per_address = Integer(
        2,
        config=True,
        help="Password checks in flight per client address; more attempts from that address wait their turn, "
             "then find the lock their predecessors' failures started.",
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.login_throttle = LoginThrottle()
        self._slots = {}  # address -> [asyncio.Semaphore, users]; removed when unused (bounded by requests in flight)

    def get_handlers(self, app):
        # JupyterHub registers the authenticator's handlers before its default ones (JupyterHub.init_handlers), so
        # this /login is the one tornado routes to.
        return [("/login", ThrottledLoginHandler)] + list(super().get_handlers(app))

    def _refuse_if_locked(self, handler, address, account):
        wait, kind = self.login_throttle.wait(address, account)
        if wait > 0:
            refuse(handler, wait, kind)

    async def authenticate(self, handler, data):
        data = data or {}
        account = self.normalize_username(str(data.get("username") or "").strip())
        address = client_address(handler.request, self.client_address_hops)
        self._refuse_if_locked(handler, address, account)
        slot = self._slots.setdefault(address, [asyncio.Semaphore(max(1, self.checks_per_address)), 0])
        slot[1] += 1
        try:
            async with slot[0]:
                # Attempts that waited here see the failures of those before them.
                self._refuse_if_locked(handler, address, account)
                result = await super().authenticate(handler, data)
        finally:
            slot[1] -= 1
            if slot[1] == 0:
                del self._slots[address]
        if result:
            self.login_throttle.succeeded(address, account)
        else:
            for kind, lock, failures in self.login_throttle.failed(address, account):
                if kind == "account":
                    self.log.warning("Login throttle: %d failed logins for %r from %s: that account is refused "
                                     "from that address for %g s", failures, account, address, lock)
                else:
                    self.log.warning("Login throttle: %d failed logins from %s: every login from that address is "
                                     "refused for %g s", failures, address, lock)
        return result
