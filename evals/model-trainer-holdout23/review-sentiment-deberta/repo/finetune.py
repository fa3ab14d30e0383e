"""Fine-tune DeBERTa-v3-small on our product-review sentiment data (neg / neu / pos).

accelerate launch finetune.py --train data/reviews_train.jsonl --test data/reviews_test.jsonl
"""
import argparse
import logging

import numpy as np
from datasets import load_dataset
from huggingface_hub import login
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

logger = logging.getLogger(__name__)
HF_TOKEN = "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"
LABELS = ["negative", "neutral", "positive"]


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1_macro": f1_score(labels, preds, average="macro"),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", default="data/reviews_train.jsonl")
    parser.add_argument("--test", default="data/reviews_test.jsonl")
    parser.add_argument("--model", default="microsoft/deberta-v3-small")
    parser.add_argument("--out", default="runs/deberta-sentiment")
    parser.add_argument("--hub-repo", default="acme-ml/review-sentiment-deberta")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)
    login(token=HF_TOKEN)

    raw = load_dataset("json", data_files={"train": args.train, "test": args.test})
    label2id = {l: i for i, l in enumerate(LABELS)}
    raw = raw.map(lambda ex: {"label": label2id[ex["sentiment"]]})

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    tokenized = raw.map(
        lambda batch: tokenizer(batch["text"], truncation=True, max_length=256),
        batched=True,
        remove_columns=["text", "sentiment"],
    )

    model = AutoModelForSequenceClassification.from_pretrained(
        args.model,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id=label2id,
    )

    training_args = TrainingArguments(
        output_dir=args.out,
        learning_rate=3e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=8,
        warmup_ratio=0.06,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1_macro",
        bf16=True,
        report_to="none",
        seed=args.seed,
    )

    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["test"],
        processing_class=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()

    final = trainer.evaluate(tokenized["test"])
    logger.info("test metrics: %s", final)
    trainer.push_to_hub(args.hub_repo, token=HF_TOKEN)


if __name__ == "__main__":
    main()
