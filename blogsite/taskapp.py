"""django-tasks' database backend, installed under a name our catalogue translates."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class TasksDatabaseConfig(TasksAppConfig):
    # Its own name is a plain English string ("Tasks Database Backend") on the admin index.
    verbose_name = _("Background tasks")
