# The real-hub test's jupyterhub_config.py: the parts of z2jh 4.4.0's jupyterhub/files/hub/jupyterhub_config.py
# that decide how a login is handled, with the Kubernetes parts (KubeSpawner, proxy pod, Services) replaced by a
# hub and proxy on 127.0.0.1 and a spawner that never starts. hub.config is applied section by section and every
# hub.extraConfig entry is exec()'d verbatim, sorted by key, exactly as z2jh does.
#
# Environment (set by hubtest.py): HUBINFRA_TEST_VALUES (values files), HUBINFRA_TEST_DIR (state),
# HUBINFRA_TEST_PORT, HUBINFRA_TEST_HUB_PORT, HUBINFRA_TEST_API_PORT, HUBINFRA_TEST_CHP (proxy command),
# HUBINFRA_TEST_ACCOUNTS (where the workshop-accounts Secret is mounted).
c = globals()["c"]  # traitlets' config loader runs this file with the config object as `c`

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from jupyterhub.spawner import Spawner
from z2jh import get_config, set_config_if_not_none


def camelCaseify(s):
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), s)


class NeverStartingSpawner(Spawner):
    """No Kubernetes here: a server that never starts (the test is about logging in)."""

    async def start(self):
        raise RuntimeError("the real-hub test starts no servers")

    async def stop(self, now=False):
        pass

    async def poll(self):
        return 0


state = os.environ["HUBINFRA_TEST_DIR"]
c.JupyterHub.spawner_class = NeverStartingSpawner
c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ['HUBINFRA_TEST_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ['HUBINFRA_TEST_HUB_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['HUBINFRA_TEST_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ.get("HUBINFRA_TEST_CHP", "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "proxy.pid")
c.JupyterHub.pid_file = os.path.join(state, "hub.pid")
c.JupyterHub.cookie_secret_file = os.path.join(state, "cookie_secret")
c.JupyterHub.cleanup_servers = False
c.JupyterHub.last_activity_interval = 60
c.JupyterHub.tornado_settings = {"slow_spawn_timeout": 0}

# as z2jh: hub.db.type sqlite-pvc is a sqlite file in the hub's working directory (here: the state directory)
db_type = get_config("hub.db.type")
if db_type == "sqlite-pvc":
    c.JupyterHub.db_url = f"sqlite:///{os.path.join(state, 'jupyterhub.sqlite')}"
elif db_type == "sqlite-memory":
    c.JupyterHub.db_url = "sqlite://"

for trait, cfg_key in (
    ("concurrent_spawn_limit", None),
    ("active_server_limit", None),
    ("base_url", None),
    ("allow_named_servers", None),
    ("named_server_limit_per_user", None),
    ("authenticate_prometheus", None),
    ("redirect_to_server", None),
    ("shutdown_on_logout", None),
    ("template_paths", None),
    ("template_vars", None),
):
    if cfg_key is None:
        cfg_key = camelCaseify(trait)
    set_config_if_not_none(c.JupyterHub, trait, "hub." + cfg_key)

set_config_if_not_none(c.Spawner, "default_url", "singleuser.defaultUrl")

# as z2jh: load hub.config values section by section
for section, cfg in get_config("hub.config", {}).items():
    if section == "JupyterHub":
        cfg.pop("proxy_auth_token", None)
        cfg.pop("cookie_secret", None)
        cfg.pop("services", None)
    elif section == "ConfigurableHTTPProxy":
        cfg.pop("auth_token", None)
    elif section == "CryptKeeper":
        cfg.pop("keys", None)
    if not section[:1].isupper():
        print(f"FATAL: Invalid hub.config section name: {section}.", file=sys.stderr)
        sys.exit(1)
    print(f"Loading pass-through config section hub.config.{section}")
    c[section].update(cfg)

# The kubelet mounts the workshop-accounts Secret at the hub's extraVolumeMounts path; here it is mounted at
# HUBINFRA_TEST_ACCOUNTS (same layout: ..data symlink), and the authenticator is told where.
if os.environ.get("HUBINFRA_TEST_ACCOUNTS"):
    c.WorkshopAccountsAuthenticator.hashes_path = os.path.join(os.environ["HUBINFRA_TEST_ACCOUNTS"], "hashes.json")

# as z2jh: execute hub.extraConfig entries
for key, config_py in sorted(get_config("hub.extraConfig", {}).items()):
    print(f"Loading extra config: {key}")
    exec(config_py)
