import os

from dotenv import load_dotenv


def require_env(name: str) -> str:
    load_dotenv()
    value = os.environ.get(name, "").strip()
    if not value:
        raise RuntimeError(f"{name} is not set; copy .env.example to .env and fill it in")
    return value


def configure_tracking() -> None:
    require_env("WANDB_API_KEY")  # wandb reads it from the environment itself
    os.environ.setdefault("WANDB_PROJECT", "ticket-router")
