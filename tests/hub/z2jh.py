"""Stand-in for z2jh 4.4.0's jupyterhub/files/hub/z2jh.py in the real-hub test.

z2jh loads the chart values Helm rendered into a mounted Secret (secret/values.yaml); here they are the chart's
default values.yaml and HubInfra's rendered values.yaml, merged the way Helm merges them (maps recursively, other
values replaced). The file list comes from HUBINFRA_TEST_VALUES (paths joined with os.pathsep).
"""

import os
from collections.abc import Mapping
from functools import lru_cache

import yaml


def _merge_dictionaries(a, b):
    merged = a.copy()
    for key in b:
        if key in a and isinstance(a[key], Mapping) and isinstance(b[key], Mapping):
            merged[key] = _merge_dictionaries(a[key], b[key])
        else:
            merged[key] = b[key]
    return merged


@lru_cache
def _load_config():
    cfg = {}
    for path in filter(None, os.environ.get("HUBINFRA_TEST_VALUES", "").split(os.pathsep)):
        with open(path) as f:
            cfg = _merge_dictionaries(cfg, yaml.safe_load(f) or {})
    return cfg


def get_config(key, default=None):
    """get_config("a.b.c") returns config['a']['b']['c'], or default where the path does not resolve."""
    value = _load_config()
    for level in key.split("."):
        if not isinstance(value, dict) or level not in value:
            return default
        value = value[level]
    return value


def set_config_if_not_none(cparent, name, key):
    data = get_config(key)
    if data is not None:
        setattr(cparent, name, data)
