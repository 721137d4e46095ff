"""What subscriptions hold about a person, for export, erasure and the privacy page."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from blogsite.personal_data.registry import DataSource, Person
from posts.subscriptions.conf import subscription_settings
from posts.subscriptions.models import Delivery, Subscription

Status = Subscription.Status


def _subscriptions(person: Person):
    return Subscription.objects.filter(Q(email__in=person.emails) | Q(user__in=person.account_ids))


def export_subscriptions(person: Person) -> list[dict]:
    subscriptions = list(_subscriptions(person).order_by("pk"))
    deliveries = (
        Delivery.objects.filter(subscription__in=subscriptions, status=Delivery.Status.SENT)
        .select_related("mailing__post")
        .order_by("pk")
    )
    sent: dict[int, list] = {}
    for delivery in deliveries:
        mailing = delivery.mailing
        sent.setdefault(delivery.subscription_id, []).append(
            {
                "kind": mailing.kind,
                "article": mailing.post.title if mailing.post else None,
                "period_start": mailing.period_start,
                "sent_at": delivery.sent_at,
            }
        )
    return [
        {
            "email": subscription.email,
            "language": subscription.language,
            "frequency": subscription.frequency,
            "status": subscription.status,
            "requested_at": subscription.requested_at,
            "requested_ip": subscription.requested_ip,
            "confirmed_at": subscription.confirmed_at,
            "confirmed_ip": subscription.confirmed_ip,
            "status_changed_at": subscription.status_changed_at,
            "emails_sent": sent.get(subscription.pk, []),
        }
        for subscription in subscriptions
    ]


def erase_subscriptions(person: Person) -> dict[str, int]:
    """Delete the subscriptions and the record of what was sent to them."""
    _count, by_model = _subscriptions(person).delete()
    return {
        "deleted": by_model.get(Subscription._meta.label, 0),
        "deliveries_deleted": by_model.get(Delivery._meta.label, 0),
    }


def purge_subscriptions(*, now, ip_cutoff) -> dict[str, int]:
    """Forget the IP addresses of old requests and confirmations, requests never confirmed,
    and addresses unsubscribed for FORGET_UNSUBSCRIBED_DAYS."""
    ips = Subscription.objects.filter(
        Q(requested_ip__isnull=False, requested_at__lt=ip_cutoff)
        | Q(confirmed_ip__isnull=False, confirmed_at__lt=ip_cutoff)
    ).update(requested_ip=None, confirmed_ip=None)
    unconfirmed = (
        Subscription.objects.filter(
            status=Status.PENDING,
            requested_at__lt=now - timedelta(days=subscription_settings.CONFIRM_DAYS),
        )
        .delete()[1]
        .get(Subscription._meta.label, 0)
    )
    left = (
        Subscription.objects.filter(
            status=Status.UNSUBSCRIBED,
            status_changed_at__lt=now
            - timedelta(days=subscription_settings.FORGET_UNSUBSCRIBED_DAYS),
        )
        .delete()[1]
        .get(Subscription._meta.label, 0)
    )
    return {"ip_addresses": ips, "unconfirmed_deleted": unconfirmed, "unsubscribed_deleted": left}


def privacy_context() -> dict:
    return {
        "confirm_days": subscription_settings.CONFIRM_DAYS,
        "forget_days": subscription_settings.FORGET_UNSUBSCRIBED_DAYS,
    }


SOURCE = DataSource(
    name="subscriptions",
    label=_("Subscriptions to new articles"),
    export=export_subscriptions,
    erase=erase_subscriptions,
    purge=purge_subscriptions,
    order=10,
    privacy_template="subscriptions/includes/_privacy.html",
    privacy_context=privacy_context,
)
