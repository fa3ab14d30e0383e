"""Credentials come from the environment (set by the job scheduler / .env, never committed)."""
import os


def hf_token():
    token = os.environ.get("HF_TOKEN")
    if token is None:
        raise RuntimeError("HF_TOKEN is not set; export it or run `huggingface-cli login`")
    return token


def configure_wandb(project: str):
    if "WANDB_API_KEY" not in os.environ:
        os.environ["WANDB_MODE"] = "offline"
    os.environ.setdefault("WANDB_PROJECT", project)
