"""Login storm benchmark of a rendered workshop hub on a real JupyterHub:

    /usr/bin/python3 tests/hub/storm.py [--defaults z2jh/values.yaml] [--logins 200,800] [--flood 2000]
        [--per-address 50] RENDERED/hubs/ws/values.yaml

For each N: a fresh hub with N generated accounts (the rendered hub.config and hub.extraConfig, allowed_users
widened to N seats), N attendees logging in at once (GET the form, POST it, each with its own connection and its
classroom's client address: --per-address attendees share one, as behind a NAT), while GET /hub/api/ is sent every
100 ms. Prints the storm's total time, login p50/p95/max, and the probes' p50/p95/max: how long everything else
waits on the hub while the storm lasts. With --flood F, the same storm again on a fresh hub with F wrong-password
logins for the same accounts launched alongside from one other client address, and how the flood was answered.
Client and hub share this machine's cores, so the figures are measurements, not pass/fail; the exit status is 1
when a real login failed or a flood login got in.
"""

import argparse
import asyncio
import json
import os
import platform
import secrets
import string
import sys
import tempfile
import time

import aiohttp
import bcrypt
import jupyterhub
import yaml

from workshop_hub import (KubeletSecretMount, RunningHub, hash_all, logged_in, login, loopback_addresses, new_session,
                          refused, throttled)

ALPHABET = string.ascii_letters + string.digits


