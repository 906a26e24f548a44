# LoadedContent moves here from the careers app: first take over its table as it is
# (state only), then give the table this app's name.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("careers", "0006_content_foundation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="LoadedContent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(max_length=255, unique=True)),
                        ("object_id", models.PositiveBigIntegerField()),
                        ("loaded_at", models.DateTimeField(auto_now=True)),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "loaded content record",
                        "ordering": ["key"],
                        "db_table": "careers_loadedcontent",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="loadedcontent", table=None),
    ]
