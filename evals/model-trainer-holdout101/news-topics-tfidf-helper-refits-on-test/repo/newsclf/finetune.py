"""Fine-tune XLM-R base on the newsroom topic archive with the HF Trainer."""
import json
import sys

import numpy as np
from datasets import Dataset
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

from .data import TOPICS, load_splits

SEED = 20240611
CKPT = "xlm-roberta-base"


def metrics_fn(pred):
    y_hat = np.argmax(pred.predictions, axis=-1)
    return {
        "accuracy": accuracy_score(pred.label_ids, y_hat),
        "macro_f1": f1_score(pred.label_ids, y_hat, average="macro"),
    }


def main(path):
    set_seed(SEED)
    train, val, test = load_splits(path, SEED)
    tok = AutoTokenizer.from_pretrained(CKPT)

    def encode(frame):
        ds = Dataset.from_pandas(frame[["text", "label"]], preserve_index=False)
        return ds.map(lambda b: tok(b["text"], truncation=True, max_length=192), batched=True, remove_columns=["text"])

    model = AutoModelForSequenceClassification.from_pretrained(
        CKPT, num_labels=len(TOPICS), id2label=dict(enumerate(TOPICS)),
        label2id={t: i for i, t in enumerate(TOPICS)},
    )
    args = TrainingArguments(
        output_dir="runs/xlmr-topics",
        learning_rate=2e-5,
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        num_train_epochs=6,
        warmup_ratio=0.06,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=SEED,
        bf16=True,
        report_to="none",
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=encode(train), eval_dataset=encode(val),
        tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics_fn,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    test_metrics = trainer.evaluate(encode(test), metric_key_prefix="test")
    with open("reports/xlmr_topics.json", "w") as fh:
        json.dump(test_metrics, fh, indent=2)
    trainer.save_model("runs/xlmr-topics/best")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/newsroom_topics.parquet")
