"""The benches' production-like site: gunicorn app servers behind nginx (deploy/nginx.conf).

Used by bench/burst.py and bench/kill_one_server.py. A Site is set up on SQLite (one app
server, local-memory cache) or on PostgreSQL + Redis (any number of app servers sharing
them), seeded with bench/load.py's articles and comments, and started with the helpers of
deploy/serve.py (which `make serve` uses). It reads the server CPU (user + system of every
gunicorn and nginx process, from /proc) and runs wrk (/usr/bin/wrk).
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import load  # noqa: E402  (bench/load.py: the seed and the settings of the load benches)
import reactions as common  # noqa: E402  (bench/reactions.py: database, environment)

from deploy.serve import Nginx, children, render_config, start_gunicorn, stop  # noqa: E402

WRK = os.environ.get("WRK", "/usr/bin/wrk")


class Timings:
    """What readers' threads saw, shared by the benches that send their own requests
    (burst.py, kill_one_server.py): latencies, transport errors, and statuses counted in the
    Counter each call names (one per phase where a bench has phases)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = Counter()

    def request(self, statuses, client, method, url, **kwargs):
        """client.request(), timed; None when no answer came (counted in errors)."""
        started = time.perf_counter()
        try:
            answer = client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            with self.lock:
                self.errors[type(error).__name__] += 1
            return None
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
            statuses[answer.status_code] += 1
        return answer


def add_site_arguments(parser, *, port: int) -> None:
    parser.add_argument("--port", type=int, default=port, help="nginx; app servers after it")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_front"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )


def cpu_seconds(pids) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / tick


class Site:
    """Seeded app servers and nginx in front; `base` is nginx's address."""

    def __init__(self, args, *, database: str, app_servers: int, label: str):
        self.args = args
        self.label = label
        self.port = args.port
        self.base = f"http://127.0.0.1:{args.port}"
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower())
        self.work = Path(tempfile.mkdtemp(prefix=f"bench-front-{slug}-"))
        self.app_ports = [args.port + n for n in range(1, app_servers + 1)]
        self.servers = {}
        self.nginx = None
        settings_dir = self.work / "settings"
        settings_dir.mkdir()
        (settings_dir / "bench_settings.py").write_text(load.SETTINGS)
        server_args = type(
            "A", (), {"database_url": args.database_url, "redis_url": args.redis_url}
        )
        self.env = common.server_environment(server_args, settings_dir)
        self.env["CACHE_KEY_PREFIX"] = f"bench-front-{slug}"
        self.env["DJANGO_TRUSTED_PROXY_COUNT"] = "1"
        if database == "sqlite":
            self.env["DATABASE_URL"] = f"sqlite:///{self.work / 'db.sqlite3'}"
            self.env["REDIS_URL"] = ""  # one app server: its local-memory cache
            self.database_url = None
        else:
            common.recreate_database(args.database_url)
            self.database_url = args.database_url
        self.static_root = settings_dir / "static"

    def manage(self, *command):
        common.manage(self.env, *command)

    def setup(self):
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
        self.manage("shell", "-c", load.SEED)
        return self

    def start(self):
        for port in self.app_ports:
            self.start_server(port)
        options = [f"--upstream=127.0.0.1:{port}" for port in self.app_ports]
        options += [
            f"--listen=127.0.0.1:{self.port}",
            f"--run-dir={self.work / 'nginx'}",
            f"--cache-dir={self.work / 'nginx' / 'cache'}",
            f"--static-root={self.static_root}",
            "--worker-processes=2",
        ]
        if getattr(self.args, "access_log", False):
            options.append("--access-log")
        config = render_config(self.env, *options)
        self.nginx = Nginx(self.work / "nginx", config).start(self.base + "/health/")
        return self

    def start_server(self, port):
        self.servers[port] = start_gunicorn(
            port, self.env, workers=self.args.workers, threads=self.args.threads
        )

    def kill_server(self, port):
        """A crash: SIGKILL to the gunicorn master and its workers at once."""
        stop(self.servers.pop(port), signal.SIGKILL)

    def pids(self):
        found = list(self.nginx.pids())
        for server in self.servers.values():
            found += [server.pid, *children(server.pid)]
        return found

    def cpu(self) -> float:
        return cpu_seconds(self.pids())

    def articles(self):
        """(id, Italian path) of the seeded articles."""
        query = "SELECT id, slug FROM posts_post WHERE slug LIKE 'articolo-di-carico%' ORDER BY id"
        if self.database_url:
            with psycopg.connect(self.database_url) as conn:
                rows = conn.execute(query.replace("%", "%%")).fetchall()
        else:
            import sqlite3

            with sqlite3.connect(self.work / "db.sqlite3") as conn:
                rows = conn.execute(query).fetchall()
        return [(pk, f"/articoli/{slug}/") for pk, slug in rows]

    def count(self, table: str) -> int:
        query = f"SELECT count(*) FROM {table}"  # noqa: S608 (our own table names)
        if self.database_url:
            with psycopg.connect(self.database_url) as conn:
                return conn.execute(query).fetchone()[0]
        import sqlite3

        with sqlite3.connect(self.work / "db.sqlite3") as conn:
            return conn.execute(query).fetchone()[0]

    def stop(self):
        if self.nginx is not None:
            self.nginx.stop()
        for server in self.servers.values():
            stop(server)
        shutil.rmtree(self.work, ignore_errors=True)


def wrk_command(url: str, *, seconds: float, connections=16, threads=2, script=None, timeout=2):
    """wrk's command line; a response slower than `timeout` seconds counts as an error."""
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds:.0f}s", "--latency",
               f"--timeout={timeout}s", "-H", "Accept-Encoding: gzip", url]  # fmt: skip
    if script is not None:
        command[1:1] = ["-s", str(script)]
    return command


def wrk(url: str, *, seconds: float, connections=16, threads=2) -> dict:
    """wrk against `url` (gzip accepted, as browsers do): requests, req/s, p99 ms, errors."""
    command = wrk_command(url, seconds=seconds, connections=connections, threads=threads)
    return parse_wrk(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def parse_wrk(output: str) -> dict:
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)] if p99 else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests": requests,
        "rate": rate,
        "p99_ms": float(p99.group(1)) * scale if p99 else float("nan"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def measure(site: Site, url: str, *, seconds: float, connections: int = 16) -> dict:
    """wrk for `seconds` with the server CPU (gunicorn + nginx) per request."""
    before = site.cpu()
    result = wrk(url, seconds=seconds, connections=connections)
    result["cpu_ms"] = (site.cpu() - before) / max(result["requests"], 1) * 1000
    return result
