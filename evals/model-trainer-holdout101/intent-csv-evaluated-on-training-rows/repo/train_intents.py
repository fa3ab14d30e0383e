"""Fine-tune an intent classifier for the in-app assistant.

Data: data/intents_labelled.csv (columns: utterance, intent), exported from Label Studio.
"""
import os

import numpy as np
import wandb
from datasets import ClassLabel, load_dataset
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

os.environ["WANDB_PROJECT"] = "assistant-intents"
os.environ["WANDB_API_KEY"] = "8f3c2a91d07b4e56a1c9e0f27b3d84c6a5e1f902"

MODEL_NAME = "sentence-transformers/all-MiniLM-L12-v2"
DATA_FILE = "data/intents_labelled.csv"
SEED = 17
EVAL_SAMPLE = 2000


def main():
    set_seed(SEED)
    raw = load_dataset("csv", data_files={"train": DATA_FILE})
    intents = sorted(set(raw["train"]["intent"]))
    raw = raw.map(lambda ex: {"label": intents.index(ex["intent"])})
    raw = raw.cast_column("label", ClassLabel(names=intents))
    print(raw)

    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    encoded = raw.map(
        lambda b: tokenizer(b["utterance"], truncation=True, max_length=64),
        batched=True,
        remove_columns=["utterance", "intent"],
    )
    train_ds = encoded["train"].shuffle(seed=SEED)
    eval_ds = train_ds.select(range(min(EVAL_SAMPLE, len(train_ds))))

    def compute_metrics(pred):
        preds = np.argmax(pred.predictions, axis=-1)
        p, r, f, _ = precision_recall_fscore_support(pred.label_ids, preds, average="macro", zero_division=0)
        return {
            "accuracy": accuracy_score(pred.label_ids, preds),
            "macro_precision": p,
            "macro_recall": r,
            "macro_f1": f,
            "weighted_f1": f1_score(pred.label_ids, preds, average="weighted"),
        }

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME,
        num_labels=len(intents),
        id2label=dict(enumerate(intents)),
        label2id={name: i for i, name in enumerate(intents)},
    )
    args = TrainingArguments(
        output_dir="outputs/intents-minilm",
        learning_rate=5e-5,
        per_device_train_batch_size=64,
        per_device_eval_batch_size=128,
        num_train_epochs=10,
        warmup_ratio=0.1,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=2,
        seed=SEED,
        report_to="wandb",
        run_name="minilm-intents",
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=3)],
    )
    trainer.train()

    final = trainer.evaluate()
    print("final eval:", final)
    wandb.summary.update({f"final/{k}": v for k, v in final.items()})
    trainer.save_model("outputs/intents-minilm/best")


if __name__ == "__main__":
    main()
