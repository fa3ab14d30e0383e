"""Reweighed logistic scorecard: baseline (unweighted) vs. Kamiran-Calders reweighing."""
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from fairscore.audit import audit_table, cutoff_for_bad_rate
from fairscore.reweighing import reweighing_weights

NUMERIC = ["income_log", "dti", "revolving_util", "bureau_score", "months_since_delinq",
           "open_trades", "inquiries_6m", "loan_amount_log", "term_months"]
CATEGORICAL = ["home_ownership", "purpose", "employment_length_band"]


def make_model(C):
    pre = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])
    return Pipeline([("pre", pre), ("lr", LogisticRegression(C=C, max_iter=3000))])


def main():
    p = yaml.safe_load(Path("params.yaml").read_text())
    target, prot = p["target"], p["protected"]
    df = pd.read_parquet(p["data"])
    strata = df[target].astype(str) + "|" + df[prot].astype(str)

    dev, test = train_test_split(df, test_size=p["test_size"], stratify=strata, random_state=p["seed"])
    train, val = train_test_split(dev, test_size=p["val_size"], stratify=strata.loc[dev.index],
                                  random_state=p["seed"])

    weights = reweighing_weights(train[prot], train[target])
    feats = NUMERIC + CATEGORICAL
    unweighted = make_model(p["logreg_C"]).fit(train[feats], train[target])
    reweighed = make_model(p["logreg_C"]).fit(train[feats], train[target], lr__sample_weight=weights.to_numpy())

    results, out_dir = {}, Path(p["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, model in [("unweighted", unweighted), ("reweighed", reweighed)]:
        cutoff = cutoff_for_bad_rate(val[target], model.predict_proba(val[feats])[:, 1], p["target_bad_rate_approved"])
        p_test = model.predict_proba(test[feats])[:, 1]
        results[name] = {
            "cutoff": cutoff,
            "auc": roc_auc_score(test[target], p_test),
            "ap": average_precision_score(test[target], p_test),
            "brier": brier_score_loss(test[target], p_test),
        }
        for col in p["audit_cols"]:
            table = audit_table(test[target], p_test, test[col].astype(str), cutoff)
            table.to_csv(out_dir / f"{name}_{col}.csv", index=False)
            results[name][f"min_air_{col}"] = float(table["air"].min())
        joblib.dump(model, out_dir / f"{name}.joblib")

    (out_dir / "comparison.json").write_text(json.dumps(results, indent=2))
    print(pd.DataFrame(results).T.round(4))


if __name__ == "__main__":
    main()
