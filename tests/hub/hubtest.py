"""Real-hub test of rendered workshop values: run by .ci/run as

    /usr/bin/python3 tests/hub/hubtest.py [--defaults z2jh/values.yaml] RENDERED/hubs/*/values.yaml

For each workshop hub with generated accounts, starts JupyterHub on 127.0.0.1 with the rendered hub.config and
hub.extraConfig (see jupyterhub_config.py) and logs in over HTTP with the login form: right passwords log in (seats
and admins), wrong, another seat's, unknown, empty and over-72-byte passwords are refused (the form again with JupyterHub's error, never a 500),
and rotating one seat's hash in the mounted Secret takes effect without a restart. Ends with the line
"hub tests: P passed, F failed, N logins tried". Shared-password hubs: the rendered snippet is exec'd with only
the environment the rendered hub.extraEnv provides and the resulting config checked; logging in to them needs
JupyterHub 5.3+ (SharedPasswordAuthenticator) and is otherwise reported as skipped.
"""

import argparse
import json
import os
import secrets
import string
import sys
import tempfile

import yaml

import asyncio

import throttle_test
from workshop_hub import (KubeletSecretMount, RunningHub, hash_all, logged_in, login, loopback_addresses, new_session,
                          pulumi_bcrypt_hash, refused, run, throttled)

import jupyterhub

THROTTLE_KEY = "hubinfra-login-throttle"
ACCOUNTS_KEY = "hubinfra-workshop-accounts"
SHARED_KEY = "hubinfra-workshop-shared-password"
ALPHABET = string.ascii_letters + string.digits  # RandomPassword { Special = false }


def pulumi_password(length=16):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.logins = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {name}")
        else:
            self.failed += 1
            print(f"  FAIL  {name} {detail}")


# Each attempt comes from its own client address unless told otherwise: the cases below test the password check,
# and a run of refusals from one address would meet the login throttle (tested on its own further down).
ADDRESSES = loopback_addresses(1)


async def attempt(results, hub, username, password, address=None, headers=None):
    results.logins += 1
    async with new_session(address or next(ADDRESSES)) as s:
        status, location, page = await login(s, hub.base, username, password, headers)
        home = None
        if logged_in(status, location):
            async with s.get(f"{hub.base}/hub/home", allow_redirects=False) as r:
                home = r.status
        return status, location, page, home


async def expect_login(results, hub, name, username, password, address=None):
    status, location, _, home = await attempt(results, hub, username, password, address=address)
    results.check(name, logged_in(status, location) and home == 200,
                  f"(POST /hub/login: {status} {location!r}, GET /hub/home: {home})")


async def expect_refused(results, hub, name, username, password):
    status, location, page, _ = await attempt(results, hub, username, password)
    results.check(name, refused(status, page),
                  f"(POST /hub/login: {status} {location!r}; a refusal is the form with 'Invalid username or password')")


async def expect_admin(results, hub, name, username, password, admin):
    results.logins += 1
    async with new_session(next(ADDRESSES)) as s:
        status, location, _ = await login(s, hub.base, username, password)
        async with s.get(f"{hub.base}/hub/admin", allow_redirects=False) as r:
            page = r.status
    ok = logged_in(status, location) and (page == 200) == admin
    results.check(name, ok, f"(login {status}, GET /hub/admin {page})")


