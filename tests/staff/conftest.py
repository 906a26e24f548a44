"""Staff users in the groups the staff/0001 data migration creates."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from staff.groups import EDITOR, PUBLISHER, sync_groups


def _member(username, group_name):
    if not Group.objects.filter(name=group_name).exists():
        sync_groups(apps)  # a transactional test's flush removed the migration's rows
    user = get_user_model().objects.create_user(username, password="x-unused-9f3k", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _member("eddie", EDITOR)


@pytest.fixture
def publisher(db):
    return _member("pat", PUBLISHER)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client
