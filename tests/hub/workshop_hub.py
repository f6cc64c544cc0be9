"""A real JupyterHub on 127.0.0.1 for tests and benchmarks of the rendered workshop values (tests/hub).

Starts Debian's (or any installed) JupyterHub with jupyterhub_config.py beside this file, which mimics z2jh's:
the rendered hub.config applied, every hub.extraConfig entry exec()'d verbatim. The workshop-accounts Secret is
mounted the way the kubelet mounts Secrets (files under a timestamped directory, a ..data symlink swapped
atomically on update), with bcrypt hashes made the way Pulumi.Random's RandomPassword makes them ($2a$, cost 10).
"""

import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

import aiohttp
import bcrypt

from traefik_standin import TraefikStandIn

HERE = os.path.dirname(os.path.realpath(__file__))
PULUMI_BCRYPT_COST = 10  # pulumi-random: bcrypt.GenerateFromPassword(..., bcrypt.DefaultCost), Go's "$2a$" hashes


def pulumi_bcrypt_hash(password):
    """A hash as Pulumi.Random's RandomPassword.BcryptHash has it: $2a$10$..."""
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=PULUMI_BCRYPT_COST, prefix=b"2a")).decode()


def hash_all(passwords):
    """{user: password} -> {user: hash}, in parallel (bcrypt releases the GIL)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        hashes = pool.map(pulumi_bcrypt_hash, passwords.values())
        return dict(zip(passwords.keys(), hashes))


class KubeletSecretMount:
    """A directory laid out like a Secret volume: key -> ..data/key, ..data -> ..<timestamp>/ (AtomicWriter)."""

    def __init__(self, path):
        self.path = path
        os.makedirs(path, exist_ok=True)

    def write(self, files):
        stamp = datetime.now(timezone.utc).strftime("..%Y_%m_%d_%H_%M_%S.%f")
        payload = os.path.join(self.path, stamp)
        os.mkdir(payload)
        for name, content in files.items():
            with open(os.path.join(payload, name), "w", encoding="utf-8") as f:
                f.write(content)
        data = os.path.join(self.path, "..data")
        old = os.readlink(data) if os.path.islink(data) else None
        tmp = os.path.join(self.path, "..data_tmp")
        os.symlink(stamp, tmp)
        os.rename(tmp, data)  # the atomic swap
        for name in files:
            link = os.path.join(self.path, name)
            if not os.path.islink(link):
                os.symlink(os.path.join("..data", name), link)
        if old:
            shutil.rmtree(os.path.join(self.path, old))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command():
    """configurable-http-proxy from npm (HUBINFRA_CHP or the CI cache), else the one on PATH."""
    for candidate in (os.environ.get("HUBINFRA_CHP"), shutil.which("configurable-http-proxy")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


class RunningHub:
    """JupyterHub started on 127.0.0.1 with the given values files (chart defaults first, then HubInfra's).

    front="traefik": clients reach configurable-http-proxy through a stand-in for z2jh's autohttps Traefik
    (traefik_standin.py: the forwarded headers Traefik sets), as they do a hub with Let's Encrypt, and the login
    throttle reads the client address where the rendered values say. Without it, clients reach
    configurable-http-proxy directly and the throttle is told so (an overlay values file, last:
    client_address_hops 1) whatever the rendered values say."""

    def __init__(self, values_files, accounts=None, env=None, log_name="hub.log", front=None):
        self.dir = tempfile.mkdtemp(prefix="hubinfra-hub-")
        self.values_files = [os.path.abspath(p) for p in values_files]
        if front is None:
            overlay = os.path.join(self.dir, "chp-only-values.yaml")
            with open(overlay, "w") as f:
                json.dump({"hub": {"config": {"ThrottledAuthenticator": {"client_address_hops": 1}}}}, f)
            self.values_files.append(overlay)
        self.front = front
        self.front_proxy = None
        self.accounts = accounts
        self.env = env or {}
        self.log_path = os.path.join(self.dir, log_name)
        self.port = free_port()
        self.chp_port = free_port() if front else self.port
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self):
        env = dict(os.environ)
        env.update(self.env)
        env.update({
            "HUBINFRA_TEST_VALUES": os.pathsep.join(self.values_files),
            "HUBINFRA_TEST_DIR": self.dir,
            "HUBINFRA_TEST_PORT": str(self.chp_port),
            "HUBINFRA_TEST_HUB_PORT": str(free_port()),
            "HUBINFRA_TEST_API_PORT": str(free_port()),
            "HUBINFRA_TEST_CHP": proxy_command() or "configurable-http-proxy",
            "HUBINFRA_TEST_ACCOUNTS": self.accounts or "",
        })
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", os.path.join(HERE, "jupyterhub_config.py")],
            cwd=self.dir, env=env, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        if self.front == "traefik":
            self.front_proxy = TraefikStandIn(self.port, f"http://127.0.0.1:{self.chp_port}").__enter__()
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(f"{self.base}/hub/api/", timeout=2) as r:
                    self.version = json.load(r).get("version", "?")
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"JupyterHub did not answer on {self.base} within 90 s:\n{self.tail()}")

    def tail(self, lines=40):
        self.log.flush()
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])

    def __exit__(self, *exc):
        if self.front_proxy:
            self.front_proxy.__exit__(*exc)
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # the hub stops the proxy it started; make sure of it
        pid_file = os.path.join(self.dir, "proxy.pid")
        if os.path.exists(pid_file):
            try:
                os.kill(int(open(pid_file).read().strip()), 15)
            except (OSError, ValueError):
                pass
        self.log.close()
        if not os.environ.get("HUBINFRA_KEEP_HUB_DIR"):
            shutil.rmtree(self.dir, ignore_errors=True)


XSRF = re.compile(r'name="_xsrf"\s+value="([^"]*)"')


def new_session(address=None):
    """A browser; `address` is its source address on the loopback network (127.0.0.0/8), so that the hub sees
    logins from different clients (configurable-http-proxy appends the address to X-Forwarded-For)."""
    # unsafe=True: keep cookies set by an IP address host (127.0.0.1)
    connector = aiohttp.TCPConnector(local_addr=(address, 0)) if address else None
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), connector=connector,
                                 timeout=aiohttp.ClientTimeout(total=300))


def loopback_addresses(second_octet):
    """127.<second_octet>.x.y, x.y from 0.1 up: distinct client addresses on this machine only."""
    n = 0
    while True:
        n += 1
        if n % 256 in (0, 255):
            continue
        yield f"127.{second_octet}.{n // 256}.{n % 256}"


async def login(session, base, username, password, headers=None):
    """The login form as a browser submits it (GET the form for _xsrf, POST it). Returns (status, location, page)."""
    async with session.get(f"{base}/hub/login") as r:
        page = await r.text()
    form = {"username": username, "password": password}
    m = XSRF.search(page)
    if m:
        form["_xsrf"] = m.group(1)
    async with session.post(f"{base}/hub/login", data=form, allow_redirects=False, headers=headers) as r:
        page = await r.text()
        return r.status, r.headers.get("Location", ""), page


def logged_in(status, location):
    return status == 302 and "/hub/login" not in location


def refused(status, page):
    """The login form again with JupyterHub's error: 403 since JupyterHub 4, 200 before."""
    return status in (200, 403) and "Invalid username or password" in page


def throttled(status, page):
    """A login refused by the throttle: 429 and the page saying when to retry."""
    return status == 429 and "Try again in" in page


def run(coroutine):
    return asyncio.run(coroutine)
