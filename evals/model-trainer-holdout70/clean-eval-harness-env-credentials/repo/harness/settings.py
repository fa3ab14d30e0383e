"""Credentials and endpoints, read from the environment (see .env.example)."""
import os
from dataclasses import dataclass


class MissingCredential(RuntimeError):
    pass


def _require(name):
    value = os.environ.get(name)
    if not value:
        raise MissingCredential(f"{name} is not set; copy .env.example to .env and export it")
    return value


@dataclass(frozen=True)
class Settings:
    hf_token: str
    wandb_api_key: str
    openai_api_key: str
    results_repo: str

    @classmethod
    def from_env(cls):
        return cls(
            hf_token=_require("HF_TOKEN"),
            wandb_api_key=_require("WANDB_API_KEY"),
            openai_api_key=_require("OPENAI_API_KEY"),
            results_repo=os.environ.get("EVAL_RESULTS_REPO", "acme-ml/eval-results"),
        )
