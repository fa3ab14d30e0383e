import json

import lightgbm as lgb
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from src.data import TARGET, load_bank, upsample_minority

CFG = {
    "data": "data/bank-additional-full.csv",
    "seed": 123,
    "test_size": 0.2,
    "lgb": {"n_estimators": 700, "learning_rate": 0.03, "num_leaves": 48, "min_child_samples": 50,
            "subsample": 0.8, "subsample_freq": 1, "colsample_bytree": 0.8, "verbose": -1},
}


def main():
    df = load_bank(CFG["data"])
    print("subscription rate before balancing:", round(df[TARGET].mean(), 4))
    df = upsample_minority(df, ratio=1.0, seed=CFG["seed"])

    X, y = df.drop(columns=[TARGET]), df[TARGET]
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=CFG["test_size"], stratify=y,
                                              random_state=CFG["seed"])

    gbm = lgb.LGBMClassifier(**CFG["lgb"], random_state=CFG["seed"]).fit(X_tr, y_tr)
    num_cols = X.select_dtypes("number").columns
    logreg = LogisticRegression(max_iter=4000).fit(X_tr[num_cols], y_tr)

    scores = {}
    for name, p in [("lightgbm", gbm.predict_proba(X_te)[:, 1]),
                    ("logreg_numeric", logreg.predict_proba(X_te[num_cols])[:, 1])]:
        scores[name] = {"roc_auc": roc_auc_score(y_te, p), "pr_auc": average_precision_score(y_te, p)}
    print(json.dumps(scores, indent=2))
    gbm.booster_.save_model("models/bank_lgbm.txt")


if __name__ == "__main__":
    main()
