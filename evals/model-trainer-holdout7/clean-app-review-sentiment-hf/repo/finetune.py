import argparse
import json
import os

from huggingface_hub import login
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from reviews.scoring import metrics_from_logits
from reviews.splits import make_splits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", default="settings.json")
    cfg = json.load(open(ap.parse_args().settings))
    set_seed(cfg["seed"])
    if os.environ.get("HF_TOKEN"):
        login(token=os.environ["HF_TOKEN"])

    splits = make_splits(cfg["reviews_csv"], cfg["labels"], cfg["seed"])
    tok = AutoTokenizer.from_pretrained(cfg["base_model"], revision=cfg["base_model_revision"])
    enc = splits.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_len"]), batched=True)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["base_model"], revision=cfg["base_model_revision"], num_labels=len(cfg["labels"]),
        id2label=dict(enumerate(cfg["labels"])), label2id={l: i for i, l in enumerate(cfg["labels"])},
    )
    targs = TrainingArguments(
        output_dir=cfg["out_dir"], learning_rate=cfg["lr"], num_train_epochs=cfg["epochs"],
        per_device_train_batch_size=cfg["batch"], per_device_eval_batch_size=cfg["batch"] * 2,
        evaluation_strategy="epoch", save_strategy="epoch", save_total_limit=2,
        load_best_model_at_end=True, metric_for_best_model="macro_f1", greater_is_better=True,
        warmup_ratio=0.1, weight_decay=0.01, seed=cfg["seed"], data_seed=cfg["seed"], report_to="none",
    )
    trainer = Trainer(
        model=model, args=targs, train_dataset=enc["train"], eval_dataset=enc["validation"],
        tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=metrics_from_logits,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()

    test_out = trainer.predict(enc["test"], metric_key_prefix="test")
    print(json.dumps(test_out.metrics, indent=2))
    trainer.save_model(f"{cfg['out_dir']}/final")


if __name__ == "__main__":
    main()
