"""Forget what is kept only for a while: run it daily (cron, see README).

Every app's registered purge runs (blogsite.personal_data.registry): IP addresses, user
agents and referrers older than PRIVACY_IP_RETENTION_DAYS (90 by default), subscription
requests never confirmed, addresses unsubscribed long enough.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from blogsite.personal_data import registry
from blogsite.personal_data.conf import privacy_settings


class Command(BaseCommand):
    help = "Forget old IP addresses and whatever else the apps keep only for a while."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ip-days",
            type=int,
            default=None,
            help="Forget IP addresses older than this (default: PRIVACY_IP_RETENTION_DAYS).",
        )

    def handle(self, *, ip_days, **options):
        if ip_days is None:
            ip_days = privacy_settings.IP_RETENTION_DAYS
        if ip_days < 0:
            raise CommandError("--ip-days must be 0 or more.")
        now = timezone.now()
        with transaction.atomic():
            done = registry.purge_all(now=now, ip_cutoff=now - timedelta(days=ip_days))
        for name, counts in done.items():
            summary = ", ".join(f"{what}: {count}" for what, count in counts.items())
            self.stdout.write(f"{name}: {summary or 'nothing to forget'}")
        self.stdout.write(f"IP addresses older than {ip_days} days are forgotten.")
