"""Bank churn (Playground S4E1): LightGBM with out-of-fold target encoding.

1. hold out 20% (stratified) for an honest estimate,
2. target-encode inside the training part only (OOF), holdout mapped with training stats,
3. compare against a logistic-regression baseline on the holdout,
4. refit the same recipe on all labelled rows and predict test.csv.
"""
import tomllib

import lightgbm as lgb
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from churnte.encoding import oof_target_encode
from churnte.metrics import summarize

NUMERIC = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard",
           "IsActiveMember", "EstimatedSalary"]


def base_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["IsFemale"] = (df["Gender"] == "Female").astype(int)
    df["ZeroBalance"] = (df["Balance"] == 0).astype(int)
    df["AgeActive"] = df["Age"] * df["IsActiveMember"]
    return df


def model_columns(te_columns):
    return NUMERIC + ["IsFemale", "ZeroBalance", "AgeActive"] + [f"{c}_te" for c in te_columns]


def main():
    with open("settings.toml", "rb") as f:
        cfg = tomllib.load(f)
    seed, target, te_cols = cfg["seed"], cfg["target"], cfg["te_columns"]

    labelled = base_features(pd.read_csv(cfg["train_csv"]))
    test = base_features(pd.read_csv(cfg["test_csv"]))

    dev, holdout = train_test_split(labelled, test_size=cfg["holdout_size"],
                                    stratify=labelled[target], random_state=seed)
    dev_enc, (hold_enc,) = oof_target_encode(dev, [holdout], te_cols, target, n_splits=cfg["te_folds"],
                                             smoothing=cfg["te_smoothing"], seed=seed)
    cols = model_columns(te_cols)

    lgbm = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1)
    lgbm.fit(dev_enc[cols], dev_enc[target])
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(dev_enc[NUMERIC], dev_enc[target])

    print("baseline (logreg, raw numeric):", summarize(hold_enc[target], baseline.predict_proba(hold_enc[NUMERIC])[:, 1]))
    print("lightgbm + OOF target encoding:", summarize(hold_enc[target], lgbm.predict_proba(hold_enc[cols])[:, 1]))

    full_enc, (test_enc,) = oof_target_encode(labelled, [test], te_cols, target, n_splits=cfg["te_folds"],
                                              smoothing=cfg["te_smoothing"], seed=seed)
    final = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1)
    final.fit(full_enc[cols], full_enc[target])
    pd.DataFrame({"id": test["id"], target: final.predict_proba(test_enc[cols])[:, 1]}).to_csv(
        "submission.csv", index=False)


if __name__ == "__main__":
    main()
