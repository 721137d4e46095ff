# Reactions moved to their own app (posts.reactions, label "reactions"). The tables stay
# where they are (the models keep db_table), so this only changes Django's state; the
# reactions app's 0001 migration takes the models over.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("posts", "0004_reaction_voter_key")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Reaction"),
                migrations.DeleteModel(name="ReactionKind"),
            ],
            database_operations=[],
        )
    ]
