"""create_staff_user and seed_demo."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from employers.models import Employer
from staff.groups import EDITOR, PUBLISHER
from trainings.models import Training

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_create_staff_user_makes_a_staff_editor_with_the_password_from_the_environment(
    monkeypatch, capsys
):
    monkeypatch.setenv("NEW_STAFF_PASSWORD", "a long and unusual passphrase 42")
    call_command(
        "create_staff_user", "robin", "--group", "editor", "--password-env", "NEW_STAFF_PASSWORD"
    )
    user = User.objects.get(username="robin")
    assert user.is_staff and not user.is_superuser
    assert user.check_password("a long and unusual passphrase 42")
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR]
    assert user.has_perm("trainings.change_training")
    assert not user.has_perm("trainings.publish_training")
    assert "robin is in the Editor group." in capsys.readouterr().out


def test_create_staff_user_adds_an_existing_user_to_a_group(capsys):
    User.objects.create_user("sam", password="whatever-long-1")
    call_command("create_staff_user", "sam", "--group", "publisher")
    user = User.objects.get(username="sam")
    assert user.is_staff
    assert user.has_perm("trainings.publish_training")
    assert user.has_perm("employers.delete_employer")
    assert PUBLISHER in user.groups.values_list("name", flat=True)


def test_create_staff_user_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("NEW_STAFF_PASSWORD", "password")
    with pytest.raises(CommandError, match="too common"):
        call_command(
            "create_staff_user", "weak", "--group", "editor", "--password-env", "NEW_STAFF_PASSWORD"
        )
    assert not User.objects.filter(username="weak").exists()


def test_create_staff_user_refuses_an_empty_password_variable(monkeypatch):
    monkeypatch.setenv("NEW_STAFF_PASSWORD", "")
    with pytest.raises(CommandError, match="is empty"):
        call_command(
            "create_staff_user", "x", "--group", "editor", "--password-env", "NEW_STAFF_PASSWORD"
        )


def test_create_staff_user_refuses_an_unknown_group():
    with pytest.raises(CommandError):
        call_command("create_staff_user", "x", "--group", "admin")


def test_seed_demo_creates_published_trainings_and_employers(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo", "--trainings", "12", "--employers", "5")
    assert Training.objects.published().count() == 12
    assert Employer.objects.published().count() == 5
    assert "Seeded 12 trainings and 5 employers." in capsys.readouterr().out


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=True"):
        call_command("seed_demo", "--trainings", "3")
    assert Training.objects.count() == 0


def test_seed_demo_refuses_negative_counts(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="zero or more"):
        call_command("seed_demo", "--employers", "-1")
