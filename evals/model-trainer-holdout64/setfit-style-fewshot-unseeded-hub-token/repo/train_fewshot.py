"""Few-shot intent classifier, SetFit recipe written out by hand.

1. sample k labelled messages per intent
2. contrastively fine-tune a sentence-transformer body on generated pairs
3. fit a logistic-regression head on the fine-tuned embeddings
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from huggingface_hub import HfApi
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

from fewshot.body import finetune_body
from fewshot.sampling import generate_pairs, sample_few_shot


def fit_and_score(encoder, train_texts, train_labels, test_texts, test_labels, head_cfg):
    head = LogisticRegression(C=head_cfg["C"], max_iter=head_cfg["max_iter"])
    head.fit(encoder.encode(train_texts, normalize_embeddings=True), train_labels)
    pred = head.predict(encoder.encode(test_texts, normalize_embeddings=True))
    return head, {
        "accuracy": accuracy_score(test_labels, pred),
        "macro_f1": f1_score(test_labels, pred, average="macro"),
    }


def main(cfg):
    dcfg = cfg["data"]
    df = pd.read_csv(dcfg["path"]).rename(columns={dcfg["text_col"]: "text", dcfg["label_col"]: "label"})
    df = df.dropna(subset=["text", "label"]).drop_duplicates(subset="text")

    pool, test = train_test_split(df, test_size=dcfg["test_size"], stratify=df["label"])
    shots = sample_few_shot(pool, "label", cfg["fewshot"]["shots_per_class"])
    print(f"{len(shots)} few-shot examples, {len(test)} test messages")

    texts, labels = shots["text"].tolist(), shots["label"].tolist()
    test_texts, test_labels = test["text"].tolist(), test["label"].tolist()

    frozen = SentenceTransformer(cfg["body"]["base_model"])
    _, frozen_scores = fit_and_score(frozen, texts, labels, test_texts, test_labels, cfg["head"])
    print("frozen body + LR:", frozen_scores)

    pairs = generate_pairs(texts, labels, cfg["fewshot"]["pairs_per_example"])
    bcfg = cfg["body"]
    out = Path(cfg["output_dir"])
    body = finetune_body(
        bcfg["base_model"], pairs, bcfg["epochs"], bcfg["batch_size"], bcfg["lr"], bcfg["warmup_ratio"],
        output_path=str(out / "body"),
    )
    head, scores = fit_and_score(body, texts, labels, test_texts, test_labels, cfg["head"])
    print("fine-tuned body + LR:", scores)

    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(head, out / "head.joblib")
    (out / "metrics.json").write_text(json.dumps({"frozen": frozen_scores, "setfit": scores}, indent=2))

    hub = cfg["hub"]
    api = HfApi(token=hub["token"])
    api.create_repo(hub["repo_id"], private=hub["private"], exist_ok=True)
    api.upload_folder(folder_path=str(out), repo_id=hub["repo_id"])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
