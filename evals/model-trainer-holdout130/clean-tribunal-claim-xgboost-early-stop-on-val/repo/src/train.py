import json
import sys

import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from features import CaseFeaturizer, basic_columns


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    df = basic_columns(pd.read_parquet(cfg["data_path"]))
    y = df[cfg["target"]].astype(int)

    dev_df, test_df = train_test_split(df, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"])
    tr_df, val_df = train_test_split(dev_df, test_size=cfg["val_size"], stratify=dev_df[cfg["target"]],
                                     random_state=cfg["seed"])

    feats = CaseFeaturizer(cfg).fit(tr_df)
    X_tr, X_val, X_te = feats.transform(tr_df), feats.transform(val_df), feats.transform(test_df)
    y_tr, y_val, y_te = (d[cfg["target"]].astype(int) for d in (tr_df, val_df, test_df))

    model = xgb.XGBClassifier(**cfg["xgb"], random_state=cfg["seed"], n_jobs=-1)
    model.fit(X_tr, y_tr, eval_set=[(X_tr, y_tr), (X_val, y_val)], verbose=200)
    print("best iteration:", model.best_iteration)

    p_val = model.predict_proba(X_val)[:, 1]
    p_te = model.predict_proba(X_te)[:, 1]
    metrics = {
        "val_auc": roc_auc_score(y_val, p_val),
        "test_auc": roc_auc_score(y_te, p_te),
        "test_logloss": log_loss(y_te, p_te),
        "test_accuracy": accuracy_score(y_te, p_te >= 0.5),
        "test_base_rate": float(y_te.mean()),
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(metrics, indent=2))
    json.dump(metrics, open("metrics.json", "w"), indent=2)
    model.save_model("et_outcome_xgb.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
