import os
import sys


def load_dotenv(path: str = ".env") -> None:
    """Minimal .env reader so we don't need python-dotenv on the training boxes."""
    if not os.path.exists(path):
        return
    with open(path) as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            os.environ.setdefault(k.strip(), v.strip().strip('"'))


def require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        sys.exit(f"missing environment variable {name} (see .env.example)")
    return value
