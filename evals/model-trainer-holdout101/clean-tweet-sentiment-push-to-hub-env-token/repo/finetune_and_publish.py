"""Fine-tune a Twitter RoBERTa on TweetEval sentiment and publish it if it clears the quality bar.

HF_TOKEN must be set in the environment (CI injects it from the repository secrets).
"""
import json
import os
import sys
import tomllib

import numpy as np
from datasets import load_dataset
from huggingface_hub import HfApi
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, recall_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)


def summarize(y_true, y_pred):
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
        "macro_recall": recall_score(y_true, y_pred, average="macro"),
    }


def main(cfg_path="train_config.toml"):
    with open(cfg_path, "rb") as fh:
        cfg = tomllib.load(fh)
    hf_token = os.environ.get("HF_TOKEN")
    if not hf_token:
        sys.exit("HF_TOKEN is not set")

    seed = cfg["training"]["seed"]
    set_seed(seed)
    ds = load_dataset(cfg["data"]["dataset"], cfg["data"]["subset"])
    names = ds["train"].features["label"].names

    y_tr, y_te = ds["train"]["label"], ds["test"]["label"]
    majority = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_tr), 1)), y_tr)
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2)
    lr = LogisticRegression(max_iter=3000, random_state=seed).fit(vec.fit_transform(ds["train"]["text"]), y_tr)
    baselines = {
        "majority": summarize(y_te, majority.predict(np.zeros((len(y_te), 1)))),
        "tfidf_lr": summarize(y_te, lr.predict(vec.transform(ds["test"]["text"]))),
    }

    ckpt = cfg["model"]["checkpoint"]
    tokenizer = AutoTokenizer.from_pretrained(ckpt)
    encoded = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=cfg["model"]["max_length"]),
                     batched=True, remove_columns=["text"])
    model = AutoModelForSequenceClassification.from_pretrained(
        ckpt, num_labels=len(names), id2label=dict(enumerate(names)), label2id={n: i for i, n in enumerate(names)}
    )

    t = cfg["training"]
    args = TrainingArguments(
        output_dir=t["output_dir"],
        learning_rate=t["learning_rate"],
        per_device_train_batch_size=t["batch_size"],
        per_device_eval_batch_size=t["batch_size"] * 2,
        num_train_epochs=t["epochs"],
        weight_decay=t["weight_decay"],
        warmup_ratio=t["warmup_ratio"],
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_recall",
        save_total_limit=2,
        seed=seed,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=encoded["train"],
        eval_dataset=encoded["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=lambda p: summarize(p.label_ids, p.predictions.argmax(-1)),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=t["patience"])],
    )
    trainer.train()

    test_pred = trainer.predict(encoded["test"])
    results = {"model": summarize(test_pred.label_ids, test_pred.predictions.argmax(-1)), **baselines}
    print(json.dumps(results, indent=2))
    trainer.save_model(t["output_dir"] + "/best")

    hub = cfg["hub"]
    if results["model"]["macro_recall"] < hub["min_macro_recall"]:
        sys.exit("below the publishing bar, not pushing")
    api = HfApi(token=hf_token)
    api.create_repo(hub["repo_id"], private=hub["private"], exist_ok=True)
    model.push_to_hub(hub["repo_id"], token=hf_token, commit_message="tweet_eval sentiment fine-tune")
    tokenizer.push_to_hub(hub["repo_id"], token=hf_token)
    api.upload_file(path_or_fileobj=json.dumps(results, indent=2).encode(), path_in_repo="eval_results.json",
                    repo_id=hub["repo_id"], commit_message="add test metrics")


if __name__ == "__main__":
    main(*sys.argv[1:])
