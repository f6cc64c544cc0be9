# HubInfra: the authenticator of a workshop hub with generated accounts.
#
# Rendered verbatim into the z2jh value hub.extraConfig["hubinfra-workshop-accounts"]; z2jh's
# jupyterhub_config.py exec()s it with its own globals, where `c` is the traitlets config object.
# Works on JupyterHub 3.x (Debian's package, used by the CI test) and 5.x (z2jh 4.4.0's hub image).
#
# Passwords are checked against bcrypt hashes in the Kubernetes Secret "workshop-accounts", mounted at
# /etc/hubinfra/accounts: its key hashes.json is a JSON object {username: "$2a$10$..."} written by Pulumi
# (RandomPassword.bcryptHash). The file is re-read whenever the kubelet swaps the mount (a rotated seat works
# without restarting the hub).
#
# A login storm must not stall the hub: bcrypt (about 65 ms at cost 10) runs in a small thread pool, never on
# the event loop; bcrypt releases the GIL, so the pool uses every core, at a lower priority than the event loop
# thread, which keeps answering everyone else. Failed logins are throttled (ThrottledAuthenticator, defined by the
# hub.extraConfig entry "hubinfra-login-throttle", login_throttle.py, which z2jh runs before this one).
import hashlib
import hmac
import json
import os
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import bcrypt
from jupyterhub.auth import Authenticator
from tornado.ioloop import IOLoop
from traitlets import Integer, Unicode

c = globals()["c"]
ThrottledAuthenticator = globals()["ThrottledAuthenticator"]

# bcrypt uses at most 72 bytes of a password (bcrypt 5 raises ValueError beyond that, older versions silently
# truncate): refuse longer passwords outright, the same on every version.
BCRYPT_MAX_BYTES = 72


class WorkshopAccountsPasswords(Authenticator):
    """Checks a password against its account's bcrypt hash; WorkshopAccountsAuthenticator adds the throttle."""

    hashes_path = Unicode(
        "/etc/hubinfra/accounts/hashes.json",
        config=True,
        help="JSON file {username: bcrypt hash}, from the workshop-accounts Secret.",
    )
    check_threads = Integer(
        0,
        config=True,
        help="Threads checking bcrypt hashes; 0 means one per CPU core available to the hub.",
    )
    check_nice = Integer(
        10,
        config=True,
        help="Niceness of those threads (Linux): the event loop thread runs first whenever it has work.",
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._lock = threading.Lock()
        self._hashes = {}
        self._hashes_key = None
        self._pool = None
        # Passwords verified since the hub started, as HMACs under a key that never leaves this process, keyed by
        # (username, stored hash): logging in again is a cheap comparison, and a rotated hash invalidates it.
        self._verified_key = secrets.token_bytes(32)
        self._verified = {}

    def _threads(self):
        if self.check_threads > 0:
            return self.check_threads
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:
            cores = os.cpu_count() or 1
        # A CPU limit on the hub container (cgroup v2 cpu.max "quota period") caps the useful threads.
        try:
            with open("/sys/fs/cgroup/cpu.max") as f:
                quota, period = f.read().split()[:2]
            if quota != "max":
                cores = min(cores, -(-int(quota) // int(period)))
        except (OSError, ValueError):
            pass
        return max(1, cores)

    def _executor(self):
        if self._pool is None:
            self._pool = ThreadPoolExecutor(
                max_workers=self._threads(), thread_name_prefix="workshop-bcrypt", initializer=self._lower_priority)
        return self._pool

    def _lower_priority(self):
        # On Linux the nice value belongs to the thread: only the bcrypt threads yield to the event loop.
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), self.check_nice)
        except (AttributeError, OSError):
            pass

    def _stored_hashes(self):
        # Re-read the file when the kubelet has swapped the Secret's ..data symlink (stat follows it).
        st = os.stat(self.hashes_path)
        key = (st.st_ino, st.st_dev, st.st_mtime_ns, st.st_size)
        with self._lock:
            if key != self._hashes_key:
                with open(self.hashes_path, encoding="utf-8") as f:
                    self._hashes = json.load(f)
                self._hashes_key = key
                self.log.info("Loaded %d workshop accounts from %s", len(self._hashes), self.hashes_path)
            return self._hashes

    def _mac(self, username, password):
        return hmac.new(self._verified_key, username.encode() + b"\0" + password, hashlib.sha256).digest()

    def _check(self, username, password):
        """Runs in the pool: True when password matches the user's stored hash."""
        try:
            stored = self._stored_hashes().get(username)
        except (OSError, ValueError, AttributeError) as e:
            # Secret not mounted (yet) or not a JSON object: nobody logs in, and the log says why.
            self.log.error("Cannot read workshop accounts from %s: %s", self.hashes_path, e)
            return False
        if not isinstance(stored, str) or not stored:
            return False
        mac = self._mac(username, password)
        known = self._verified.get((username, stored))
        if known is not None and hmac.compare_digest(known, mac):
            return True
        try:
            ok = bcrypt.checkpw(password, stored.encode())
        except ValueError:
            # Malformed hash, or a password bcrypt will not take: a refusal, never an error page.
            return False
        if ok:
            self._verified[(username, stored)] = mac
        return ok

    async def authenticate(self, handler, data):
        data = data or {}
        username = self.normalize_username(str(data.get("username") or "").strip())
        password = str(data.get("password") or "").encode("utf-8")
        if not username or not password or len(password) > BCRYPT_MAX_BYTES:
            return None
        ok = await IOLoop.current().run_in_executor(self._executor(), self._check, username, password)
        return username if ok else None


class WorkshopAccountsAuthenticator(ThrottledAuthenticator, WorkshopAccountsPasswords):
    pass


c.JupyterHub.authenticator_class = WorkshopAccountsAuthenticator
