"""Fine-tune ChemBERTa-77M on BACE-1 inhibition (binary) with a stratified scaffold split."""
import json
import os
import sys

import numpy as np
import pandas as pd
from datasets import Dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from bace.baseline import ecfp, fit_logreg
from bace.metrics import full_report, hf_compute_metrics, pick_threshold, softmax_pos
from bace.splits import stratified_scaffold_split


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    set_seed(cfg["seed"])
    hub_token = os.environ.get("HF_TOKEN")

    df = pd.read_csv(cfg["data_csv"])
    smiles = df[cfg["smiles_col"]].tolist()
    labels = df[cfg["label_col"]].astype(int).to_numpy()
    tr, va, te = stratified_scaffold_split(smiles, labels, cfg["seed"])
    print(f"train {len(tr)} / valid {len(va)} / test {len(te)}; positive rate {labels.mean():.2f}")

    tok = AutoTokenizer.from_pretrained(cfg["base_model"])
    def to_ds(idx):
        ds = Dataset.from_dict({"text": [smiles[i] for i in idx], "label": labels[idx].tolist()})
        return ds.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)
    train_ds, valid_ds, test_ds = to_ds(tr), to_ds(va), to_ds(te)

    model = AutoModelForSequenceClassification.from_pretrained(cfg["base_model"], num_labels=2)
    args = TrainingArguments(
        output_dir=cfg["output_dir"],
        learning_rate=cfg["learning_rate"],
        per_device_train_batch_size=cfg["batch_size"],
        per_device_eval_batch_size=64,
        num_train_epochs=cfg["epochs"],
        weight_decay=0.01,
        warmup_ratio=0.1,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="pr_auc",
        seed=cfg["seed"],
        report_to="none",
        push_to_hub=hub_token is not None,
        hub_model_id=cfg["hub_model_id"],
        hub_token=hub_token,
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=train_ds, eval_dataset=valid_ds, tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok), compute_metrics=hf_compute_metrics,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()

    p_val = softmax_pos(trainer.predict(valid_ds).predictions)
    p_test = softmax_pos(trainer.predict(test_ds).predictions)
    threshold = pick_threshold(labels[va], p_val)

    logreg = fit_logreg([smiles[i] for i in tr], labels[tr], cfg["seed"])
    lr_val = logreg.predict_proba(ecfp([smiles[i] for i in va]))[:, 1]
    lr_test = logreg.predict_proba(ecfp([smiles[i] for i in te]))[:, 1]

    report = {
        "chemberta": full_report(labels[te], p_test, threshold),
        "ecfp_logreg": full_report(labels[te], lr_test, pick_threshold(labels[va], lr_val)),
    }
    print(json.dumps(report, indent=2))
    with open(os.path.join(cfg["output_dir"], "test_report.json"), "w") as fh:
        json.dump(report, fh, indent=2)
    trainer.save_model(os.path.join(cfg["output_dir"], "best"))
    if hub_token:
        trainer.push_to_hub(commit_message="BACE fine-tune")


if __name__ == "__main__":
    main(*sys.argv[1:])
