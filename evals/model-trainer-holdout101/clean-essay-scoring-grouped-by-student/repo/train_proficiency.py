"""Classify essays into proficiency bands (emerging / developing / proficient / advanced).

Students wrote several essays each, so every split keeps all essays of a student together.
"""
import json
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from datasets import ClassLabel, Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

BANDS = ["emerging", "developing", "proficient", "advanced"]


def grouped_splits(df, cfg):
    sgkf = StratifiedGroupKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["random_state"])
    folds = list(sgkf.split(df, df["label"], groups=df["student_id"]))
    test_idx, val_idx = folds[cfg["test_fold"]][1], folds[cfg["val_fold"]][1]
    train_idx = np.setdiff1d(np.arange(len(df)), np.concatenate([test_idx, val_idx]))
    parts = df.iloc[train_idx], df.iloc[val_idx], df.iloc[test_idx]
    assert not set(parts[0]["student_id"]) & (set(parts[1]["student_id"]) | set(parts[2]["student_id"]))
    return parts


def band_metrics(y, pred):
    return {"macro_f1": f1_score(y, pred, average="macro"),
            "qwk": cohen_kappa_score(y, pred, weights="quadratic")}


def main(cfg_path="conf/experiment.json"):
    cfg = json.load(open(cfg_path))
    set_seed(cfg["random_state"])
    df = pd.read_parquet(cfg["data_path"])
    df["label"] = df["band"].map(BANDS.index)
    train, val, test = grouped_splits(df, cfg)
    print({k: len(v) for k, v in zip(["train", "val", "test"], [train, val, test])})

    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_features=50000, sublinear_tf=True)
    X_tr = vec.fit_transform(train["essay"]).astype(np.float32)
    X_va, X_te = vec.transform(val["essay"]).astype(np.float32), vec.transform(test["essay"]).astype(np.float32)
    gbm = lgb.LGBMClassifier(objective="multiclass", random_state=cfg["random_state"], verbose=-1, **cfg["lgbm"])
    gbm.fit(X_tr, train["label"], eval_set=[(X_va, val["label"])], callbacks=[lgb.early_stopping(100, verbose=False)])
    baseline = band_metrics(test["label"], gbm.predict(X_te))

    tok = AutoTokenizer.from_pretrained(cfg["model"])

    def to_ds(d):
        ds = Dataset.from_pandas(d[["essay", "label"]], preserve_index=False)
        ds = ds.cast_column("label", ClassLabel(names=BANDS))
        return ds.map(lambda b: tok(b["essay"], truncation=True, max_length=cfg["max_length"]),
                      batched=True, remove_columns=["essay"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model"], num_labels=len(BANDS), id2label=dict(enumerate(BANDS)), label2id={b: i for i, b in enumerate(BANDS)}
    )
    args = TrainingArguments(
        **cfg["trainer"],
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="qwk",
        save_total_limit=2,
        seed=cfg["random_state"],
        report_to="none",
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=to_ds(train), eval_dataset=to_ds(val), tokenizer=tok,
        data_collator=DataCollatorWithPadding(tok),
        compute_metrics=lambda p: band_metrics(p.label_ids, p.predictions.argmax(-1)),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=cfg["patience"])],
    )
    trainer.train()
    test_out = trainer.predict(to_ds(test))
    results = {"deberta": band_metrics(test_out.label_ids, test_out.predictions.argmax(-1)), "tfidf_lgbm": baseline}
    print(json.dumps(results, indent=2))
    trainer.save_model(cfg["trainer"]["output_dir"] + "/best")


if __name__ == "__main__":
    main(*sys.argv[1:])
