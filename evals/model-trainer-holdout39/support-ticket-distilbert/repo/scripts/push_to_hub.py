"""Upload the best checkpoint to the private org repo on the Hub.

usage: python scripts/push_to_hub.py --config configs/distilbert.yaml
"""
import argparse
from pathlib import Path

import yaml
from huggingface_hub import HfApi

HF_TOKEN = "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"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/distilbert.yaml")
    ap.add_argument("--revision", default="main")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    api = HfApi(token=HF_TOKEN)
    api.create_repo(cfg["hub_repo"], private=True, exist_ok=True)
    api.upload_folder(
        folder_path=str(Path(cfg["output_dir"]) / "best"),
        repo_id=cfg["hub_repo"],
        revision=args.revision,
        commit_message="ticket router: best val checkpoint",
    )
    api.upload_file(
        path_or_fileobj=str(Path(cfg["output_dir"]) / "summary.json"),
        path_in_repo="summary.json",
        repo_id=cfg["hub_repo"],
    )


if __name__ == "__main__":
    main()
