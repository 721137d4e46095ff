"""Run the site locally as production runs it: nginx in front of gunicorn (`make serve`).

    .venv/bin/python deploy/serve.py [--port 8000] [--app-servers 1] [--workers 2]

Migrates, collects the static files and loads the demo content (as `make run` does), then
starts --app-servers gunicorns on the ports after --port, and nginx on --port with the
configuration `manage.py render_nginx_conf --standalone` renders from deploy/nginx.conf:
anonymous pages from nginx's cache (see the X-Cache-Status header), static files and media
from disk. Debug is off, as in production; the secret key is DJANGO_SECRET_KEY or one kept
in .serve-secret-key. Ctrl-C stops everything. nginx's files (cache, logs) are under
/tmp/blog-serve-<port>/.

The helpers here (gunicorn, nginx) are also what tests/test_nginx_front.py and the benches
(bench/burst.py, bench/kill_one_server.py) start their servers with.
"""

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")


def gunicorn_command(port: int, *, workers: int = 2, threads: int = 4) -> list[str]:
    return [
        str(Path(sys.executable).with_name("gunicorn")), "blogsite.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--worker-class", "gthread", "--threads", str(threads), "--log-level", "warning",
    ]  # fmt: skip


def start_gunicorn(port: int, env: dict, *, workers: int = 2, threads: int = 4):
    """Start gunicorn on 127.0.0.1:`port`, in its own process group; wait for /health/."""
    process = subprocess.Popen(
        gunicorn_command(port, workers=workers, threads=threads),
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    wait_for(f"http://127.0.0.1:{port}/health/", process)
    return process


def wait_for(url: str, process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status < 500:
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def stop(process, sig=signal.SIGTERM, timeout: float = 20) -> None:
    """Stop a process started here, and its process group (gunicorn's workers)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class Nginx:
    """nginx in the foreground with a rendered standalone configuration under run_dir."""

    def __init__(self, run_dir: Path, config: str):
        self.run_dir = Path(run_dir)
        self.config_path = self.run_dir / "nginx.conf"
        self.process = None
        shutil.rmtree(self.run_dir / "cache", ignore_errors=True)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(config)

    def _command(self, *extra):
        return [NGINX, "-p", str(self.run_dir), "-c", str(self.config_path),
                "-e", str(self.run_dir / "error.log"), *extra]  # fmt: skip

    def start(self, check_url: str) -> "Nginx":
        subprocess.run(self._command("-t", "-q"), check=True)
        self.process = subprocess.Popen(self._command("-g", "daemon off;"), start_new_session=True)
        wait_for(check_url, self.process, seconds=20)
        return self

    def reload(self, config: str) -> None:
        """Load a new configuration (e.g. other upstreams); the cache stays."""
        self.config_path.write_text(config)
        subprocess.run(self._command("-t", "-q"), check=True)
        self.process.send_signal(signal.SIGHUP)
        time.sleep(0.5)  # the old workers finish; the new ones take the new configuration

    def pids(self) -> list[int]:
        """The master and its workers (for their CPU time, in the benches)."""
        return [self.process.pid, *children(self.process.pid)]

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, signal.SIGQUIT)


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry))
    return found


def render_config(env: dict, *options: str) -> str:
    """`manage.py render_nginx_conf --standalone OPTIONS` under `env` (the servers' settings)."""
    command = [sys.executable, "manage.py", "render_nginx_conf", "--standalone", *options]
    return subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def _secret_key() -> str:
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    kept = ROOT / ".serve-secret-key"
    if not kept.exists():
        kept.write_text(secrets.token_urlsafe(50))
        kept.chmod(0o600)
    return kept.read_text().strip()


def production_like_environment(port: int) -> dict:
    env = dict(os.environ)
    env.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=_secret_key(),
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on this machine
        DJANGO_SECURE_COOKIES="0",
        DJANGO_HSTS_SECONDS="0",
        DJANGO_TRUSTED_PROXY_COUNT="1",  # nginx's X-Forwarded-For gives the reader
    )
    env.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--app-servers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    env = production_like_environment(args.port)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "-v", "0"],
                    ["load_demo"], ["ensure_admin"]):  # fmt: skip
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    ports = [args.port + n for n in range(1, args.app_servers + 1)]
    run_dir = Path(f"/tmp/blog-serve-{args.port}")
    servers, nginx = [], None
    try:
        for port in ports:
            servers.append(start_gunicorn(port, env, workers=args.workers, threads=args.threads))
        options = [f"--upstream=127.0.0.1:{port}" for port in ports]
        options += [
            f"--listen=127.0.0.1:{args.port}",
            f"--run-dir={run_dir}",
            f"--cache-dir={run_dir / 'cache'}",
            f"--static-root={ROOT / 'staticfiles'}",
            f"--media-root={ROOT / 'media'}",
        ]
        nginx = Nginx(run_dir, render_config(env, *options))
        nginx.start(f"http://127.0.0.1:{args.port}/health/")
        print(
            f"Serving on http://127.0.0.1:{args.port}/ (nginx, cache in {run_dir}/cache) in "
            f"front of gunicorn on {', '.join(map(str, ports))}; Ctrl-C stops.",
            flush=True,
        )
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        if nginx is not None:
            nginx.stop()
        for server in servers:
            stop(server)


if __name__ == "__main__":
    main()
