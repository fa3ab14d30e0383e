"""LoRA fine-tuning of roberta-large on BANKING77 (77 intents).

    export $(grep -v '^#' .env | xargs) && python scripts/train_lora.py [--push]
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from peft import LoraConfig, TaskType, get_peft_model  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,  # noqa: E402
                          DataCollatorWithPadding, EarlyStoppingCallback, Trainer, TrainingArguments,
                          set_seed)

from lora_banking.baseline import tfidf_svm_baseline  # noqa: E402
from lora_banking.data import load_banking77, tokenize_all  # noqa: E402
from lora_banking.settings import Settings  # noqa: E402


def metrics_fn(p):
    pred = np.argmax(p.predictions, axis=-1)
    return {"accuracy": accuracy_score(p.label_ids, pred), "macro_f1": f1_score(p.label_ids, pred, average="macro")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--push", action="store_true")
    push = ap.parse_args().push
    cfg = Settings()
    set_seed(cfg.seed)
    os.environ.setdefault("WANDB_PROJECT", cfg.wandb_project)

    ds = load_banking77(cfg.val_fraction, cfg.seed)
    baseline = tfidf_svm_baseline(ds["train"], {"validation": ds["validation"], "test": ds["test"]}, cfg.seed)
    print("tf-idf + linear SVM:", baseline)

    tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
    tok = tokenize_all(ds, tokenizer)
    n_labels = ds["train"].features["label"].num_classes

    model = AutoModelForSequenceClassification.from_pretrained(cfg.base_model, num_labels=n_labels)
    model = get_peft_model(model, LoraConfig(task_type=TaskType.SEQ_CLS, r=cfg.lora_r, lora_alpha=cfg.lora_alpha,
                                             lora_dropout=cfg.lora_dropout, target_modules=["query", "key", "value"]))
    model.print_trainable_parameters()

    args = TrainingArguments(
        output_dir=cfg.output_dir,
        learning_rate=cfg.lr,
        num_train_epochs=cfg.epochs,
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=2 * cfg.batch_size,
        warmup_ratio=0.06,
        weight_decay=0.01,
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="macro_f1",
        seed=cfg.seed,
        data_seed=cfg.seed,
        report_to=["wandb"] if os.environ.get("WANDB_API_KEY") else "none",
        hub_model_id=cfg.hub_repo,
        hub_token=cfg.hf_token,
        hub_private_repo=True,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=tok["train"],
        eval_dataset=tok["validation"],
        tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer, pad_to_multiple_of=8),
        compute_metrics=metrics_fn,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg.patience)],
    )
    trainer.train()

    test_metrics = trainer.evaluate(tok["test"], metric_key_prefix="test")
    report = {"lora_test": test_metrics, "baseline": baseline, "best_checkpoint": trainer.state.best_model_checkpoint}
    print(json.dumps(report, indent=2, default=str))
    with open(os.path.join(cfg.output_dir, "report.json"), "w") as fh:
        json.dump(report, fh, indent=2, default=str)

    if push:
        if not cfg.hf_token:
            raise SystemExit("HF_TOKEN is not set in the environment")
        trainer.push_to_hub(commit_message="LoRA adapter selected on validation macro-F1")


if __name__ == "__main__":
    main()
