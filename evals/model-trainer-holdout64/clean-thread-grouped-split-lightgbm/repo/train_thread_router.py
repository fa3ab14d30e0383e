"""Route customer e-mails to a queue. Messages of the same thread quote each other heavily,
so every split keeps whole threads together."""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold

SEED = 404


def grouped_holdout(y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    train_idx, test_idx = next(sgkf.split(np.zeros(len(y)), y, groups))
    return train_idx, test_idx


def evaluate(y_true, y_pred):
    return {"macro_f1": round(f1_score(y_true, y_pred, average="macro"), 4),
            "balanced_accuracy": round(balanced_accuracy_score(y_true, y_pred), 4)}


def main(args):
    np.random.seed(SEED)
    msgs = pd.read_parquet(args.data)
    msgs = msgs.dropna(subset=["body", "queue"]).reset_index(drop=True)
    queues = sorted(msgs["queue"].unique())
    y = msgs["queue"].map({q: i for i, q in enumerate(queues)}).to_numpy()
    groups = msgs["thread_id"].to_numpy()
    print(f"{len(msgs)} messages in {msgs['thread_id'].nunique()} threads")

    encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
    X = encoder.encode(msgs["body"].str.slice(0, 3000).tolist(), batch_size=128, normalize_embeddings=True)

    trval_idx, test_idx = grouped_holdout(y, groups, n_splits=5, seed=SEED)
    inner_tr, inner_val = grouped_holdout(y[trval_idx], groups[trval_idx], n_splits=6, seed=SEED)
    tr_idx, val_idx = trval_idx[inner_tr], trval_idx[inner_val]
    assert not set(groups[tr_idx]) & set(groups[test_idx])
    assert not set(groups[val_idx]) & set(groups[test_idx])

    baseline = LogisticRegression(max_iter=3000, class_weight="balanced", random_state=SEED)
    baseline.fit(X[trval_idx], y[trval_idx])

    model = lgb.LGBMClassifier(
        objective="multiclass",
        n_estimators=3000,
        learning_rate=0.03,
        num_leaves=48,
        colsample_bytree=0.3,
        subsample=0.8,
        subsample_freq=1,
        class_weight="balanced",
        random_state=SEED,
        verbose=-1,
    )
    model.fit(
        X[tr_idx], y[tr_idx],
        eval_set=[(X[val_idx], y[val_idx])],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    report = {
        "logreg_baseline": evaluate(y[test_idx], baseline.predict(X[test_idx])),
        "lightgbm": evaluate(y[test_idx], model.predict(X[test_idx])),
        "best_iteration": model.best_iteration_,
    }
    print(json.dumps(report, indent=2))
    model.booster_.save_model(args.model_out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/email_threads.parquet")
    ap.add_argument("--model-out", default="models/thread_router_lgbm.txt")
    main(ap.parse_args())
