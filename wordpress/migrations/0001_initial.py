# The WordPress import runs, moved from posts (posts/migrations/0010): the table is the one
# posts created and renamed; only the state is created here.

import django.db.models.deletion
import posts.languages
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the permissions the Editors group holds on import runs: same rows, new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="wordpress", model="importrun").exists():
        ContentType.objects.filter(app_label="posts", model="importrun").update(
            app_label="wordpress"
        )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('posts', '0010_importrun_moves_to_wordpress'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ImportRun',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(help_text="The .xml file written by WordPress's Tools → Export.", upload_to='wordpress-imports/%Y/%m/', verbose_name='WordPress export')),
                        ('language', models.CharField(blank=True, choices=posts.languages.language_choices, help_text='Empty: the language the file declares (Italian when it declares none).', max_length=7, verbose_name='language')),
                        ('dry_run', models.BooleanField(default=False, help_text='Only report what would happen.', verbose_name='dry run')),
                        ('train_spam', models.BooleanField(default=False, help_text='Teach the spam filter from the imported approved and spam comments.', verbose_name='train the spam filter')),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                        ('items_done', models.PositiveIntegerField(default=0, verbose_name='items done')),
                        ('items_total', models.PositiveIntegerField(default=0, verbose_name='items in the file')),
                        ('report', models.JSONField(blank=True, default=dict, verbose_name='report')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished')),
                        ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                    ],
                    options={
                        'verbose_name': 'WordPress import',
                        'verbose_name_plural': 'WordPress imports',
                        'ordering': ['-created_at', '-pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['queued', 'running', 'done', 'failed'])), name='importrun_status_valid')],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
