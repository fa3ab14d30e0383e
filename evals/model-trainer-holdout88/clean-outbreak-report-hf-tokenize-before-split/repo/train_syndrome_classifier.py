"""Classify event-based surveillance reports (news / ProMED-style posts) into syndrome groups.

Labels: respiratory, diarrhoeal, haemorrhagic_fever, vector_borne, neurological, other.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

SEED = 17
MODEL_NAME = "xlm-roberta-base"
MAX_LEN = 384
OUT = Path("outputs/syndrome_xlmr")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(axis=-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main():
    set_seed(SEED)
    df = pd.read_json("data/ebs_reports_labelled.jsonl", lines=True)
    df = df.dropna(subset=["text", "syndrome"]).drop_duplicates(subset=["text"])
    df["text"] = (df["title"].fillna("") + ". " + df["text"]).str.slice(0, 6000)

    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    ds = Dataset.from_pandas(df[["text", "syndrome"]].rename(columns={"syndrome": "label"}), preserve_index=False)
    ds = ds.class_encode_column("label")
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=MAX_LEN), batched=True)
    label_names = ds.features["label"].names

    first = ds.train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
    second = first["train"].train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
    train_ds, val_ds, test_ds = second["train"], second["test"], first["test"]
    print(f"train={len(train_ds)} val={len(val_ds)} test={len(test_ds)}")

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=100_000, sublinear_tf=True)
    Xtr = tfidf.fit_transform(train_ds["text"])
    logreg = LogisticRegression(max_iter=3000, C=4.0, class_weight="balanced").fit(Xtr, train_ds["label"])
    base_pred = logreg.predict(tfidf.transform(test_ds["text"]))

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME,
        num_labels=len(label_names),
        id2label=dict(enumerate(label_names)),
        label2id={n: i for i, n in enumerate(label_names)},
    )
    args = TrainingArguments(
        output_dir=str(OUT),
        learning_rate=2e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=32,
        num_train_epochs=8,
        weight_decay=0.01,
        warmup_ratio=0.06,
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds.remove_columns(["text"]),
        eval_dataset=val_ds.remove_columns(["text"]),
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    trainer.save_model(str(OUT / "best"))

    logits = trainer.predict(test_ds.remove_columns(["text"])).predictions
    y_test = np.array(test_ds["label"])
    xlmr_pred = logits.argmax(axis=-1)
    results = {
        "tfidf_logreg": compute_metrics((np.eye(len(label_names))[base_pred], y_test)),
        "xlm_roberta": compute_metrics((logits, y_test)),
    }
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, xlmr_pred, target_names=label_names, digits=3))
    (OUT / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
