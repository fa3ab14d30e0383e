"""DistilBERT on the 'emotion' dataset (Saravia et al., 2018): six-way classification.

Logged to Weights & Biases under the group's project; the key is read from WANDB_API_KEY.
"""
import argparse
import json
import os

import wandb
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from baseline import tfidf_logreg


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = logits.argmax(-1)
    return {"accuracy": accuracy_score(labels, preds), "macro_f1": f1_score(labels, preds, average="macro")}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="distilbert-base-uncased")
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--output-dir", default="checkpoints/emotion-distilbert")
    parser.add_argument("--wandb-project", default="thesis-emotion")
    args = parser.parse_args()

    set_seed(args.seed)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    wandb.init(project=args.wandb_project, name=f"distilbert-seed{args.seed}", config=vars(args))

    ds = load_dataset("dair-ai/emotion")
    tok = AutoTokenizer.from_pretrained(args.model)
    enc = ds.map(lambda b: tok(b["text"], truncation=True, max_length=96), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=6)
    targs = TrainingArguments(
        output_dir=args.output_dir,
        learning_rate=args.lr,
        num_train_epochs=args.epochs,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=128,
        weight_decay=0.01,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=1,
        seed=args.seed,
        report_to="wandb",
    )
    trainer = Trainer(
        model=model,
        args=targs,
        train_dataset=enc["train"],
        eval_dataset=enc["validation"],
        tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    trainer.save_model(f"{args.output_dir}/best")

    test = trainer.evaluate(enc["test"], metric_key_prefix="test")
    base = tfidf_logreg(ds["train"]["text"], ds["train"]["label"], ds["test"]["text"], ds["test"]["label"], args.seed)
    results = {"distilbert": test, "tfidf_logreg": base}
    wandb.log({"final/" + k: v for k, v in test.items()})
    print(json.dumps(results, indent=2))
    with open(f"{args.output_dir}/test_results.json", "w") as f:
        json.dump(results, f, indent=2)
    wandb.finish()


if __name__ == "__main__":
    main()
