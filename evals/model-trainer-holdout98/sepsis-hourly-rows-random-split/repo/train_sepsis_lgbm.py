"""Early sepsis prediction (PhysioNet/CinC 2019) with LightGBM on hourly ICU rows.

Each .psv file is one ICU stay with one row per hour. SepsisLabel is 1 from
six hours before clinical onset onwards, so the task is "will this patient be
septic within 6h" evaluated hour by hour.
"""
import argparse
import glob
import os

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler
from tqdm import tqdm

VITALS = ["HR", "O2Sat", "Temp", "SBP", "MAP", "DBP", "Resp"]
LABS = ["Lactate", "WBC", "Creatinine", "Platelets", "Bilirubin_total", "BUN", "Glucose"]
STATIC = ["Age", "Gender", "HospAdmTime", "ICULOS"]
SEED = 7


def load_stays(data_dir):
    frames = []
    for path in tqdm(sorted(glob.glob(os.path.join(data_dir, "*.psv")))):
        stay = pd.read_csv(path, sep="|")
        stay["stay_id"] = os.path.basename(path)[:-4]
        frames.append(stay)
    return pd.concat(frames, ignore_index=True)


def engineer(df):
    df = df.sort_values(["stay_id", "ICULOS"]).copy()
    g = df.groupby("stay_id")
    for col in VITALS + LABS:
        df[f"{col}_measured"] = df[col].notna().astype(int)
        df[col] = g[col].ffill()
    g = df.groupby("stay_id")
    for col in VITALS:
        df[f"{col}_mean6"] = g[col].transform(lambda s: s.rolling(6, min_periods=1).mean())
        df[f"{col}_std6"] = g[col].transform(lambda s: s.rolling(6, min_periods=2).std())
        df[f"{col}_delta"] = g[col].diff()
    df["shock_index"] = df["HR"] / df["SBP"]
    df["n_lactate_draws"] = g["Lactate_measured"].cumsum()
    return df


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default="training_setA")
    parser.add_argument("--out", default="sepsis_lgbm.txt")
    args = parser.parse_args()

    df = engineer(load_stays(args.data_dir))
    feature_cols = [c for c in df.columns if c not in ("SepsisLabel", "stay_id", "Unit1", "Unit2")]
    X, y = df[feature_cols], df["SepsisLabel"].to_numpy()
    print(f"{df['stay_id'].nunique()} stays, {len(df)} hourly rows, positive rate {y.mean():.4f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.1, stratify=y_train, random_state=SEED
    )

    params = dict(
        objective="binary", learning_rate=0.03, num_leaves=63, min_child_samples=100,
        feature_fraction=0.7, bagging_fraction=0.8, bagging_freq=1,
        scale_pos_weight=(1 - y_fit.mean()) / y_fit.mean(), seed=SEED, verbose=-1,
    )
    booster = lgb.train(
        params,
        lgb.Dataset(X_fit, y_fit),
        num_boost_round=3000,
        valid_sets=[lgb.Dataset(X_val, y_val)],
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                             LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_train[VITALS + STATIC], y_train)

    p_lgb = booster.predict(X_test, num_iteration=booster.best_iteration)
    p_lr = baseline.predict_proba(X_test[VITALS + STATIC])[:, 1]
    for name, p in [("logreg(vitals)", p_lr), ("lightgbm", p_lgb)]:
        print(f"{name:15s} AUROC={roc_auc_score(y_test, p):.4f} AUPRC={average_precision_score(y_test, p):.4f}")

    booster.save_model(args.out, num_iteration=booster.best_iteration)


if __name__ == "__main__":
    main()
