"""The login throttle (components/HubInfra.Core/Hub/login_throttle.py) on its own, with a clock the test moves:
run by hubtest.py against the installed JupyterHub (its Authenticator base class, tornado's requests and errors).

The throttle's class is exec'd from the file as z2jh exec's the rendered hub.extraConfig entry. The authenticator
under test is ThrottledAuthenticator over JupyterHub's own DummyAuthenticator with a password: the same subclassing
the shared-password hub uses over SharedPasswordAuthenticator (JupyterHub 5.3+, not installable here).
"""

import asyncio
import logging
import os

from tornado import web
from tornado.httputil import HTTPHeaders

HERE = os.path.dirname(os.path.realpath(__file__))
THROTTLE_PY = os.path.join(HERE, "..", "..", "components", "HubInfra.Core", "Hub", "login_throttle.py")


def load_throttle():
    namespace = {}
    with open(THROTTLE_PY, encoding="utf-8") as f:
        exec(compile(f.read(), THROTTLE_PY, "exec"), namespace)
    return namespace


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Context:
    def __init__(self, peer):
        self.address = (peer, 40000)


class Connection:
    def __init__(self, peer):
        self.context = Context(peer)


class Request:
    """What the throttle reads of tornado's HTTPServerRequest: headers, the connection's peer, the path."""

    def __init__(self, peer, headers=()):
        self.path = "/hub/login"
        self.headers = HTTPHeaders()
        for name, value in headers:
            self.headers.add(name, value)
        self.connection = Connection(peer)


class Handler:
    """What a refusal writes: status, headers and the page (RequestHandler's set_status, set_header, finish)."""

    def __init__(self, request):
        self.request = request
        self.status = None
        self.headers = {}
        self.page = None

    def set_status(self, status):
        self.status = status

    def set_header(self, name, value):
        self.headers[name] = value

    def finish(self, page):
        self.page = page


def chp(client, sent=()):
    """A request as the hub gets it through configurable-http-proxy alone: CHP appends the client's address."""
    forwarded = [v for n, v in sent if n.lower() == "x-forwarded-for"]
    chain = ",".join(forwarded + [client])
    return Request("10.8.0.5", [(n, v) for n, v in sent if n.lower() != "x-forwarded-for"] + [("X-Forwarded-For", chain)])


