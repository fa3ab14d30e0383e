"""Grade free-text scouting reports as sign / monitor / pass with a fine-tuned DeBERTa.

Reports about the same player are kept in one split (several scouts often file on the same player).
"""
import os

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

SEED = 1312
GRADES = ["pass", "monitor", "sign"]
CHECKPOINT = "microsoft/deberta-v3-small"
HF_TOKEN = os.environ.get("HF_TOKEN")


def grouped_split(df: pd.DataFrame, n_splits: int, seed: int):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    rest, held = next(sgkf.split(df, df["label"], groups=df["player_id"]))
    return df.iloc[rest].reset_index(drop=True), df.iloc[held].reset_index(drop=True)


def metrics(eval_pred):
    logits, labels = eval_pred
    pred = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, pred), "macro_f1": f1_score(labels, pred, average="macro")}


def main() -> None:
    set_seed(SEED)
    reports = pd.read_json("data/scouting_reports.jsonl", lines=True)
    reports = reports[reports["grade"].isin(GRADES)].dropna(subset=["text"])
    reports["label"] = reports["grade"].map({g: i for i, g in enumerate(GRADES)})

    dev, test = grouped_split(reports, n_splits=6, seed=SEED)
    train, valid = grouped_split(dev, n_splits=6, seed=SEED)
    print({k: len(v) for k, v in {"train": train, "valid": valid, "test": test}.items()})

    for name, base in [("majority", DummyClassifier(strategy="most_frequent")),
                       ("tfidf+lr", make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2),
                                                  LogisticRegression(max_iter=3000, class_weight="balanced")))]:
        pred = base.fit(train["text"], train["label"]).predict(test["text"])
        print(f"{name:>9}: acc={accuracy_score(test['label'], pred):.3f} macro-F1={f1_score(test['label'], pred, average='macro'):.3f}")

    tok = AutoTokenizer.from_pretrained(CHECKPOINT, token=HF_TOKEN)
    to_ds = lambda d: Dataset.from_pandas(d[["text", "label"]]).map(
        lambda b: tok(b["text"], truncation=True, max_length=384), batched=True
    )
    model = AutoModelForSequenceClassification.from_pretrained(CHECKPOINT, num_labels=len(GRADES), token=HF_TOKEN)

    args = TrainingArguments(
        output_dir="runs/report-grades",
        learning_rate=2e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        num_train_epochs=8,
        weight_decay=0.01,
        warmup_ratio=0.1,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=1,
        seed=SEED,
        report_to="none",
        push_to_hub=HF_TOKEN is not None,
        hub_model_id="club-recruitment/report-grades-deberta",
        hub_private_repo=True,
        hub_token=HF_TOKEN,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=to_ds(train),
        eval_dataset=to_ds(valid),
        tokenizer=tok,
        compute_metrics=metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    out = trainer.predict(to_ds(test))
    pred = np.argmax(out.predictions, axis=-1)
    print(classification_report(test["label"], pred, target_names=GRADES, digits=3))
    if HF_TOKEN:
        trainer.push_to_hub(commit_message="report grades v1")


if __name__ == "__main__":
    main()
