from huggingface_hub import HfApi

from .settings import HUB_REPO, HF_TOKEN


def push(folder):
    api = HfApi(token=HF_TOKEN)
    api.upload_folder(folder_path=folder, repo_id=HUB_REPO, repo_type="model")
