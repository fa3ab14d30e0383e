"""EUR/USD next-day direction from the day's FX news wire, evaluated strictly forward in time."""
import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from xgboost import XGBClassifier

SEED = 57
np.random.seed(SEED)

news = pd.read_parquet("data/fx_wire_eurusd.parquet")
rates = pd.read_csv("data/eurusd_daily.csv", parse_dates=["date"]).sort_values("date")

news["date"] = pd.to_datetime(news["published_at"]).dt.tz_convert("Europe/London").dt.normalize().dt.tz_localize(None)
daily_text = news.groupby("date")["headline"].apply(lambda s: " ||| ".join(s)).rename("text").reset_index()
rates["next_ret"] = rates["close"].shift(-1) / rates["close"] - 1
df = daily_text.merge(rates[["date", "next_ret"]], on="date").dropna().sort_values("date").reset_index(drop=True)
df["up"] = (df["next_ret"] > 0).astype(int)

dev, holdout = train_test_split(df, test_size=0.2, shuffle=False)
print(f"dev {dev.date.min():%Y-%m-%d}..{dev.date.max():%Y-%m-%d}, holdout {holdout.date.min():%Y-%m-%d}..{holdout.date.max():%Y-%m-%d}")


def make_model(depth, n_estimators):
    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=5, max_df=0.7, sublinear_tf=True),
        TruncatedSVD(n_components=150, random_state=SEED),
        XGBClassifier(n_estimators=n_estimators, max_depth=depth, learning_rate=0.03, subsample=0.8,
                      colsample_bytree=0.8, eval_metric="logloss", random_state=SEED),
    )


tscv = TimeSeriesSplit(n_splits=5, gap=1)
grid = [(d, n) for d in (2, 3, 4) for n in (200, 500)]
cv_loss = {}
for depth, n_est in grid:
    losses = []
    for tr, va in tscv.split(dev):
        m = make_model(depth, n_est).fit(dev["text"].iloc[tr], dev["up"].iloc[tr])
        losses.append(log_loss(dev["up"].iloc[va], m.predict_proba(dev["text"].iloc[va])[:, 1], labels=[0, 1]))
    cv_loss[(depth, n_est)] = float(np.mean(losses))
    print(depth, n_est, round(cv_loss[(depth, n_est)], 4))
best = min(cv_loss, key=cv_loss.get)

final = make_model(*best).fit(dev["text"], dev["up"])
prior = DummyClassifier(strategy="prior").fit(dev["text"], dev["up"])
for name, m in [("prior", prior), (f"xgb depth={best[0]} n={best[1]}", final)]:
    p = m.predict_proba(holdout["text"])[:, 1]
    auc = roc_auc_score(holdout["up"], p)
    print(f"{name:>22}: AUC {auc:.4f}  logloss {log_loss(holdout['up'], p):.4f}  brier {brier_score_loss(holdout['up'], p):.4f}")
