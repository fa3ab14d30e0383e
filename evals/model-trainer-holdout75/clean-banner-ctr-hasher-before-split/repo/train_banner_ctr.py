"""In-app banner CTR: hashed feature crosses + logistic regression (SGD)."""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 404
ALPHAS = [1e-7, 3e-7, 1e-6, 3e-6, 1e-5]


def tokens(df):
    cols = ["banner_id", "campaign_id", "placement", "app_version", "os", "country", "user_segment"]
    for rec in df[cols + ["hour"]].astype(str).itertuples(index=False):
        d = rec._asdict()
        toks = [f"{k}={v}" for k, v in d.items()]
        toks += [f"banner_x_placement={d['banner_id']}|{d['placement']}",
                 f"campaign_x_country={d['campaign_id']}|{d['country']}",
                 f"segment_x_hour={d['user_segment']}|{d['hour']}"]
        yield toks


def metrics(y, p):
    return {"auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "logloss": log_loss(y, p)}


def main(path, out):
    log = pd.read_parquet(path).sort_values("shown_at").reset_index(drop=True)
    log["hour"] = pd.to_datetime(log["shown_at"]).dt.hour
    print(f"{len(log):,} impressions, CTR {log['clicked'].mean():.4f}")

    hasher = FeatureHasher(n_features=2 ** 21, input_type="string", alternate_sign=False)
    X_cat = hasher.transform(tokens(log))
    X_num = sp.csr_matrix(np.log1p(log[["session_seconds", "banners_seen_today"]].clip(lower=0).to_numpy()))
    X = sp.hstack([X_cat, X_num]).tocsr()
    y = log["clicked"].to_numpy()

    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.15, shuffle=False)
    X_train, X_valid, y_train, y_valid = train_test_split(X_trval, y_trval, test_size=0.15, shuffle=False)

    best_alpha, best_ll = None, np.inf
    for alpha in ALPHAS:
        clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=20, tol=1e-4, random_state=SEED)
        clf.fit(X_train, y_train)
        ll = log_loss(y_valid, clf.predict_proba(X_valid)[:, 1])
        print(f"alpha={alpha:g} valid logloss={ll:.5f}")
        if ll < best_ll:
            best_alpha, best_ll = alpha, ll

    model = SGDClassifier(loss="log_loss", alpha=best_alpha, max_iter=20, tol=1e-4, random_state=SEED)
    model.fit(X_trval, y_trval)
    prior = DummyClassifier(strategy="prior").fit(X_trval, y_trval)

    report = {
        "alpha": best_alpha,
        "model": metrics(y_test, model.predict_proba(X_test)[:, 1]),
        "prior_baseline": {"logloss": log_loss(y_test, prior.predict_proba(X_test)[:, 1])},
        "historical_banner_ctr_auc": roc_auc_score(y_test, log.iloc[-len(y_test):]["banner_ctr_7d"]),
    }
    print(json.dumps(report, indent=2))
    joblib.dump(model, f"{out}/banner_ctr_sgd.joblib")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", default="data/banner_impressions.parquet")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    main(args.log, args.out)