async def accounts_cases(results, hub, mount, passwords, hashes, seats, admins):
    first, second, third = seats[0], seats[1], seats[2]
    right = passwords[first]
    await expect_login(results, hub, f"{first} logs in with its password", first, right)
    await expect_login(results, hub, f"{first} logs in again (verified before)", first, right)
    await expect_login(results, hub, f"{first.upper()} (as typed, upper case) logs in as {first}", first.upper(), right)
    await expect_refused(results, hub, f"{first} with a wrong password is refused", first, pulumi_password())
    await expect_refused(results, hub, f"{first} with {second}'s password is refused", first, passwords[second])
    await expect_refused(results, hub, f"{first} with its password changed in one letter is refused", first,
                         right[:-1] + ("A" if right[-1] != "A" else "B"))
    await expect_refused(results, hub, "an unknown user is refused", "nobody", right)
    await expect_refused(results, hub, f"{first} with an empty password is refused", first, "")
    await expect_refused(results, hub, f"{first} with its password padded to 100 bytes is refused (bcrypt: over 72)",
                         first, right + "x" * (100 - len(right)))
    await expect_refused(results, hub, f"{first} with a 73-byte password is refused", first, pulumi_password(73))
    await expect_refused(results, hub, f"{first} with an 80-byte UTF-8 password is refused", first, "é" * 40)
    for admin in admins:
        await expect_admin(results, hub, f"admin {admin} logs in with its generated password and is admin",
                           admin, passwords[admin], True)
    await expect_admin(results, hub, f"seat {second} is not admin", second, passwords[second], False)

    # Rotate one seat (its RandomPassword replaced): the kubelet swaps the Secret; the running hub follows.
    await expect_login(results, hub, f"{third} logs in before its rotation", third, passwords[third])
    old = passwords[third]
    passwords[third] = pulumi_password()
    hashes = dict(hashes, **{third: pulumi_bcrypt_hash(passwords[third])})
    mount.write({"hashes.json": json.dumps(hashes)})
    await expect_refused(results, hub, f"after rotation, {third}'s old password is refused", third, old)
    await expect_login(results, hub, f"after rotation, {third}'s new password logs in (no restart)", third, passwords[third])
    await expect_login(results, hub, f"after rotation, {first} still logs in", first, right)

    # A Secret that is not a JSON object (a hand edit gone wrong): refusals, not errors; fixed, logins resume.
    mount.write({"hashes.json": "{not json"})
    await expect_refused(results, hub, f"{second}, while the Secret is not JSON, is refused", second, passwords[second])
    mount.write({"hashes.json": json.dumps(hashes)})
    await expect_login(results, hub, f"{second} logs in once the Secret is fixed", second, passwords[second])
    await throttle_cases(results, hub, passwords, seats)


