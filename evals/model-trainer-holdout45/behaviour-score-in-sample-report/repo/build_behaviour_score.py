"""Monthly rebuild of the credit-card behaviour score (monotone XGBoost) and its validation report."""
import json
from pathlib import Path

import pandas as pd
import yaml
from xgboost import XGBClassifier

from report import validation_report


def load(cfg):
    df = pd.read_csv(cfg["data"])
    feats = list(cfg["features"])
    df = df.dropna(subset=[cfg["target"]])
    return df[feats], df[cfg["target"]].astype(int)


def main():
    cfg = yaml.safe_load(open("model_config.yaml"))
    X, y = load(cfg)
    print(f"{len(X):,} accounts, bad rate {y.mean():.2%}")

    monotone = tuple(cfg["features"][f] for f in X.columns)
    model = XGBClassifier(**cfg["xgb"], monotone_constraints=monotone, eval_metric="auc")
    model.fit(X, y)

    scores = model.predict_proba(X)[:, 1]
    report = validation_report(y.values, scores)
    print(f"AUC {report['auc']}  Gini {report['gini']}  KS {report['ks']}  "
          f"top-decile capture {report['top_decile_capture']}")

    imp = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
    report["feature_gain"] = imp.round(2).to_dict()
    report["n_accounts"] = int(len(X))
    report["bad_rate"] = float(y.mean())

    out = Path(cfg["report_path"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    model.save_model("models/behaviour_score.json")


if __name__ == "__main__":
    main()