def cases(check):
    ns = load_throttle()
    LoginThrottle, client_address = ns["LoginThrottle"], ns["client_address"]

    # --- the policy, with a clock the test moves
    clock = Clock()
    t = LoginThrottle(clock=clock)
    for _ in range(3):
        t.failed("198.51.100.7", "student001")
    check("three failed logins for an account are free", t.wait("198.51.100.7", "student001") == (0.0, None))
    locks = [t.failed("198.51.100.7", "student001")[0][1] for _ in range(8)]
    check("each further failure locks (address, account) for 1, 2, 4 ... s, never over 60 s",
          locks == [1, 2, 4, 8, 16, 32, 60, 60], str(locks))
    wait, kind = t.wait("198.51.100.7", "student001")
    check("the lock is the account's, 60 s at most", kind == "account" and 0 < wait <= 60, f"{wait} {kind}")
    check("another address is not locked out of that account", t.wait("203.0.113.9", "student001") == (0.0, None))
    check("another account from that address is not locked", t.wait("198.51.100.7", "student002") == (0.0, None))
    clock.now += 60
    check("60 s after the last checked failure the account may try again",
          t.wait("198.51.100.7", "student001") == (0.0, None))
    t.succeeded("198.51.100.7", "student001")
    t.failed("198.51.100.7", "student001")
    check("a login that succeeds forgets the failures before it", t.wait("198.51.100.7", "student001") == (0.0, None))

    clock = Clock()
    t = LoginThrottle(clock=clock)
    for i in range(100):
        t.failed("192.0.2.1", f"student{i:03d}")
    check("a classroom behind one address: 100 failed logins over its accounts lock nothing",
          all(t.wait("192.0.2.1", f"student{i:03d}") == (0.0, None) for i in range(100, 140)))
    started = t.failed("192.0.2.1", "student100")
    check("the 101st failure from the address locks the address for 1 s", started == [("address", 1.0, 101)],
          str(started))
    check("while it lasts, every account from that address waits", t.wait("192.0.2.1", "student139")[1] == "address")
    check("other addresses log in meanwhile", t.wait("192.0.2.2", "student139") == (0.0, None))
    clock.now += 1000  # failures are forgotten as they age (one per 10 s for an address)
    check("an address's failures are forgotten as they age", t.failed("192.0.2.1", "student101") == [])

    clock = Clock()
    t = LoginThrottle(clock=clock, max_pairs=1000, max_addresses=500)
    for i in range(20000):
        clock.now += 0.001
        t.failed(f"10.{i // 65536}.{i // 256 % 256}.{i % 256}", f"random{i}")
    check("memory is bounded under a flood of random names and addresses",
          len(t.pairs) == 1000 and len(t.addresses) == 500, f"{len(t.pairs)} pairs, {len(t.addresses)} addresses")

    # --- the client address
    spoofed = [("X-Forwarded-For", "203.0.113.66"), ("X-Real-Ip", "203.0.113.77")]
    check("behind configurable-http-proxy the address is the one it appended",
          client_address(chp("198.51.100.7"), 1) == "198.51.100.7")
    check("X-Forwarded-For and X-Real-Ip sent by the client do not change it",
          client_address(chp("198.51.100.7", spoofed), 1) == "198.51.100.7")
    autohttps = Request("10.8.0.5", [("X-Real-Ip", "198.51.100.7"), ("X-Forwarded-For", "198.51.100.7, 10.8.1.3")])
    check("behind autohttps (Traefik, then configurable-http-proxy) it is the second entry from the right",
          client_address(autohttps, 2) == "198.51.100.7")
    check("without X-Forwarded-For, the connection's peer", client_address(Request("192.0.2.44"), 1) == "192.0.2.44")

    # --- the authenticator: ThrottledAuthenticator over a real JupyterHub authenticator
    from jupyterhub.auth import DummyAuthenticator
    from traitlets.config import Config

    class Throttled(ns["ThrottledAuthenticator"], DummyAuthenticator):
        pass

    config = Config()
    config.DummyAuthenticator.password = "right-password-1234"
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    log = logging.getLogger("hubinfra-throttle-test")
    log.addHandler(Keep())
    log.propagate = False
    auth = Throttled(config=config, log=log)
    clock = Clock()
    auth.login_throttle = LoginThrottle(clock=clock)
    checked = []
    real_authenticate = DummyAuthenticator.authenticate

    async def counting(self, handler, data):
        checked.append(data["username"])
        return await real_authenticate(self, handler, data)

    DummyAuthenticator.authenticate = counting

    async def login(address, password, user="ana", sent=()):
        handler = Handler(chp(address, sent))
        try:
            return await auth.authenticate(handler, {"username": user, "password": password})
        except web.Finish:
            return handler

    async def scenario():
        results = {"right": await login("198.51.100.7", "right-password-1234")}
        for i in range(4):
            results[f"wrong{i}"] = await login("198.51.100.7", f"guess{i}", sent=[("X-Real-Ip", f"203.0.113.{i}")])
        before = len(checked)
        results["locked"] = await login("198.51.100.7", "right-password-1234", sent=[("X-Forwarded-For", "192.0.2.9")])
        results["unchecked"] = len(checked) == before
        results["elsewhere"] = await login("203.0.113.50", "right-password-1234")
        clock.now += 1.0
        results["after"] = await login("198.51.100.7", "right-password-1234")
        return results

    try:
        r = asyncio.run(scenario())
    finally:
        DummyAuthenticator.authenticate = real_authenticate
    check("the throttled authenticator lets the right password in", r["right"] is not None
          and not isinstance(r["right"], Handler), repr(r["right"]))
    check("four wrong passwords (spoofed X-Real-Ip) are refused by the password check",
          all(r[f"wrong{i}"] is None for i in range(4)), repr([r[f"wrong{i}"] for i in range(4)]))
    locked = r["locked"]
    check("then even the right password gets HTTP 429 with when to retry, without a password check",
          isinstance(locked, Handler) and locked.status == 429 and "Try again in 1 s" in locked.page
          and locked.headers.get("Retry-After") == "1" and r["unchecked"], repr(getattr(locked, "__dict__", locked)))
    check("the same account from another address logs in meanwhile", r["elsewhere"] is not None
          and not isinstance(r["elsewhere"], Handler), repr(r["elsewhere"]))
    check("after the backoff the student logs in", r["after"] is not None and not isinstance(r["after"], Handler),
          repr(r["after"]))
    check("the hub log names the account and the real client address of the throttled logins",
          any("'ana' from 198.51.100.7" in m for m in records) and not any("203.0.113." in m for m in records),
          "\n".join(records))


if __name__ == "__main__":
    failed = []

    def check(name, ok, detail=""):
        print(f"  {'ok  ' if ok else 'FAIL'}  {name} {'' if ok else detail}")
        if not ok:
            failed.append(name)

    cases(check)
    raise SystemExit(1 if failed else 0)