async def throttle_cases(results, hub, passwords, seats):
    """The login throttle in the running hub, with its shipped defaults (3 free failures per account and address,
    then 1 s, 2 s, ...; 100 per address)."""
    student, other = seats[3], seats[4]
    home, cafe, spoofer, flood, elsewhere = "127.2.0.1", "127.2.0.2", "127.2.0.3", "127.2.0.4", "127.2.0.5"
    for i in range(4):
        await attempt(results, hub, student, pulumi_password(), address=home)
    await asyncio.sleep(1.1)  # the 4th failure locked it for 1 s; the 5th, once that is over, locks it for 2 s
    await attempt(results, hub, student, pulumi_password(), address=home)
    status, _, page, _ = await attempt(results, hub, student, passwords[student], address=home)
    results.check(f"after 5 wrong passwords {student} is throttled: HTTP 429 saying when to retry",
                  throttled(status, page) and "Try again in 2 s" in page, f"({status}) {page[-400:]!r}")
    await expect_login(results, hub, f"meanwhile {student} logs in from another address", student,
                       passwords[student], address=cafe)
    await asyncio.sleep(2.1)
    await expect_login(results, hub, f"after the 2 s backoff {student} logs in again from the first address", student,
                       passwords[student], address=home)

    # A client that forges X-Forwarded-For and X-Real-Ip is still keyed on the address configurable-http-proxy saw.
    for i in range(4):
        await attempt(results, hub, other, pulumi_password(), address=spoofer,
                      headers={"X-Forwarded-For": f"198.51.100.{i}", "X-Real-Ip": f"203.0.113.{i}"})
    status, _, page, _ = await attempt(results, hub, other, passwords[other], address=spoofer,
                                       headers={"X-Forwarded-For": "198.51.100.99", "X-Real-Ip": "203.0.113.99"})
    results.check("forged X-Forwarded-For and X-Real-Ip headers do not escape the throttle", throttled(status, page),
                  f"({status})")
    lines = [line for line in hub.tail(5000).splitlines() if "Login throttle:" in line]
    results.check("the hub log names the throttled account and its real client address",
                  any(f"for '{other}' from {spoofer}:" in line for line in lines)
                  and not any("198.51.100." in line or "203.0.113." in line for line in lines), "\n".join(lines[-10:]))

    # A classroom behind one NAT address: every student mistypes once, then logs in.
    classroom = "127.2.0.6"
    async def student_day(user):
        await attempt(results, hub, user, pulumi_password(), address=classroom)
        return await attempt(results, hub, user, passwords[user], address=classroom)
    outcomes = await asyncio.gather(*(student_day(u) for u in seats[5:35]))
    ok = sum(1 for status, location, _, home_status in outcomes if logged_in(status, location) and home_status == 200)
    results.check(f"a classroom of {len(outcomes)} behind one address, each mistyping once, all log in",
                  ok == len(outcomes), f"({ok} logged in)")

    # A guessing script on one address locks that address (no password checks while it lasts), no other.
    failures = 0
    while failures < 150:
        status, _, page, _ = await attempt(results, hub, f"guess{failures}", "wrong", address=flood)
        if throttled(status, page):
            break
        failures += 1
    results.check("a guessing script on one address is throttled after 100 free failures, not before",
                  failures == 101, f"(throttled after {failures} failures)")
    for wait in (1, 2):  # it keeps guessing as each lock ends: 2 s, then 4 s (time for the checks below)
        await asyncio.sleep(wait + 0.1)
        await attempt(results, hub, "guess-again", "wrong", address=flood)
    status, _, page, _ = await attempt(results, hub, seats[35], passwords[seats[35]], address=flood)
    results.check("then that address is throttled for every account", throttled(status, page), f"({status})")
    async with new_session(flood) as s:
        async with s.get(f"{hub.base}/hub/login") as r:
            status, page = r.status, await r.text()
    results.check("and its requests for the login page get the short 429 page, not the form",
                  throttled(status, page) and 'name="password"' not in page, f"({status}) {page[:200]!r}")
    await expect_login(results, hub, "while another address logs in", seats[35], passwords[seats[35]],
                       address=elsewhere)


def test_accounts(results, values_path, defaults):
    with open(values_path) as f:
        values = yaml.safe_load(f)
    auth = values["hub"]["config"]["Authenticator"]
    users = auth["allowed_users"]
    admins = auth.get("admin_users") or []
    seats = [u for u in users if u not in admins]
    passwords = {u: pulumi_password() for u in users}
    hashes = hash_all(passwords)
    assert all(h.startswith("$2a$10$") for h in hashes.values())
    mount = KubeletSecretMount(tempfile.mkdtemp(prefix="hubinfra-secret-"))
    mount.write({"hashes.json": json.dumps(hashes)})
    # With Let's Encrypt (autohttps) the rendered values tell the throttle that Traefik is in front of the proxy:
    # then the browsers go through a stand-in for it, as they do to the deployed hub.
    hops = values["hub"]["config"].get("ThrottledAuthenticator", {}).get("client_address_hops")
    front = "traefik" if hops == 2 else None
    with RunningHub(defaults + [values_path], accounts=mount.path, front=front) as hub:
        print(f"  JupyterHub {hub.version} on {hub.base}, {len(users)} accounts ({len(admins)} admin), "
              f"{'Traefik stand-in, then ' if front else ''}configurable-http-proxy in front")
        run(accounts_cases(results, hub, mount, passwords, hashes, seats, admins))
        errors = [line for line in hub.tail(2000).splitlines() if " 500 " in line or "Traceback" in line]
        results.check("the hub logged no 500 and no traceback", not errors, "\n" + "\n".join(errors[:10]))


