"""Fine-tune FinBERT to predict the sign of next-session abnormal return from a headline."""
import os

import numpy as np
import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, roc_auc_score
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          EarlyStoppingCallback, Trainer, TrainingArguments, set_seed)

import settings as S


def load_examples() -> pd.DataFrame:
    news = pd.read_parquet(os.path.join(S.DATA_DIR, S.HEADLINES_FILE))
    rets = pd.read_parquet(os.path.join(S.DATA_DIR, S.RETURNS_FILE))
    news["published_utc"] = pd.to_datetime(news["published_utc"], utc=True)
    cutoff = pd.to_datetime(news["published_utc"].dt.strftime("%Y-%m-%d") + " " + S.MARKET_CLOSE_UTC, utc=True)
    news["trade_date"] = news["published_utc"].dt.tz_localize(None).dt.normalize()
    after_close = news["published_utc"] >= cutoff
    news.loc[after_close, "trade_date"] += pd.offsets.BDay(1)
    rets["date"] = pd.to_datetime(rets["date"])
    # label: abnormal return of the session after trade_date
    rets["next_abret"] = rets.groupby("ticker")["abret"].shift(-1)
    df = news.merge(rets[["ticker", "date", "next_abret"]],
                    left_on=["ticker", "trade_date"], right_on=["ticker", "date"], how="inner")
    df = df.dropna(subset=["next_abret"]).drop_duplicates(subset=["ticker", "headline"])
    df["label"] = (df["next_abret"] > 0).astype(int)
    return df.sort_values("published_utc").reset_index(drop=True)


def main():
    set_seed(S.SEED)
    df = load_examples()
    sp = S.SPLITS
    train = df[df["trade_date"] <= sp["train_end"]]
    valid = df[(df["trade_date"] >= sp["valid_start"]) & (df["trade_date"] <= sp["valid_end"])]
    test = df[df["trade_date"] >= sp["test_start"]]
    print({k: len(v) for k, v in [("train", train), ("valid", valid), ("test", test)]})

    tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=5, sublinear_tf=True)
    lr = LogisticRegression(C=1.0, max_iter=2000, random_state=S.SEED)
    lr.fit(tfidf.fit_transform(train["headline"]), train["label"])
    p_base = lr.predict_proba(tfidf.transform(test["headline"]))[:, 1]

    tok = AutoTokenizer.from_pretrained(S.BASE_MODEL)
    model = AutoModelForSequenceClassification.from_pretrained(
        S.BASE_MODEL, num_labels=2, ignore_mismatched_sizes=True)

    def encode(frame):
        ds = Dataset.from_pandas(frame[["headline", "label"]].rename(columns={"label": "labels"}),
                                 preserve_index=False)
        return ds.map(lambda b: tok(b["headline"], truncation=True, max_length=S.MAX_LEN,
                                    padding="max_length"), batched=True)

    ds_train, ds_valid, ds_test = encode(train), encode(valid), encode(test)

    def compute_metrics(eval_pred):
        logits, labels = eval_pred
        prob = np.exp(logits)[:, 1] / np.exp(logits).sum(1)
        return {"auc": roc_auc_score(labels, prob), "f1": f1_score(labels, logits.argmax(1))}

    args = TrainingArguments(
        output_dir="runs/finbert_abret",
        num_train_epochs=6,
        per_device_train_batch_size=64,
        per_device_eval_batch_size=256,
        learning_rate=2e-5,
        weight_decay=0.01,
        warmup_ratio=0.06,
        evaluation_strategy="epoch",
        save_strategy="epoch",
        load_best_model_at_end=True,
        metric_for_best_model="auc",
        save_total_limit=2,
        seed=S.SEED,
        report_to="none",
        push_to_hub=True,
        hub_model_id=S.HUB_REPO,
        hub_token=S.HUB_TOKEN,
        hub_private_repo=True,
    )
    trainer = Trainer(model=model, args=args, train_dataset=ds_train, eval_dataset=ds_valid,
                      tokenizer=tok, compute_metrics=compute_metrics,
                      callbacks=[EarlyStoppingCallback(early_stopping_patience=2)])
    trainer.train()

    test_metrics = trainer.evaluate(ds_test, metric_key_prefix="test")
    print("finbert ", test_metrics)
    print("tfidf-lr", {"test_auc": roc_auc_score(test["label"], p_base),
                       "test_f1": f1_score(test["label"], p_base > 0.5)})
    trainer.push_to_hub(commit_message="next-day abnormal return classifier")


if __name__ == "__main__":
    main()
