"""Flag radiology reports with an actionable incidental finding (BiomedBERT fine-tune)."""
import argparse

import numpy as np
import pandas as pd
import yaml
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

from rad_nlp.secrets import configure_wandb, hf_token


def patient_split(df, label, group, seed):
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_i, test_i = next(outer.split(df, df[label], df[group]))
    dev = df.iloc[dev_i]
    inner = StratifiedGroupKFold(n_splits=8, shuffle=True, random_state=seed)
    tr_i, va_i = next(inner.split(dev, dev[label], dev[group]))
    return dev.iloc[tr_i], dev.iloc[va_i], df.iloc[test_i]


def positive_prob(logits):
    logits = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e[:, 1] / e.sum(axis=1)


def compute_metrics(pred):
    p = positive_prob(pred.predictions)
    return {"auroc": roc_auc_score(pred.label_ids, p), "auprc": average_precision_score(pred.label_ids, p)}


def recall_at_precision(y, p, threshold):
    flagged = p >= threshold
    return {"precision": float(y[flagged].mean()) if flagged.any() else 0.0,
            "recall": float(flagged[y == 1].mean()), "threshold": float(threshold)}


def main(cfg):
    set_seed(cfg["seed"])
    configure_wandb("incidental-findings")
    token = hf_token()

    df = pd.read_csv(cfg["reports_csv"]).rename(columns={cfg["label_col"]: "label"})
    df["text"] = df["findings"].fillna("") + " IMPRESSION: " + df["impression"].fillna("")
    train_df, val_df, test_df = patient_split(df, "label", cfg["group_col"], cfg["seed"])

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
    base = LogisticRegression(max_iter=3000, class_weight="balanced", C=1.0)
    base.fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
    p_base_test = base.predict_proba(tfidf.transform(test_df["text"]))[:, 1]

    tok = AutoTokenizer.from_pretrained(cfg["model_name"], token=token)
    enc = lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"])
    cols = ["text", "label"]
    ds = {k: Dataset.from_pandas(v[cols], preserve_index=False).map(enc, batched=True, remove_columns=["text"])
          for k, v in [("train", train_df), ("val", val_df), ("test", test_df)]}

    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=2, token=token)
    args = TrainingArguments(
        output_dir=cfg["output_dir"], evaluation_strategy="epoch", save_strategy="epoch",
        load_best_model_at_end=True, metric_for_best_model="auprc", greater_is_better=True,
        save_total_limit=2, seed=cfg["seed"], report_to=["wandb"], logging_steps=25,
        push_to_hub=cfg["push_to_hub"], hub_model_id=cfg["hub_repo"], hub_token=token,
        **cfg["trainer"],
    )
    trainer = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds["val"],
                      tokenizer=tok, data_collator=DataCollatorWithPadding(tok), compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["early_stopping_patience"])])
    trainer.train()

    val_pred = trainer.predict(ds["val"])
    p_val = positive_prob(val_pred.predictions)
    prec, _, thr = precision_recall_curve(val_pred.label_ids, p_val)
    threshold = thr[np.argmax(prec[:-1] >= 0.5)]

    test_pred = trainer.predict(ds["test"])
    p_test, y_test = positive_prob(test_pred.predictions), test_pred.label_ids
    print("tfidf-logreg test:", {"auroc": roc_auc_score(test_df["label"], p_base_test),
                                 "auprc": average_precision_score(test_df["label"], p_base_test)})
    print("biomedbert test:", {"auroc": roc_auc_score(y_test, p_test), "auprc": average_precision_score(y_test, p_test),
                               **recall_at_precision(y_test, p_test, threshold)})
    trainer.save_model(f"{cfg['output_dir']}/best")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/biomedbert.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
