"""Print the nginx configuration in front of the app servers (deploy/nginx.conf, filled in)."""

from django.core.management.base import BaseCommand

from blogsite.nginxconf import FrontOptions, render


class Command(BaseCommand):
    help = (
        "Print deploy/nginx.conf filled in from the settings (the cookies that make a page "
        "personal, the tracking parameters) and these options: a server block to include in "
        "nginx's http {}, or with --standalone a whole nginx.conf."
    )

    def add_arguments(self, parser):
        defaults = FrontOptions()
        parser.add_argument(
            "--upstream", action="append", dest="upstreams", metavar="HOST:PORT",
            help="an app server (gunicorn); repeat for each (default 127.0.0.1:8000)",
        )  # fmt: skip
        parser.add_argument("--listen", default=defaults.listen, help='e.g. "443 ssl"')
        parser.add_argument("--server-name", default=defaults.server_name)
        parser.add_argument("--cache-dir", default=defaults.cache_dir)
        parser.add_argument("--cache-max-size", default=defaults.cache_max_size)
        parser.add_argument("--static-root", default="", help="serve STATIC_ROOT from nginx")
        parser.add_argument("--media-root", default="", help="serve MEDIA_ROOT from nginx")
        parser.add_argument("--tls-certificate", default="")
        parser.add_argument("--tls-certificate-key", default="")
        parser.add_argument("--standalone", action="store_true")
        parser.add_argument("--run-dir", default="/tmp/blog-nginx", help="with --standalone")
        parser.add_argument("--worker-processes", default="auto", help="with --standalone")
        parser.add_argument(
            "--access-log", action="store_true", help="with --standalone: RUN_DIR/access.log"
        )

    def handle(self, *args, **options):
        front = FrontOptions(
            upstreams=options["upstreams"] or ["127.0.0.1:8000"],
            listen=options["listen"],
            server_name=options["server_name"],
            cache_dir=options["cache_dir"],
            cache_max_size=options["cache_max_size"],
            static_root=options["static_root"],
            media_root=options["media_root"],
            tls_certificate=options["tls_certificate"],
            tls_certificate_key=options["tls_certificate_key"],
            standalone=options["standalone"],
            run_dir=options["run_dir"],
            worker_processes=options["worker_processes"],
            access_log=options["access_log"],
        )
        self.stdout.write(render(front), ending="")
