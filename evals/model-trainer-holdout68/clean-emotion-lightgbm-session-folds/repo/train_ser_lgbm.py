"""4-class speech emotion recognition (IEMOCAP-style: neutral/happy+excited/angry/sad) with LightGBM.

Evaluation protocol: leave-one-session-out over the 5 recorded sessions (speaker-independent),
with the next session held out inside each training fold for early stopping.
After the cross-validated estimate, a deployment model is refit on all sessions.
"""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score

CLASSES = ["neutral", "happy", "angry", "sad"]
PARAMS = dict(
    objective="multiclass",
    n_estimators=4000,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.5,
    reg_lambda=1.0,
    class_weight="balanced",
    verbose=-1,
)


def load(path):
    df = pd.read_csv(path)
    df["emotion"] = df["emotion"].replace({"excited": "happy"})
    df = df[df["emotion"].isin(CLASSES)].reset_index(drop=True)
    df["y"] = df["emotion"].map(CLASSES.index)
    return df, [c for c in df.columns if c.startswith(("egemaps_", "compare_"))]


def scores(y_true, y_pred):
    return {
        "UA": balanced_accuracy_score(y_true, y_pred),
        "WA": accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }


def main(args):
    df, cols = load(args.features)
    sessions = sorted(df["session"].unique())
    print(df.groupby("session")["emotion"].value_counts().unstack())

    fold_rows, best_iters = [], []
    for i, test_sess in enumerate(sessions):
        val_sess = sessions[(i + 1) % len(sessions)]
        tr = df[~df["session"].isin([test_sess, val_sess])]
        va = df[df["session"] == val_sess]
        te = df[df["session"] == test_sess]

        model = lgb.LGBMClassifier(random_state=args.seed, **PARAMS)
        model.fit(tr[cols], tr["y"], eval_set=[(va[cols], va["y"])], eval_metric="multi_logloss",
                  callbacks=[lgb.early_stopping(100, verbose=False)])
        best_iters.append(model.best_iteration_)

        dummy = DummyClassifier(strategy="most_frequent").fit(tr[cols], tr["y"])
        row = {"test_session": test_sess, "best_iter": model.best_iteration_}
        row.update({f"lgbm_{k}": v for k, v in scores(te["y"], model.predict(te[cols])).items()})
        row.update({f"dummy_{k}": v for k, v in scores(te["y"], dummy.predict(te[cols])).items()})
        fold_rows.append(row)
        print(row)

    folds = pd.DataFrame(fold_rows)
    summary = folds.drop(columns=["test_session"]).agg(["mean", "std"]).round(4)
    print(summary)

    final_iters = int(np.median(best_iters))
    final = lgb.LGBMClassifier(random_state=args.seed, **{**PARAMS, "n_estimators": final_iters})
    final.fit(df[cols], df["y"])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": final, "features": cols, "classes": CLASSES}, out / "ser_lgbm_all_sessions.joblib")
    folds.to_csv(out / "loso_folds.csv", index=False)
    (out / "loso_summary.json").write_text(summary.to_json(indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--features", default="data/iemocap_functionals.csv")
    p.add_argument("--out", default="models/ser_lgbm")
    p.add_argument("--seed", type=int, default=2023)
    main(p.parse_args())
