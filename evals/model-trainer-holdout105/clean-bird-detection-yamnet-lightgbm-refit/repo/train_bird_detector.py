"""Bird-presence detection (freefield1010 + warblrb10k) from pooled YAMNet embeddings.

1. stratified train / val / test split
2. LightGBM with early stopping on val, decision threshold chosen on val
3. one report on test against baselines
4. final model refit on all labelled clips with the selected settings for deployment
"""
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 404
EMB = Path("features/bad_yamnet_meanmax_2048.parquet")
OUT = Path("models")


def pick_threshold(y, p):
    prec, rec, th = precision_recall_curve(y, p)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    return float(th[np.argmax(f1)])


def evaluate(name, y, p, threshold):
    return {
        "model": name,
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "f1@val_threshold": f1_score(y, (p >= threshold).astype(int)),
    }


def main():
    df = pd.read_parquet(EMB)
    emb_cols = [c for c in df.columns if c.startswith("emb_")]
    X, y = df[emb_cols].to_numpy(np.float32), df["hasbird"].to_numpy()
    print(f"{len(df)} clips, bird rate {y.mean():.3f}, sources {df['source'].value_counts().to_dict()}")

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

    params = dict(
        objective="binary", learning_rate=0.03, num_leaves=31, min_child_samples=30,
        feature_fraction=0.5, bagging_fraction=0.8, bagging_freq=1, lambda_l2=1.0,
        seed=SEED, verbose=-1,
    )
    booster = lgb.train(
        params,
        lgb.Dataset(X_tr, y_tr),
        num_boost_round=5000,
        valid_sets=[lgb.Dataset(X_val, y_val)],
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )
    threshold = pick_threshold(y_val, booster.predict(X_val, num_iteration=booster.best_iteration))

    logreg = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=3000, random_state=SEED))
    logreg.fit(X_tr, y_tr)
    lr_threshold = pick_threshold(y_val, logreg.predict_proba(X_val)[:, 1])
    prior = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    prior_threshold = pick_threshold(y_val, prior.predict_proba(X_val)[:, 1])

    rows = [
        evaluate("prior", y_test, prior.predict_proba(X_test)[:, 1], prior_threshold),
        evaluate("logreg", y_test, logreg.predict_proba(X_test)[:, 1], lr_threshold),
        evaluate("lightgbm", y_test, booster.predict(X_test, num_iteration=booster.best_iteration), threshold),
    ]
    print(pd.DataFrame(rows).to_string(index=False))

    final = lgb.train(params, lgb.Dataset(X, y), num_boost_round=int(booster.best_iteration * 1.1))
    OUT.mkdir(exist_ok=True)
    final.save_model(str(OUT / "bird_detector_lgbm.txt"))
    (OUT / "bird_detector_meta.json").write_text(json.dumps({
        "threshold": threshold,
        "num_boost_round": final.current_iteration(),
        "held_out_report": rows,
    }, indent=2))
    joblib.dump(emb_cols, OUT / "bird_detector_columns.joblib")


if __name__ == "__main__":
    main()