def cpu_seconds(pid):
    """CPU time (user + system, all threads) a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def proxy_pid(hub):
    try:
        with open(os.path.join(hub.dir, "proxy.pid")) as f:
            return int(f.read().strip())
    except (OSError, ValueError):
        return None


def checkpw_seconds(hashed, password, rounds=10):
    start = time.monotonic()
    for _ in range(rounds):
        bcrypt.checkpw(password.encode(), hashed.encode())
    return (time.monotonic() - start) / rounds


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


FLOOD_ADDRESS = "127.4.0.1"


async def one_login(base, user, password, address):
    start = time.monotonic()
    async with new_session(address) as s:
        status, location, _ = await login(s, base, user, password)
    return time.monotonic() - start, logged_in(status, location)


async def one_wrong_login(base, user, password):
    """A flood login: 'throttled' (429, no password check), 'refused' (checked), or 'other'."""
    try:
        async with new_session(FLOOD_ADDRESS) as s:
            status, location, page = await login(s, base, user, password)
    except aiohttp.ClientError:
        return "other"
    if logged_in(status, location):
        return "logged in"
    return "throttled" if throttled(status, page) else "refused" if refused(status, page) else "other"


async def probe(session, base, out):
    start = time.monotonic()
    try:
        async with session.get(f"{base}/hub/api/") as r:
            await r.read()
    finally:
        out.append(time.monotonic() - start)


async def flooder(base, users, count):
    """The flood's own process (storm.py --flood-from BASE USERS_JSON COUNT): a separate client, as an attacker is;
    sharing the storm client's event loop would slow the attendees' client, not the hub. Prints "ready", starts on
    a line from stdin, prints the outcomes as JSON."""
    wrong = [(users[i % len(users)], "".join(secrets.choice(ALPHABET) for _ in range(16))) for i in range(count)]
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    start = time.process_time()
    outcomes = await asyncio.gather(*(one_wrong_login(base, u, p) for u, p in wrong))
    print(json.dumps({"outcomes": outcomes, "cpu": time.process_time() - start}), flush=True)


async def storm(base, accounts, per_address, flood):
    probes, tasks = [], []
    done = asyncio.Event()

    async def prober():
        async with new_session() as s:
            while not done.is_set():
                tasks.append(asyncio.create_task(probe(s, base, probes)))
                await asyncio.sleep(0.1)
            await asyncio.gather(*tasks)

    flooding = None
    if flood:
        users_file = os.path.join(tempfile.mkdtemp(prefix="hubinfra-flood-"), "users.json")
        with open(users_file, "w") as f:
            json.dump(list(accounts), f)
        flooding = await asyncio.create_subprocess_exec(
            sys.executable, os.path.realpath(__file__), "--flood-from", base, users_file, str(flood),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        await flooding.stdout.readline()  # "ready"
    probing = asyncio.create_task(prober())
    await asyncio.sleep(1)  # a second of quiet first: the probes' baseline is in the figures too
    addresses = loopback_addresses(3)
    classrooms = [next(addresses) for _ in range(-(-len(accounts) // per_address))]
    start = time.monotonic()
    cpu = time.process_time()
    if flooding:
        flooding.stdin.write(b"go\n")
        await flooding.stdin.drain()
    results = await asyncio.gather(*(one_login(base, u, p, classrooms[i // per_address])
                                     for i, (u, p) in enumerate(accounts.items())))
    total = time.monotonic() - start
    client_cpu = time.process_time() - cpu
    flood_results, flood_cpu = [], 0.0
    if flooding:
        out, _ = await flooding.communicate()
        report = json.loads(out.decode().strip().splitlines()[-1])
        flood_results, flood_cpu = report["outcomes"], report["cpu"]
    done.set()
    await probing
    return total, results, probes, flood_results, (client_cpu, flood_cpu)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--flood-from":
        with open(sys.argv[3]) as f:
            users = json.load(f)
        asyncio.run(flooder(sys.argv[2], users, int(sys.argv[4])))
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--defaults", action="append", default=[])
    parser.add_argument("--logins", default="200,800")
    parser.add_argument("--flood", type=int, default=0, help="wrong-password logins from one client alongside")
    parser.add_argument("--per-address", type=int, default=50, help="attendees behind one client address")
    parser.add_argument("values")
    args = parser.parse_args()
    sizes = [int(n) for n in args.logins.split(",")]

    with open(args.values) as f:
        values = yaml.safe_load(f)
    auth = values["hub"]["config"]["Authenticator"]
    admins = auth.get("admin_users") or []
    seat = next(u for u in auth["allowed_users"] if u not in admins)
    prefix = seat.rstrip("0123456789")
    biggest = max(sizes)
    digits = max(3, len(str(biggest)))
    users = [f"{prefix}{i:0{digits}d}" for i in range(1, biggest + 1)]
    passwords = {u: "".join(secrets.choice(ALPHABET) for _ in range(16)) for u in users}
    t = time.monotonic()
    hashes = hash_all(passwords)
    print(f"{len(hashes)} hashes ($2a$10$) made in {time.monotonic() - t:.1f} s")
    print(f"JupyterHub {jupyterhub.__version__}, bcrypt {bcrypt.__version__}, {platform.platform()}, "
          f"{len(os.sched_getaffinity(0))} cores, load before: {os.getloadavg()[0]:.2f}")

    failures = 0
    for n in sizes:
        accounts = dict(list(passwords.items())[:n])
        p95 = {}
        for flood in ([0, args.flood] if args.flood > 0 else [0]):
            with tempfile.TemporaryDirectory(prefix="hubinfra-storm-") as tmp:
                widen = os.path.join(tmp, "storm-values.yaml")
                with open(widen, "w") as f:
                    yaml.safe_dump({"hub": {"config": {"Authenticator": {"allowed_users": users[:n] + admins}}}}, f)
                mount = KubeletSecretMount(os.path.join(tmp, "accounts"))
                mount.write({"hashes.json": json.dumps({u: hashes[u] for u in accounts})})
                with RunningHub(args.defaults + [args.values, widen], accounts=mount.path) as hub:
                    check = checkpw_seconds(hashes[users[0]], passwords[users[0]])
                    load = os.getloadavg()[0]
                    pids = [hub.process.pid, proxy_pid(hub)]
                    before = [cpu_seconds(p) if p else float("nan") for p in pids]
                    total, results, probes, flood_results, (client_cpu, flood_cpu) = asyncio.run(
                        storm(hub.base, accounts, args.per_address, flood))
                    hub_cpu, proxy_cpu = (cpu_seconds(p) - b if p else float("nan") for p, b in zip(pids, before))
            times = [d for d, _ in results]
            ok = sum(1 for _, good in results if good)
            failures += n - ok
            p95[flood] = percentile(times, 95)
            label = f"{n} logins" + (f" + {flood} wrong-password logins from one client" if flood else "")
            print(f"{label}: {ok} logged in, total {total:.1f} s; login p50 {percentile(times, 50):.1f} s, "
                  f"p95 {p95[flood]:.1f} s, max {max(times):.1f} s; "
                  f"GET /hub/api/ every 100 ms: {len(probes)} probes, p50 {percentile(probes, 50) * 1000:.0f} ms, "
                  f"p95 {percentile(probes, 95) * 1000:.0f} ms, max {max(probes) * 1000:.0f} ms")
            cores = len(os.sched_getaffinity(0))
            print(f"    machine: load {load:.1f} on {cores} cores, one checkpw {check * 1000:.0f} ms "
                  f"(so bcrypt alone needs {n * check / cores:.1f} s on {cores} cores); "
                  f"CPU used: hub {hub_cpu:.1f} s, proxy {proxy_cpu:.1f} s, attendees' client {client_cpu:.1f} s"
                  + (f", flood's client {flood_cpu:.1f} s" if flood else ""))
            if flood:
                counts = {k: flood_results.count(k) for k in ("throttled", "refused", "other", "logged in")}
                failures += counts["logged in"]
                print(f"    the flood: {counts['throttled']} throttled (HTTP 429, no password check), "
                      f"{counts['refused']} refused after a password check, {counts['other']} other, "
                      f"{counts['logged in']} logged in; real logins' p95 with the flood / without: "
                      f"{p95[flood] / p95[0]:.2f}x")
    print(f"storm: {'every real login succeeded' if failures == 0 else f'{failures} real logins failed or flood logins got in'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
