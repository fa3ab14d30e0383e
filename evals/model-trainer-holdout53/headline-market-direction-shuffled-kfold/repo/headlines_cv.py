"""Predict next-day index direction from the day's top news headlines."""
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.decomposition import TruncatedSVD
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline

SEED = 21
N_FOLDS = 5

headlines = pd.read_csv("data/daily_top25_headlines.csv", parse_dates=["date"])
prices = pd.read_csv("data/index_close.csv", parse_dates=["date"])

top_cols = [c for c in headlines.columns if c.startswith("top")]
headlines["text"] = headlines[top_cols].fillna("").agg(" ".join, axis=1).str.replace(r"^b['\"]", "", regex=True)

prices = prices.sort_values("date")
prices["next_return"] = prices["close"].pct_change().shift(-1)
daily = headlines.merge(prices[["date", "next_return"]], on="date").dropna(subset=["next_return"])
daily = daily.sort_values("date").reset_index(drop=True)
daily["up"] = (daily["next_return"] > 0).astype(int)
print(daily["date"].min(), "->", daily["date"].max(), len(daily), "trading days")


def make_model():
    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.8, stop_words="english", sublinear_tf=True),
        TruncatedSVD(n_components=200, random_state=SEED),
        LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=15, subsample=0.8,
                       subsample_freq=1, colsample_bytree=0.7, random_state=SEED, verbose=-1),
    )


X, y = daily["text"], daily["up"].values
kf = KFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
rows = []
for fold, (tr, te) in enumerate(kf.split(X)):
    model = make_model().fit(X.iloc[tr], y[tr])
    base = DummyClassifier(strategy="most_frequent").fit(X.iloc[tr], y[tr])
    proba = model.predict_proba(X.iloc[te])[:, 1]
    rows.append({
        "fold": fold,
        "auc": roc_auc_score(y[te], proba),
        "acc": accuracy_score(y[te], (proba >= 0.5).astype(int)),
        "base_acc": accuracy_score(y[te], base.predict(X.iloc[te])),
    })

cv = pd.DataFrame(rows)
print(cv.round(4).to_string(index=False))
print("mean AUC %.4f +/- %.4f" % (cv["auc"].mean(), cv["auc"].std()))
print("mean acc %.4f vs majority %.4f" % (cv["acc"].mean(), cv["base_acc"].mean()))
