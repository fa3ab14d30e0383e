"""Home-credit style application PD model: LightGBM with CV-tuned num_leaves."""
import numpy as np
import pandas as pd
import yaml
import lightgbm as lgb
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler


def engineer(df):
    df = df.copy()
    df["CREDIT_INCOME_RATIO"] = df["AMT_CREDIT"] / df["AMT_INCOME_TOTAL"]
    df["ANNUITY_INCOME_RATIO"] = df["AMT_ANNUITY"] / df["AMT_INCOME_TOTAL"]
    df["CREDIT_TERM"] = df["AMT_ANNUITY"] / df["AMT_CREDIT"]
    df["DAYS_EMPLOYED_ANOM"] = (df["DAYS_EMPLOYED"] == 365243).astype(int)
    df["DAYS_EMPLOYED"] = df["DAYS_EMPLOYED"].replace(365243, np.nan)
    df["EXT_SOURCE_MEAN"] = df[["EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3"]].mean(axis=1)
    for col in df.select_dtypes("object").columns:
        df[col] = df[col].astype("category")
    return df


def ks(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    return float(np.max(tpr - fpr))


def cv_auc(params, X, y, n_folds):
    folds = StratifiedKFold(n_splits=n_folds, shuffle=True)
    scores = []
    for tr_idx, va_idx in folds.split(X, y):
        m = lgb.LGBMClassifier(**params)
        m.fit(
            X.iloc[tr_idx], y.iloc[tr_idx],
            eval_set=[(X.iloc[va_idx], y.iloc[va_idx])],
            eval_metric="auc",
            callbacks=[lgb.early_stopping(200, verbose=False)],
        )
        scores.append((m.best_score_["valid_0"]["auc"], m.best_iteration_))
    return np.mean([s for s, _ in scores]), int(np.mean([it for _, it in scores]))


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    df = engineer(pd.read_csv(cfg["data_path"]))
    y = df[cfg["target"]]
    X = df.drop(columns=[cfg["target"], cfg["id_col"]])

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["test_size"], stratify=y)

    best = None
    for leaves in cfg["num_leaves_grid"]:
        params = {**cfg["lgbm"], "num_leaves": leaves}
        auc, n_iter = cv_auc(params, X_train, y_train, cfg["n_folds"])
        print(f"num_leaves={leaves}: CV AUC {auc:.4f} at ~{n_iter} trees")
        if best is None or auc > best[0]:
            best = (auc, leaves, n_iter)

    final_params = {**cfg["lgbm"], "num_leaves": best[1], "n_estimators": best[2]}
    model = lgb.LGBMClassifier(**final_params).fit(X_train, y_train)

    num_cols = X_train.select_dtypes("number").columns
    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=3000))
    baseline.fit(X_train[num_cols], y_train)
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)

    for name, p in [
        ("prior", prior.predict_proba(X_test)[:, 1]),
        ("logreg", baseline.predict_proba(X_test[num_cols])[:, 1]),
        ("lightgbm", model.predict_proba(X_test)[:, 1]),
    ]:
        auc = roc_auc_score(y_test, p)
        print(f"{name:9s} AUC {auc:.4f} Gini {2 * auc - 1:.4f} KS {ks(y_test, p):.4f} Brier {brier_score_loss(y_test, p):.5f}")

    model.booster_.save_model("models/lgbm_pd.txt")


if __name__ == "__main__":
    main()
