"""Contract clause-type classifier (LegalBERT) trained from the annotated clause CSV and pushed to the Hub."""
import argparse
import os

import numpy as np
from datasets import ClassLabel, load_dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

BASE = "nlpaueb/legal-bert-base-uncased"


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="data/clauses_annotated.csv")
    p.add_argument("--hub-repo", default="lexops/clause-type-legalbert")
    p.add_argument("--seed", type=int, default=101)
    p.add_argument("--push", action="store_true")
    return p.parse_args()


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "weighted_f1": f1_score(labels, preds, average="weighted"),
    }


def main():
    args = parse_args()
    set_seed(args.seed)
    hf_token = os.environ.get("HF_TOKEN")
    os.environ.setdefault("WANDB_PROJECT", "clause-types")

    raw = load_dataset("csv", data_files=args.csv, split="train")
    clause_types = sorted(set(raw["clause_type"]))
    raw = raw.cast_column("clause_type", ClassLabel(names=clause_types)).rename_column("clause_type", "label")

    tokenizer = AutoTokenizer.from_pretrained(BASE)
    encoded = raw.map(lambda b: tokenizer(b["clause_text"], truncation=True, max_length=256), batched=True)

    first = encoded.train_test_split(test_size=0.15, seed=args.seed, stratify_by_column="label")
    second = first["train"].train_test_split(test_size=0.1, seed=args.seed, stratify_by_column="label")
    train_ds, val_ds, test_ds = second["train"], second["test"], first["test"]

    svm_vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    svm = LinearSVC(C=0.5, random_state=args.seed).fit(svm_vec.fit_transform(train_ds["clause_text"]), train_ds["label"])
    svm_pred = svm.predict(svm_vec.transform(test_ds["clause_text"]))
    print("tfidf+svm test macro-F1", f1_score(test_ds["label"], svm_pred, average="macro"),
          "acc", accuracy_score(test_ds["label"], svm_pred))

    model = AutoModelForSequenceClassification.from_pretrained(
        BASE, num_labels=len(clause_types),
        id2label=dict(enumerate(clause_types)), label2id={c: i for i, c in enumerate(clause_types)},
    )
    training_args = TrainingArguments(
        output_dir="runs/clause-legalbert",
        eval_strategy="epoch",
        save_strategy="epoch",
        learning_rate=3e-5,
        num_train_epochs=6,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=64,
        warmup_ratio=0.1,
        weight_decay=0.01,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=args.seed,
        report_to="wandb" if os.environ.get("WANDB_API_KEY") else "none",
        push_to_hub=args.push,
        hub_model_id=args.hub_repo,
        hub_token=hf_token,
        hub_private_repo=True,
    )
    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    test_metrics = trainer.evaluate(test_ds, metric_key_prefix="test")
    print(test_metrics)
    trainer.save_model("runs/clause-legalbert/best")
    if args.push:
        if not hf_token:
            raise SystemExit("HF_TOKEN is not set; refusing to push")
        trainer.push_to_hub(commit_message=f"test macro-F1 {test_metrics['test_macro_f1']:.4f}")


if __name__ == "__main__":
    main()
