"""Fine-tune BERT on BANKING77 intents and publish the best checkpoint to the Hub."""
import json
from pathlib import Path

import numpy as np
from datasets import load_dataset
from sklearn.dummy import DummyClassifier
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

from hub import publish

CONFIG = json.loads(Path("config.json").read_text())


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def main():
    set_seed(CONFIG["seed"])
    raw = load_dataset("PolyAI/banking77")
    split = raw["train"].train_test_split(test_size=0.1, seed=CONFIG["seed"], stratify_by_column="label")
    train_ds, val_ds, test_ds = split["train"], split["test"], raw["test"]
    names = raw["train"].features["label"].names

    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(train_ds), 1)), train_ds["label"])
    dummy_preds = dummy.predict(np.zeros((len(test_ds), 1)))
    print("majority baseline macro F1:", f1_score(test_ds["label"], dummy_preds, average="macro"))

    tokenizer = AutoTokenizer.from_pretrained(CONFIG["base_model"])

    def tok(batch):
        return tokenizer(batch["text"], truncation=True, max_length=CONFIG["max_length"])

    train_ds, val_ds, test_ds = (d.map(tok, batched=True) for d in (train_ds, val_ds, test_ds))

    model = AutoModelForSequenceClassification.from_pretrained(
        CONFIG["base_model"],
        num_labels=len(names),
        id2label=dict(enumerate(names)),
        label2id={n: i for i, n in enumerate(names)},
    )
    args = TrainingArguments(
        output_dir=CONFIG["output_dir"],
        eval_strategy="epoch",
        save_strategy="epoch",
        learning_rate=CONFIG["lr"],
        num_train_epochs=CONFIG["epochs"],
        per_device_train_batch_size=32,
        per_device_eval_batch_size=64,
        weight_decay=0.01,
        warmup_ratio=0.1,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        save_total_limit=1,
        seed=CONFIG["seed"],
        report_to="none",
    )
    trainer = Trainer(
        model=model,
        args=args,
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

    best_dir = Path(CONFIG["output_dir"]) / "final"
    trainer.save_model(str(best_dir))
    card_metrics = {k: v for k, v in test_metrics.items() if k in ("test_accuracy", "test_macro_f1")}
    url = publish(best_dir, CONFIG["hub_repo_name"], CONFIG["base_model"], card_metrics, "PolyAI/banking77")
    print("published to", url)


if __name__ == "__main__":
    main()
