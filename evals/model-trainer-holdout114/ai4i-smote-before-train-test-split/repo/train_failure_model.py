"""Machine failure classifier on the AI4I 2020 predictive maintenance dataset (UCI).

~3.4% of the 10k rows are failures, so the minority class is synthesised with SMOTE
before training the XGBoost model.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, confusion_matrix, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 42
TARGET = "Machine failure"
# individual failure-mode flags are only known after the failure -> drop
LEAKY = ["TWF", "HDF", "PWF", "OSF", "RNF"]


def load(path):
    df = pd.read_csv(path)
    df = df.drop(columns=["UDI", "Product ID"] + LEAKY)
    df["Type"] = df["Type"].map({"L": 0, "M": 1, "H": 2})
    return df


def engineer(df):
    df = df.copy()
    df["temp_diff"] = df["Process temperature [K]"] - df["Air temperature [K]"]
    df["power_W"] = df["Torque [Nm]"] * df["Rotational speed [rpm]"] * 2 * np.pi / 60
    df["overstrain"] = df["Tool wear [min]"] * df["Torque [Nm]"]
    # xgboost rejects feature names containing [ ] <
    df.columns = [c.replace(" [", "_").replace("]", "") for c in df.columns]
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/ai4i2020.csv")
    parser.add_argument("--model-out", default="models/xgb_failure.joblib")
    args = parser.parse_args()

    df = engineer(load(args.data))
    X = df.drop(columns=[TARGET])
    y = df[TARGET]
    print(f"rows={len(df)} failure rate={y.mean():.3%}")

    smote = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=SEED)
    X_bal, y_bal = smote.fit_resample(X, y)
    print(f"after SMOTE: rows={len(X_bal)} failure rate={y_bal.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=SEED
    )

    model = XGBClassifier(
        n_estimators=400,
        max_depth=5,
        learning_rate=0.05,
        subsample=0.9,
        colsample_bytree=0.8,
        eval_metric="aucpr",
        random_state=SEED,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    print(classification_report(y_test, pred, digits=3))
    print(confusion_matrix(y_test, pred))
    print(f"ROC AUC = {roc_auc_score(y_test, proba):.4f}")
    print(f"PR AUC  = {average_precision_score(y_test, proba):.4f}")

    joblib.dump(model, args.model_out)


if __name__ == "__main__":
    main()
