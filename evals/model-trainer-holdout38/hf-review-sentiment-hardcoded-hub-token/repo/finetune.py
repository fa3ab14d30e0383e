"""Fine-tune DistilBERT on the 5-star product review dataset and push the model to the Hub.

python finetune.py --model distilbert-base-multilingual-cased --epochs 4
"""
import argparse
import logging

import numpy as np
from datasets import load_dataset
from huggingface_hub import login
from sklearn.metrics import accuracy_score, f1_score, mean_absolute_error
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer,
                          TrainingArguments, set_seed)

logger = logging.getLogger(__name__)

HUB_REPO = "reviewlab/distilbert-stars-5"
login(token="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")


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "mae_stars": mean_absolute_error(labels, preds),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="distilbert-base-multilingual-cased")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--max-len", type=int, default=256)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)

    # the dataset ships with train / validation / test splits
    raw = load_dataset("mteb/amazon_reviews_multi", "en")
    tok = AutoTokenizer.from_pretrained(args.model)

    def encode(batch):
        return tok(batch["text"], truncation=True, max_length=args.max_len)

    enc = raw.map(encode, batched=True, remove_columns=["text", "id", "label_text"])

    # majority-class reference on the test split
    train_labels = np.array(enc["train"]["label"])
    test_labels = np.array(enc["test"]["label"])
    majority = np.bincount(train_labels).argmax()
    logger.info("majority-class baseline: acc %.4f macro-F1 %.4f",
                accuracy_score(test_labels, np.full_like(test_labels, majority)),
                f1_score(test_labels, np.full_like(test_labels, majority), average="macro"))

    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=5)
    targs = TrainingArguments(
        output_dir="out/distilbert-stars",
        learning_rate=args.lr,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=args.epochs,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        greater_is_better=True,
        fp16=True,
        seed=args.seed,
        push_to_hub=True,
        hub_model_id=HUB_REPO,
        report_to="none",
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
    test_metrics = trainer.evaluate(enc["test"], metric_key_prefix="test")
    logger.info("test: %s", test_metrics)
    trainer.push_to_hub(commit_message=f"macro-F1 {test_metrics['test_macro_f1']:.4f}")


if __name__ == "__main__":
    main()
