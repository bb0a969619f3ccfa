"""Security review, as tests: production settings pass `check --deploy`,
DEBUG is off by default, no login views, no internal text in errors."""
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), **env}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True)


def test_check_deploy_is_clean_for_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", EVENTSITE_ENV="prod",
                    DJANGO_SECRET_KEY="x" * 40 + "-Prod-Only-Secret-1234567890abcdef", DJANGO_ALLOWED_HOSTS="api.example.org",
                    EVENTSITE_STATE_DIR=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", EVENTSITE_ENV="prod", EVENTSITE_STATE_DIR=str(tmp_path))
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_debug_is_off_unless_set():
    assert settings.DEBUG is False


def test_no_browsable_api_login_views(anon):
    assert anon.get("/api-auth/login/").status_code == 404


def test_keys_are_compared_in_constant_time():
    import inspect

    from eventsite.api import keys

    assert "hmac.compare_digest" in inspect.getsource(keys.principal_for)
