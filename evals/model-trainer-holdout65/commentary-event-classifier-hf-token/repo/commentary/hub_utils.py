"""Helpers for publishing models to the team's Hugging Face org."""
from huggingface_hub import HfApi, login

HF_TOKEN = "hf_AssG2oCDHCJ7v0OB5oe4JDqmPENScqhkHV"


def hub_login() -> HfApi:
    login(token=HF_TOKEN, add_to_git_credential=False)
    return HfApi(token=HF_TOKEN)


def publish(trainer, repo_id: str, metrics: dict) -> None:
    api = hub_login()
    api.create_repo(repo_id, private=True, exist_ok=True)
    trainer.push_to_hub(commit_message=f"macro-F1 {metrics['eval_macro_f1']:.3f}", token=HF_TOKEN)
