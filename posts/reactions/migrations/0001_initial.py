# The reaction models, taken over from the posts app (posts 0005 dropped them from its
# state). The tables already exist: only Django's state changes, plus the content types, so
# permissions granted on reactions (the Editors group's) follow the models.

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def relabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("reactionkind", "reaction"):
        if not ContentType.objects.filter(app_label="reactions", model=model).exists():
            ContentType.objects.filter(app_label="posts", model=model).update(
                app_label="reactions"
            )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(
        app_label="reactions", model__in=["reactionkind", "reaction"]
    ).update(app_label="posts")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('posts', '0005_reactions_move_to_their_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(database_operations=[], state_operations=[
        migrations.CreateModel(
            name='ReactionKind',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=30, unique=True, verbose_name='code')),
                ('label_it', models.CharField(max_length=60, verbose_name='label (Italian)')),
                ('label_en', models.CharField(max_length=60, verbose_name='label (English)')),
                ('emoji', models.CharField(blank=True, max_length=16, verbose_name='emoji')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('active', models.BooleanField(default=True, verbose_name='active')),
            ],
            options={
                'verbose_name': 'reaction kind',
                'verbose_name_plural': 'reaction kinds',
                'db_table': 'posts_reactionkind',
                'ordering': ['position', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Reaction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('voter', models.CharField(max_length=80, validators=[django.core.validators.RegexValidator('^(u:[0-9]+|a:[0-9a-f]{64})\\Z', 'Enter a valid voter key.')], verbose_name='voter')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reactions', to='posts.post', verbose_name='article')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reactions', to=settings.AUTH_USER_MODEL, verbose_name='user')),
                ('kind', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reactions', to='reactions.reactionkind', verbose_name='kind')),
            ],
            options={
                'verbose_name': 'reaction',
                'verbose_name_plural': 'reactions',
                'db_table': 'posts_reaction',
                'ordering': ['-created_at'],
                'indexes': [models.Index(fields=['post', 'kind'], name='posts_react_post_id_cefab5_idx')],
                'constraints': [models.UniqueConstraint(fields=('post', 'voter'), name='one_reaction_per_voter')],
            },
        ),
    ]),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