def test_shared_password_config(results, values_path):
    """The rendered snippet exec'd as z2jh does, with only the environment the rendered hub.extraEnv provides."""
    from traitlets.config import Config

    with open(values_path) as f:
        hub = yaml.safe_load(f)["hub"]
    env_keys = sorted(hub.get("extraEnv") or {})
    groups = {pulumi_password(20): ["session-a"], pulumi_password(20): ["session-b"]}
    fake = {"WORKSHOP_USER_PASSWORD": pulumi_password(20), "WORKSHOP_ADMIN_PASSWORD": pulumi_password(40),
            "WORKSHOP_PASSWORD_GROUPS": json.dumps(groups)}
    saved = dict(os.environ)
    try:
        for key in fake:
            os.environ.pop(key, None)
        os.environ.update({k: fake[k] for k in env_keys if k in fake})
        c = Config()
        namespace = {"c": c}
        for key in sorted(hub["extraConfig"]):  # as z2jh: every entry, sorted by key, in one module's globals
            exec(hub["extraConfig"][key], namespace)
    except Exception as e:
        results.check("the shared-password config runs with the rendered hub.extraEnv", False, repr(e))
        return
    finally:
        os.environ.clear()
        os.environ.update(saved)
    spa = c.SharedPasswordAuthenticator
    results.check("the shared-password config runs with the rendered hub.extraEnv", True)
    try:
        from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
    except ImportError:
        SharedPasswordAuthenticator = None
    cls = c.JupyterHub.authenticator_class
    if SharedPasswordAuthenticator is None:
        results.check("the authenticator is JupyterHub's shared-password (this JupyterHub has no class to throttle)",
                      cls == "shared-password")
    else:
        results.check("the authenticator is JupyterHub's shared-password behind the login throttle",
                      issubclass(cls, SharedPasswordAuthenticator) and issubclass(cls, namespace["ThrottledAuthenticator"]))
    hops = (hub.get("config") or {}).get("ThrottledAuthenticator", {}).get("client_address_hops")
    results.check("the throttle is told how many proxies append the client address", hops in (1, 2), repr(hops))
    results.check("the admin password comes from the Secret", spa.admin_password == fake["WORKSHOP_ADMIN_PASSWORD"])
    if "WORKSHOP_PASSWORD_GROUPS" in env_keys:
        results.check("each group's password maps to its group, with manage_groups on",
                      spa.password_groups == groups and spa.manage_groups is True)
        results.check("with groups there is no common attendee password", "user_password" not in spa)
    else:
        results.check("the attendee password comes from the Secret", spa.user_password == fake["WORKSHOP_USER_PASSWORD"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--defaults", action="append", default=[], help="the z2jh chart's values.yaml")
    parser.add_argument("values", nargs="+", help="rendered hubs/*/values.yaml")
    args = parser.parse_args()
    results = Results()
    print("== the login throttle on its own (a clock the test moves)")
    throttle_test.cases(results.check)
    for path in args.values:
        with open(path) as f:
            extra = ((yaml.safe_load(f) or {}).get("hub") or {}).get("extraConfig") or {}
        name = path
        if ACCOUNTS_KEY in extra:
            print(f"== {name}: generated accounts")
            try:
                test_accounts(results, path, args.defaults)
            except Exception as e:  # a hub that does not start is a failure, with its log
                results.check(f"{name}: the hub starts", False, f"\n{e}")
        elif SHARED_KEY in extra:
            print(f"== {name}: shared password")
            test_shared_password_config(results, path)
            print(f"SKIPPED: {name}: logins with shared passwords: SharedPasswordAuthenticator needs JupyterHub 5.3+ "
                  f"(password_groups 5.5+), this machine has {jupyterhub.__version__}")
        else:
            print(f"== {name}: not a workshop hub with passwords, nothing to log in to")
    print(f"hub tests: {results.passed} passed, {results.failed} failed, {results.logins} logins tried")
    return 1 if results.failed else 0


if __name__ == "__main__":
    sys.exit(main())
