"""A local HTTP server speaking Akismet's REST protocol, for tests (the only fake we allow).

Answers as the real service documents: verify-key "valid"/"invalid"; comment-check
"true"/"false", "invalid" with X-akismet-debug-help for a bad key or missing blog,
X-akismet-pro-tip: discard for blatant spam; submit-spam/submit-ham "Thanks for making the
web a better place.". `mode` switches on the failures: "error" (HTTP 500), "slow" (answers
after `delay` seconds), "garbage" (an HTML page instead of an answer); `hold_next` keeps the
next comment-check waiting until the test sets `release`.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

VALID_KEY = "0123456789ab"
SPAM_AUTHOR = "viagra-test-123"  # Akismet's documented always-spam author
SPAM_EMAIL = "akismet-guaranteed-spam@example.com"
DISCARD_MARKER = "blatant-spam-discard"
THANKS = "Thanks for making the web a better place."


class AkismetHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        endpoint = self.path.rstrip("/").rsplit("/", 1)[-1]
        server = self.server
        server.requests.append((endpoint, form, dict(self.headers)))
        if server.on_request is not None:
            server.on_request(endpoint)
        if server.mode == "error":
            return self._answer("Internal Server Error", status=500)
        if server.mode == "slow":
            time.sleep(server.delay)
        if endpoint == "comment-check" and server.hold_next.is_set():
            # Keep this one request waiting until the test releases it (a slow Akismet whose
            # moment of answering the test controls).
            server.hold_next.clear()
            server.holding.set()
            server.release.wait(10)
        if server.mode == "garbage":
            return self._answer("<html><body>502 Bad Gateway</body></html>")
        if endpoint == "verify-key":
            valid = form.get("key") == VALID_KEY and form.get("blog", "").startswith("http")
            return self._answer("valid" if valid else "invalid")
        if endpoint not in ("comment-check", "submit-spam", "submit-ham"):
            return self._answer("Not Found", status=404)
        if form.get("api_key") != VALID_KEY:
            return self._answer("invalid", {"X-akismet-debug-help": "Invalid API key."})
        if not form.get("blog"):
            return self._answer("invalid", {"X-akismet-debug-help": 'Empty "blog" value'})
        if endpoint != "comment-check":
            return self._answer(THANKS)
        if DISCARD_MARKER in form.get("comment_content", ""):
            return self._answer("true", {"X-akismet-pro-tip": "discard"})
        is_spam = (
            form.get("comment_author") == SPAM_AUTHOR
            or form.get("comment_author_email") == SPAM_EMAIL
        )
        return self._answer("true" if is_spam else "false")

    def _answer(self, text, headers=None, status=200):
        body = text.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-akismet-guid", "0f1e2d3c4b5a")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the "slow" case)


class AkismetServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), AkismetHandler)
        self.requests = []
        self.mode = "normal"
        self.delay = 2.0
        self.hold_next = threading.Event()  # set: the next comment-check waits for `release`
        self.holding = threading.Event()  # set by the server once that request is waiting
        self.release = threading.Event()
        self.on_request = None  # called with the endpoint as each request arrives
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()

    def calls(self, endpoint):
        return [form for name, form, _ in self.requests if name == endpoint]
