"""Login storm benchmark (not a pass/fail test) of a rendered workshop hub on a real JupyterHub:

    /usr/bin/python3 tests/hub/storm.py [--defaults z2jh/values.yaml] [--logins 200,800] RENDERED/hubs/ws/values.yaml

For each N: a fresh hub with N generated accounts (the rendered hub.config and hub.extraConfig, allowed_users
widened to N seats), N attendees logging in at once (GET the form, POST it, each with its own connection), while
GET /hub/api/ is sent every 100 ms. Prints the storm's total time, login p50/p95/max, and the probes' p50/p95/max:
how long everything else waits on the hub while the storm lasts. Client and hub share this machine's cores.
"""

import argparse
import asyncio
import json
import os
import platform
import secrets
import string
import tempfile
import time

import bcrypt
import jupyterhub
import yaml

from workshop_hub import KubeletSecretMount, RunningHub, hash_all, logged_in, login, new_session

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


async def one_login(base, user, password):
    start = time.monotonic()
    async with new_session() as s:
        status, location, _ = await login(s, base, user, password)
    return time.monotonic() - start, logged_in(status, location)


async def probe(session, base, out):
    start = time.monotonic()
    try:
        async with session.get(f"{base}/hub/api/") as r:
            await r.read()
    finally:
        out.append(time.monotonic() - start)


async def storm(base, accounts):
    probes, tasks = [], []
    done = asyncio.Event()

    async def prober():
        async with new_session() as s:
            while not done.is_set():
                tasks.append(asyncio.create_task(probe(s, base, probes)))
                await asyncio.sleep(0.1)
            await asyncio.gather(*tasks)

    probing = asyncio.create_task(prober())
    await asyncio.sleep(1)  # a second of quiet first: the probes' baseline is in the figures too
    start = time.monotonic()
    results = await asyncio.gather(*(one_login(base, u, p) for u, p in accounts.items()))
    total = time.monotonic() - start
    done.set()
    await probing
    return total, results, probes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--defaults", action="append", default=[])
    parser.add_argument("--logins", default="200,800")
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

    for n in sizes:
        accounts = dict(list(passwords.items())[:n])
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
                total, results, probes = asyncio.run(storm(hub.base, accounts))
                hub_cpu, proxy_cpu = (cpu_seconds(p) - b if p else float("nan") for p, b in zip(pids, before))
        times = [d for d, _ in results]
        ok = sum(1 for _, good in results if good)
        print(f"{n} logins: {ok} logged in, total {total:.1f} s; login p50 {percentile(times, 50):.1f} s, "
              f"p95 {percentile(times, 95):.1f} s, max {max(times):.1f} s; "
              f"GET /hub/api/ every 100 ms: {len(probes)} probes, p50 {percentile(probes, 50) * 1000:.0f} ms, "
              f"p95 {percentile(probes, 95) * 1000:.0f} ms, max {max(probes) * 1000:.0f} ms")
        cores = len(os.sched_getaffinity(0))
        print(f"    machine: load {load:.1f} on {cores} cores, one checkpw {check * 1000:.0f} ms "
              f"(so bcrypt alone needs {n * check / cores:.1f} s on {cores} cores); "
              f"CPU used: hub {hub_cpu:.1f} s, proxy {proxy_cpu:.1f} s")


if __name__ == "__main__":
    main()
