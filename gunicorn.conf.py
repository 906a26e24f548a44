"""
gunicorn settings, read from the environment (and `.env`, as config/settings.py does):
`gunicorn config.wsgi`. docs/deploy.md explains running several of these behind a proxy.

- BIND: where to listen. Default 127.0.0.1:8000 (127.0.0.1:$PORT when PORT is set): only
  this machine, i.e. the proxy in front, can reach it. Several addresses may be given,
  separated by commas or spaces; `BIND=0.0.0.0:8000` only when a proxy on another machine
  must reach this one.
- Proxy headers: gunicorn believes X-Forwarded-Proto (and friends) only when
  BEHIND_HTTPS_PROXY is on, and then only from FORWARDED_ALLOW_IPS (default the loopback
  addresses); otherwise from no one, so a client cannot pass itself off as https.
- Request timeout: plain sync workers, one request at a time each, so a request running
  longer than GUNICORN_TIMEOUT seconds gets its worker killed and replaced. (With threads
  gunicorn would switch to its gthread worker, whose timeout only notices a dead process,
  never a stuck request.)
"""

import gc
import multiprocessing
from pathlib import Path

import environ

environ.Env.read_env(Path(__file__).resolve().parent / ".env", overwrite=False)
env = environ.Env()

bind = env.str("BIND", default="").replace(",", " ").split() or [
    f"127.0.0.1:{env.int('PORT', default=8000)}"
]
worker_class = "sync"
threads = 1
workers = env.int("WEB_CONCURRENCY", default=multiprocessing.cpu_count() * 2 + 1)
timeout = env.int("GUNICORN_TIMEOUT", default=30)
graceful_timeout = env.int("GUNICORN_GRACEFUL_TIMEOUT", default=30)
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = env.int("GUNICORN_MAX_REQUESTS", default=2000)
max_requests_jitter = env.int("GUNICORN_MAX_REQUESTS_JITTER", default=200)
# GUNICORN_ACCESSLOG: a file, "-" (stdout, the default) or empty for none.
accesslog = env.str("GUNICORN_ACCESSLOG", default="-") or None
errorlog = "-"
# gunicorn's control socket (for `gunicornc`) is off: nothing here uses it, and several
# instances on one machine would all take the same default path. GUNICORN_CONTROL_SOCKET
# names a socket file (one per instance) to turn it on.
control_socket_disable = not env.str("GUNICORN_CONTROL_SOCKET", default="")
if not control_socket_disable:
    control_socket = env.str("GUNICORN_CONTROL_SOCKET")
if env.bool("BEHIND_HTTPS_PROXY", default=False):
    forwarded_allow_ips = env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1,::1")
else:
    forwarded_allow_ips = ""


def post_worker_init(worker):
    """Once a worker has loaded the site: move every object it holds so far (Django, the
    settings, the modules) out of the garbage collector's reach, as they live as long as
    the worker. A full collection then walks only what requests made since: 11 ms instead
    of 73 in a search-heavy worker, a pause that every request queued behind it waited
    out (bench/README.md)."""
    gc.collect()
    gc.freeze()
