"""Fine-tune a RoBERTa-style encoder on TweetEval sentiment (Barbieri et al., 2020).

Reproduces the 'Twitter-RoBERTa' column of Table 2; the final checkpoint is pushed to the
lab's organisation on the Hub so the other chapters can load it.
"""
import argparse

import numpy as np
from datasets import load_dataset
from huggingface_hub import login
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

HUB_ORG = "nlp-lab-thesis"
HF_TOKEN = "hf_JyGhC1iflsmm3dLHqvha3kHdg84wEkUr6F"


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        # official TweetEval sentiment metric
        "macro_recall": recall_score(labels, preds, average="macro"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="cardiffnlp/twitter-roberta-base")
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output-dir", default="checkpoints/tweeteval-sentiment")
    parser.add_argument("--push", action="store_true")
    args = parser.parse_args()

    set_seed(args.seed)
    login(token=HF_TOKEN)

    raw = load_dataset("tweet_eval", "sentiment")
    tokenizer = AutoTokenizer.from_pretrained(args.model)

    def tokenize(batch):
        return tokenizer(batch["text"], truncation=True, max_length=128)

    tokenized = raw.map(tokenize, batched=True, remove_columns=["text"])
    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=3)

    training_args = TrainingArguments(
        output_dir=args.output_dir,
        learning_rate=args.lr,
        per_device_train_batch_size=args.batch_size,
        per_device_eval_batch_size=64,
        num_train_epochs=args.epochs,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_recall",
        seed=args.seed,
        report_to="none",
        push_to_hub=args.push,
        hub_model_id=f"{HUB_ORG}/tweeteval-sentiment-seed{args.seed}",
    )
    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(tokenized["test"], metric_key_prefix="test")
    print(test_metrics)
    trainer.save_metrics("test", test_metrics)
    if args.push:
        trainer.push_to_hub(commit_message=f"TweetEval sentiment, seed {args.seed}")


if __name__ == "__main__":
    main()
