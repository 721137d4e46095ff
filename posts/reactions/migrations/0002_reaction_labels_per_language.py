# Reaction kinds' labels move from two columns (label_it, label_en) to one row per
# language, so a third language is data, not a schema change. The labels are copied over
# before the columns go.

import django.db.models.deletion
import posts.reactions.models
from django.db import migrations, models


def copy_labels(apps, schema_editor):
    ReactionKind = apps.get_model("reactions", "ReactionKind")
    ReactionKindLabel = apps.get_model("reactions", "ReactionKindLabel")
    rows = []
    for kind in ReactionKind.objects.all():
        for language, label in (("it", kind.label_it), ("en", kind.label_en)):
            if label:
                rows.append(ReactionKindLabel(kind=kind, language=language, label=label))
    ReactionKindLabel.objects.bulk_create(rows)


def restore_columns(apps, schema_editor):
    ReactionKind = apps.get_model("reactions", "ReactionKind")
    for kind in ReactionKind.objects.prefetch_related("labels"):
        labels = {row.language: row.label for row in kind.labels.all()}
        kind.label_it = labels.get("it") or labels.get("en") or kind.code
        kind.label_en = labels.get("en", "")
        kind.save(update_fields=["label_it", "label_en"])


class Migration(migrations.Migration):

    dependencies = [
        ('reactions', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReactionKindLabel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(help_text='A language code of the site: it, en.', max_length=7, validators=[posts.reactions.models.validate_site_language], verbose_name='language')),
                ('label', models.CharField(max_length=60, verbose_name='label')),
                ('kind', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='labels', to='reactions.reactionkind', verbose_name='kind')),
            ],
            options={
                'verbose_name': 'label',
                'verbose_name_plural': 'labels',
                'ordering': ['kind', 'language'],
                'constraints': [models.UniqueConstraint(fields=('kind', 'language'), name='one_reaction_label_per_language')],
            },
        ),
        migrations.RunPython(copy_labels, restore_columns),
        # A default first, so that undoing this migration can re-add the columns to a
        # table that has rows (restore_columns then fills them).
        migrations.AlterField(
            model_name='reactionkind',
            name='label_en',
            field=models.CharField(default='', max_length=60, verbose_name='label (English)'),
        ),
        migrations.AlterField(
            model_name='reactionkind',
            name='label_it',
            field=models.CharField(default='', max_length=60, verbose_name='label (Italian)'),
        ),
        migrations.RemoveField(
            model_name='reactionkind',
            name='label_en',
        ),
        migrations.RemoveField(
            model_name='reactionkind',
            name='label_it',
        ),
    ]
