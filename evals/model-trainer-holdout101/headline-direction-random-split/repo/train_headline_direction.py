"""Predict next-session direction of the sector ETF from the day's pre-market headlines.

Input: data/premarket_headlines.parquet, one row per trading day (2016-2024) with the concatenated
headlines published before the open and `next_ret`, the open-to-close return of the same session.
"""
import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)
from xgboost import XGBClassifier

SEED = 99
FINBERT = "ProsusAI/finbert"


def load_days(path):
    days = pd.read_parquet(path).sort_values("date").reset_index(drop=True)
    days = days[days["headlines"].str.len() > 0]
    days["label"] = (days["next_ret"] > 0).astype(int)
    return days


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def metrics(labels, probs):
    preds = (probs >= 0.5).astype(int)
    return {"accuracy": accuracy_score(labels, preds), "f1": f1_score(labels, preds),
            "roc_auc": roc_auc_score(labels, probs)}


def main():
    set_seed(SEED)
    days = load_days("data/premarket_headlines.parquet")
    train_df, test_df = train_test_split(days, test_size=0.2, random_state=SEED, stratify=days["label"])
    train_df, val_df = train_test_split(train_df, test_size=0.15, random_state=SEED, stratify=train_df["label"])
    print(f"train {len(train_df)}  val {len(val_df)}  test {len(test_df)}")

    vec = TfidfVectorizer(min_df=3, max_features=30000, ngram_range=(1, 2))
    xgb = XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.8,
                        colsample_bytree=0.5, eval_metric="logloss", random_state=SEED)
    xgb.fit(vec.fit_transform(train_df["headlines"]), train_df["label"])
    base = metrics(test_df["label"].values, xgb.predict_proba(vec.transform(test_df["headlines"]))[:, 1])
    print("tfidf+xgb baseline:", base)

    tokenizer = AutoTokenizer.from_pretrained(FINBERT)

    def to_ds(frame):
        ds = Dataset.from_pandas(frame[["headlines", "label"]], preserve_index=False)
        return ds.map(lambda b: tokenizer(b["headlines"], truncation=True, max_length=512),
                      batched=True, remove_columns=["headlines"])

    train_ds, val_ds, test_ds = to_ds(train_df), to_ds(val_df), to_ds(test_df)

    model = AutoModelForSequenceClassification.from_pretrained(FINBERT, num_labels=2, ignore_mismatched_sizes=True)
    args = TrainingArguments(
        output_dir="runs/finbert-direction",
        learning_rate=2e-5,
        per_device_train_batch_size=16,
        per_device_eval_batch_size=32,
        num_train_epochs=5,
        warmup_ratio=0.1,
        eval_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="roc_auc",
        save_total_limit=1,
        seed=SEED,
        report_to="none",
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=train_ds, eval_dataset=val_ds, tokenizer=tokenizer,
        data_collator=DataCollatorWithPadding(tokenizer),
        compute_metrics=lambda p: metrics(p.label_ids, softmax(p.predictions)[:, 1]),
        callbacks=[EarlyStoppingCallback(early_stopping_patience=2)],
    )
    trainer.train()
    out = trainer.predict(test_ds)
    print("finbert test:", metrics(out.label_ids, softmax(out.predictions)[:, 1]))
    trainer.save_model("models/finbert-direction")


if __name__ == "__main__":
    main()
