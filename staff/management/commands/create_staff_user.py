"""`manage.py create_staff_user NAME --group editor|publisher`: a staff account in a group."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from staff.groups import EDITOR, PUBLISHER

GROUPS = {"editor": EDITOR, "publisher": PUBLISHER}


class Command(BaseCommand):
    help = "Create a staff user (or add an existing one) in the Editor or Publisher group."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--group", choices=sorted(GROUPS), required=True)
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting.",
        )

    def handle(self, *args, username, group, email, password_env, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = self._password(password_env)
            user = User(username=username, email=email, is_staff=True)
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            user.set_password(password)
            user.save()
            self.stdout.write(f"Created staff user {username}.")
        elif not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        try:
            user.groups.add(Group.objects.get(name=GROUPS[group]))
        except Group.DoesNotExist as error:
            raise CommandError("The staff groups are missing: run `manage.py migrate`.") from error
        self.stdout.write(f"{username} is in the {GROUPS[group]} group.")

    def _password(self, password_env):
        if password_env:
            password = os.environ.get(password_env, "")
            if not password:
                raise CommandError(f"The environment variable {password_env} is empty.")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The passwords did not match.")
        return password
