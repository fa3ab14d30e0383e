import argparse
import json
import logging
from pathlib import Path

import joblib
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from churn.prep import load_customers, make_preprocessor, split_frame
from churn.settings import CONFIG

log = logging.getLogger("churn")


def parse_overrides(pairs):
    cfg = json.loads(json.dumps(CONFIG))
    for pair in pairs or []:
        key, value = pair.split("=", 1)
        node = cfg
        *parents, leaf = key.split(".")
        for p in parents:
            node = node[p]
        node[leaf] = type(node[leaf])(value)
    return cfg


def scores(y_true, proba):
    return {
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "brier": brier_score_loss(y_true, proba),
    }


def train(cfg):
    dcfg = cfg["data"]
    df = load_customers(dcfg["path"], dcfg["target"], dcfg["id_col"])
    train_df, test_df = split_frame(df, dcfg["target"], dcfg["test_size"], cfg["seed"])
    y_train = train_df.pop(dcfg["target"]).to_numpy()
    y_test = test_df.pop(dcfg["target"]).to_numpy()

    pre = make_preprocessor(cfg["features"])
    X_train = pre.fit_transform(train_df)
    X_test = pre.transform(test_df)

    baseline = LogisticRegression(C=1.0, max_iter=2000).fit(X_train, y_train)

    model = xgb.XGBClassifier(**cfg["xgb"], random_state=cfg["seed"],
                              early_stopping_rounds=cfg["early_stopping"], eval_metric="aucpr")
    model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=250)
    log.info("stopped at iteration %d", model.best_iteration)

    metrics = {
        "logreg": scores(y_test, baseline.predict_proba(X_test)[:, 1]),
        "xgb": scores(y_test, model.predict_proba(X_test)[:, 1]),
        "best_iteration": int(model.best_iteration),
    }

    out = Path(cfg["artifacts"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"pre": pre, "model": model}, out / "churn_xgb.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    return metrics


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", nargs="*", help="config overrides, e.g. xgb.max_depth=6")
    args = ap.parse_args()
    print(json.dumps(train(parse_overrides(args.set)), indent=2))
