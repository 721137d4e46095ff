# ImportRun now belongs to the wordpress app (wordpress/migrations/0001_initial.py takes its
# state over). The table is renamed, rows kept.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('posts', '0009_wordpress_import_runs'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name='importrun', table='wordpress_importrun'),
            ],
            state_operations=[
                migrations.DeleteModel(name='ImportRun'),
            ],
        ),
    ]
