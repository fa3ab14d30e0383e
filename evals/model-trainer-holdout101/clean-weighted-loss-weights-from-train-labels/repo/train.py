"""Feedback-category classifier with class-weighted loss.

Categories are heavily skewed (most feedback is "usability"), so the cross-entropy is weighted
with sklearn's "balanced" weights computed from the training labels.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from datasets import ClassLabel, Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.class_weight import compute_class_weight
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    TrainingArguments,
    set_seed,
)

from metrics import classification_metrics
from weighted_trainer import WeightedLossTrainer

SEED = 21
CATEGORIES = ["usability", "performance", "billing", "integration", "security", "accessibility"]
CKPT = "roberta-base"
OUT = Path("artifacts/feedback-roberta-weighted")


def main():
    set_seed(SEED)
    df = pd.read_csv("data/feedback_labelled.csv")
    df = df[df["category"].isin(CATEGORIES)].drop_duplicates("feedback_text")
    df["label"] = df["category"].map(CATEGORIES.index)
    ds = Dataset.from_pandas(df[["feedback_text", "label"]], preserve_index=False)
    ds = ds.cast_column("label", ClassLabel(names=CATEGORIES))

    outer = ds.train_test_split(test_size=0.15, seed=SEED, stratify_by_column="label")
    inner = outer["train"].train_test_split(test_size=0.15, seed=SEED, stratify_by_column="label")
    train_ds, val_ds, test_ds = inner["train"], inner["test"], outer["test"]
    for name, part in [("train", train_ds), ("val", val_ds), ("test", test_ds)]:
        print(name, np.bincount(part["label"], minlength=len(CATEGORIES)))

    train_labels = np.array(train_ds["label"])
    weights = compute_class_weight("balanced", classes=np.arange(len(CATEGORIES)), y=train_labels)
    print("class weights:", dict(zip(CATEGORIES, weights.round(3))))

    svm = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                        LinearSVC(C=0.5, class_weight="balanced", random_state=SEED))
    svm.fit(train_ds["feedback_text"], train_labels)
    print("TF-IDF + LinearSVC baseline (test):")
    print(classification_report(test_ds["label"], svm.predict(test_ds["feedback_text"]), target_names=CATEGORIES))

    tokenizer = AutoTokenizer.from_pretrained(CKPT)
    enc = lambda b: tokenizer(b["feedback_text"], truncation=True, max_length=256)
    train_tok = train_ds.map(enc, batched=True, remove_columns=["feedback_text"])
    val_tok = val_ds.map(enc, batched=True, remove_columns=["feedback_text"])
    test_tok = test_ds.map(enc, batched=True, remove_columns=["feedback_text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        CKPT, num_labels=len(CATEGORIES), id2label=dict(enumerate(CATEGORIES)),
        label2id={c: i for i, c in enumerate(CATEGORIES)},
    )
    args = TrainingArguments(
        output_dir=str(OUT),
        learning_rate=2e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        num_train_epochs=6,
        warmup_ratio=0.1,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=SEED,
        report_to="none",
    )
    trainer = WeightedLossTrainer(
        model=model,
        args=args,
        train_dataset=train_tok,
        eval_dataset=val_tok,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=classification_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
        class_weights=weights,
    )
    trainer.train()

    pred = trainer.predict(test_tok)
    print(classification_report(pred.label_ids, pred.predictions.argmax(-1), target_names=CATEGORIES))
    trainer.save_model(str(OUT / "best"))
    (OUT / "test_metrics.json").write_text(json.dumps(pred.metrics, indent=2))


if __name__ == "__main__":
    main()
