"""AES 2.0: DeBERTa-v3 regression head, stratified K-fold, TF-IDF ridge baseline."""
import os
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from aes.metrics import OptimizedRounder, qwk, regression_report


def main(cfg):
    set_seed(cfg["seed"])
    df = pd.read_csv(Path(cfg["data_dir"]) / "train.csv")
    y = df["score"].values
    skf = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    df["fold"] = -1
    for k, (_, va) in enumerate(skf.split(df, y)):
        df.loc[va, "fold"] = k

    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    collator = DataCollatorWithPadding(tok)
    hub_token = os.environ.get("HF_TOKEN") if cfg["push_to_hub"] else None

    def tokenize(batch):
        enc = tok(batch["full_text"], truncation=True, max_length=cfg["max_length"])
        enc["labels"] = [float(s) for s in batch["score"]]
        return enc

    def compute_metrics(eval_pred):
        preds = eval_pred.predictions.reshape(-1)
        labels = eval_pred.label_ids.astype(int)
        return {"qwk": qwk(labels, np.clip(np.rint(preds), 1, 6).astype(int)),
                "rmse": float(np.sqrt(np.mean((preds - labels) ** 2)))}

    oof_ridge, oof_nn = np.zeros(len(df)), np.zeros(len(df))
    for k in range(cfg["n_folds"]):
        tr_df, va_df = df[df.fold != k].reset_index(drop=True), df[df.fold == k].reset_index(drop=True)
        va_idx = np.where(df.fold == k)[0]

        ridge = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True, max_features=200_000),
                              Ridge(alpha=2.0))
        ridge.fit(tr_df["full_text"], tr_df["score"])
        oof_ridge[va_idx] = ridge.predict(va_df["full_text"])

        cols = ["full_text", "score"]
        ds_tr = Dataset.from_pandas(tr_df[cols]).map(tokenize, batched=True, remove_columns=cols)
        ds_va = Dataset.from_pandas(va_df[cols]).map(tokenize, batched=True, remove_columns=cols)
        model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=1)
        args = TrainingArguments(
            output_dir=f"{cfg['output_dir']}/fold{k}",
            learning_rate=cfg["lr"],
            num_train_epochs=cfg["epochs"],
            per_device_train_batch_size=cfg["batch_size"],
            per_device_eval_batch_size=cfg["batch_size"] * 2,
            gradient_accumulation_steps=cfg["grad_accum"],
            warmup_ratio=cfg["warmup_ratio"],
            weight_decay=cfg["weight_decay"],
            eval_strategy="epoch",
            save_strategy="epoch",
            save_total_limit=1,
            load_best_model_at_end=True,
            metric_for_best_model="qwk",
            greater_is_better=True,
            fp16=True,
            seed=cfg["seed"],
            report_to="none",
            push_to_hub=cfg["push_to_hub"],
            hub_model_id=f"{cfg['hub_repo']}-fold{k}",
            hub_token=hub_token,
        )
        trainer = Trainer(model=model, args=args, train_dataset=ds_tr, eval_dataset=ds_va,
                          tokenizer=tok, data_collator=collator, compute_metrics=compute_metrics,
                          callbacks=[EarlyStoppingCallback(cfg["early_stopping_patience"])])
        trainer.train()
        oof_nn[va_idx] = trainer.predict(ds_va).predictions.reshape(-1)
        trainer.save_model(f"{cfg['output_dir']}/fold{k}/best")
        print(f"fold {k}: qwk {qwk(y[va_idx], np.clip(np.rint(oof_nn[va_idx]), 1, 6).astype(int)):.4f}")

    for name, oof in (("tfidf-ridge", oof_ridge), ("deberta", oof_nn)):
        cut_oof = np.zeros(len(df), dtype=int)
        for k in range(cfg["n_folds"]):
            fit, ev = df.fold.values != k, df.fold.values == k
            cut_oof[ev] = OptimizedRounder().fit(oof[fit], y[fit]).predict(oof[ev])
        rep = regression_report(y, oof, OptimizedRounder().fit(oof, y).cuts_)
        rep["qwk_cuts_cv"] = float(qwk(y, cut_oof))
        print(name, {k: round(v, 4) for k, v in rep.items()})
    np.save(Path(cfg["output_dir"]) / "oof_deberta.npy", oof_nn)


if __name__ == "__main__":
    with open("config.yaml") as f:
        main(yaml.safe_load(f))
