# HubInfra: a workshop hub with shared passwords (JupyterHub 5.3+ SharedPasswordAuthenticator).
#
# Rendered verbatim into the z2jh value hub.extraConfig["hubinfra-workshop-shared-password"]; z2jh's
# jupyterhub_config.py exec()s it with its own globals, where `c` is the traitlets config object.
# The passwords come from the Secret "workshop-shared-password" through environment variables (hub.extraEnv):
#   WORKSHOP_USER_PASSWORD      one password for every attendee (absent when the workshop has groups)
#   WORKSHOP_ADMIN_PASSWORD     the password of the hub's admin users
#   WORKSHOP_PASSWORD_GROUPS    JSON {password: [group]}: one password per parallel session (JupyterHub 5.5+
#                               password_groups); whoever logs in with it joins that session's group
# Failed logins are throttled as on hubs with generated accounts: ThrottledAuthenticator comes from the
# hub.extraConfig entry "hubinfra-login-throttle" (login_throttle.py), which z2jh runs before this one.
import json
import os

c = globals()["c"]
ThrottledAuthenticator = globals()["ThrottledAuthenticator"]

try:
    from jupyterhub.authenticators.shared import SharedPasswordAuthenticator
except ImportError:  # JupyterHub before 5.3 has no shared-password authenticator (z2jh 4.4.0 ships 5.5)
    SharedPasswordAuthenticator = None

if SharedPasswordAuthenticator is not None:
    class WorkshopSharedPasswordAuthenticator(ThrottledAuthenticator, SharedPasswordAuthenticator):
        pass

    c.JupyterHub.authenticator_class = WorkshopSharedPasswordAuthenticator
else:
    c.JupyterHub.authenticator_class = "shared-password"
if os.environ.get("WORKSHOP_USER_PASSWORD"):
    c.SharedPasswordAuthenticator.user_password = os.environ["WORKSHOP_USER_PASSWORD"]
c.SharedPasswordAuthenticator.admin_password = os.environ["WORKSHOP_ADMIN_PASSWORD"]
password_groups = json.loads(os.environ.get("WORKSHOP_PASSWORD_GROUPS") or "{}")
if password_groups:
    c.SharedPasswordAuthenticator.manage_groups = True
    c.SharedPasswordAuthenticator.password_groups = password_groups
