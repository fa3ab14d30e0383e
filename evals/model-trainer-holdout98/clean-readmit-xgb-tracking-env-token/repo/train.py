import mlflow
import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score, roc_curve
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from readmitx.splits import grouped_holdout
from readmitx.tracking import configure_mlflow

FEATURES = [
    "age", "los_days", "n_admits_12m", "n_ed_6m", "charlson", "n_discharge_meds", "hgb_last",
    "sodium_last", "creatinine_last", "albumin_last", "discharged_home", "discharged_snf",
    "lives_alone", "pcp_visit_booked", "polypharmacy",
]


def ranking(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    seed = cfg["seed"]
    np.random.seed(seed)
    configure_mlflow(cfg["experiment"])

    df = pd.read_parquet(cfg["data"])
    X, y, g = df[FEATURES], df[cfg["label"]].to_numpy(), df[cfg["group"]].to_numpy()
    dev, test = grouped_holdout(y, g, cfg["test_folds"], seed)
    rel_tr, rel_va = grouped_holdout(y[dev], g[dev], cfg["val_folds"], seed)
    tr, va = dev[rel_tr], dev[rel_va]

    with mlflow.start_run():
        mlflow.log_params({**cfg["xgb"], "seed": seed, "n_train": len(tr), "n_val": len(va), "n_test": len(test)})
        model = xgb.XGBClassifier(random_state=seed, **cfg["xgb"])
        model.fit(X.iloc[tr], y[tr], eval_set=[(X.iloc[va], y[va])], verbose=False)

        fpr, tpr, thr = roc_curve(y[va], model.predict_proba(X.iloc[va])[:, 1])
        threshold = float(thr[np.argmax(tpr >= cfg["alert_sensitivity"])])

        baselines = {
            "prior": DummyClassifier(strategy="prior").fit(X.iloc[tr], y[tr]),
            "logreg": make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                                    LogisticRegression(max_iter=2000)).fit(X.iloc[tr], y[tr]),
        }
        for name, clf in {**baselines, "xgb": model}.items():
            for k, v in ranking(y[test], clf.predict_proba(X.iloc[test])[:, 1]).items():
                mlflow.log_metric(f"test_{name}_{k}", v)

        p_test = model.predict_proba(X.iloc[test])[:, 1]
        alert = p_test >= threshold
        mlflow.log_metrics({
            "val_threshold": threshold,
            "test_sensitivity": float(alert[y[test] == 1].mean()),
            "test_ppv": float(y[test][alert].mean()),
            "test_alert_rate": float(alert.mean()),
            "best_iteration": model.best_iteration,
        })
        mlflow.xgboost.log_model(model, "model")


if __name__ == "__main__":
    main()
