"""Fine-tune DistilBERT to classify on-site search queries into intents for search routing / analytics.

Labels come from the search team's annotation of a sample of queries from the site-search logs.
"""
import argparse

import numpy as np
from datasets import ClassLabel, load_dataset
from sklearn.metrics import classification_report, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

INTENTS = ["product_search", "brand_navigation", "order_status", "returns_help", "store_locator", "other"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/annotated_search_queries.csv")
    ap.add_argument("--model", default="distilbert-base-uncased")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", default="outputs/search-intent-distilbert")
    args = ap.parse_args()
    set_seed(args.seed)

    ds = load_dataset("csv", data_files=args.data)["train"]
    ds = ds.filter(lambda r: r["query"] is not None and len(r["query"].strip()) > 0)
    ds = ds.map(lambda r: {"query": r["query"].strip().lower()})
    ds = ds.cast_column("intent", ClassLabel(names=INTENTS))

    # 70 / 15 / 15, stratified by intent
    split = ds.train_test_split(test_size=0.3, stratify_by_column="intent", seed=args.seed)
    hold = split["test"].train_test_split(test_size=0.5, stratify_by_column="intent", seed=args.seed)
    train_ds, val_ds, test_ds = split["train"], hold["train"], hold["test"]

    tok = AutoTokenizer.from_pretrained(args.model)

    def encode(batch):
        enc = tok(batch["query"], truncation=True, max_length=32)
        enc["labels"] = batch["intent"]
        return enc

    cols = train_ds.column_names
    train_ds, val_ds, test_ds = (d.map(encode, batched=True, remove_columns=cols) for d in (train_ds, val_ds, test_ds))

    model = AutoModelForSequenceClassification.from_pretrained(
        args.model,
        num_labels=len(INTENTS),
        id2label=dict(enumerate(INTENTS)),
        label2id={l: i for i, l in enumerate(INTENTS)},
    )

    def compute_metrics(p):
        preds = np.argmax(p.predictions, axis=-1)
        return {"macro_f1": f1_score(p.label_ids, preds, average="macro"),
                "accuracy": float((preds == p.label_ids).mean())}

    targs = TrainingArguments(
        output_dir=args.out,
        learning_rate=3e-5,
        per_device_train_batch_size=64,
        per_device_eval_batch_size=256,
        num_train_epochs=6,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=args.seed,
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    out = trainer.predict(test_ds)
    preds = out.predictions.argmax(-1)
    print(classification_report(out.label_ids, preds, target_names=INTENTS, digits=3))
    trainer.save_model(f"{args.out}/best")


if __name__ == "__main__":
    main()
