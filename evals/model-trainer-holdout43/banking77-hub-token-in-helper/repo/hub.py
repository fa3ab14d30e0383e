"""Helpers for publishing fine-tuned checkpoints to the team org on the Hub."""
from huggingface_hub import HfApi, ModelCard, ModelCardData

HF_ORG = "acme-nlp"
HF_TOKEN = "hf_raUJUYJPAClVOkb3HdJ4gEJYTzOyp6GB5K"


def build_card(repo_id, base_model, metrics, dataset_name):
    card_data = ModelCardData(
        language="en",
        license="apache-2.0",
        library_name="transformers",
        base_model=base_model,
        datasets=[dataset_name],
        tags=["text-classification", "intent-detection"],
    )
    rows = "\n".join(f"| {name} | {value:.4f} |" for name, value in metrics.items())
    content = (
        f"---\n{card_data.to_yaml()}\n---\n"
        f"# {repo_id}\n\n"
        f"Intent classifier fine-tuned from `{base_model}` on `{dataset_name}`.\n\n"
        "| metric | value |\n|---|---|\n"
        f"{rows}\n"
    )
    return ModelCard(content)


def publish(local_dir, repo_name, base_model, metrics, dataset_name, private=True):
    api = HfApi(token=HF_TOKEN)
    repo_id = f"{HF_ORG}/{repo_name}"
    api.create_repo(repo_id, private=private, exist_ok=True)
    api.upload_folder(
        folder_path=str(local_dir),
        repo_id=repo_id,
        commit_message="Upload fine-tuned checkpoint",
        ignore_patterns=["checkpoint-*", "*.pt"],
    )
    build_card(repo_id, base_model, metrics, dataset_name).push_to_hub(repo_id, token=HF_TOKEN)
    return f"https://huggingface.co/{repo_id}"
