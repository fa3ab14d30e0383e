"""In-hospital mortality at 24h after ICU admission from eICU-CRD derived tables."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 11
DATA_DIR = Path("data/eicu_derived")
OUT_DIR = Path("reports/mortality_24h")

NUMERIC = [
    "age", "admission_weight", "heartrate_min", "heartrate_max", "meanbp_min", "resprate_max",
    "temperature_min", "spo2_min", "gcs_min", "urineoutput_24h", "creatinine_max", "bun_max",
    "lactate_max", "wbc_max", "platelets_min", "bilirubin_max", "ventilated_24h", "vasopressor_24h",
]


def load_cohort() -> pd.DataFrame:
    stays = pd.read_csv(DATA_DIR / "patient_first_stay.csv")
    feats = pd.read_csv(DATA_DIR / "first24h_features.csv")
    df = stays.merge(feats, on="patientunitstayid", how="inner")
    df = df[(df["age"] >= 18) & (df["unitdischargeoffset"] >= 24 * 60)]
    df["died"] = (df["hospitaldischargestatus"] == "Expired").astype(int)
    return df.reset_index(drop=True)


def add_risk_priors(df: pd.DataFrame, label: str) -> pd.DataFrame:
    """Encode high-cardinality categories as their observed mortality rate (smoothed)."""
    df = df.copy()
    global_rate = df[label].mean()
    for col, k in [("unittype", 20), ("apacheadmissiondx", 50), ("hospitalid", 100)]:
        stats = df.groupby(col)[label].agg(["sum", "count"])
        smoothed = (stats["sum"] + k * global_rate) / (stats["count"] + k)
        df[f"{col}_risk"] = df[col].map(smoothed).fillna(global_rate)
    return df


def evaluate(y_true, proba) -> dict:
    return {
        "auroc": round(roc_auc_score(y_true, proba), 4),
        "auprc": round(average_precision_score(y_true, proba), 4),
        "brier": round(brier_score_loss(y_true, proba), 4),
    }


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    df = load_cohort()
    print(f"{len(df)} stays from {df['hospitalid'].nunique()} hospitals, mortality {df['died'].mean():.3f}")

    df = add_risk_priors(df, "died")
    features = NUMERIC + ["unittype_risk", "apacheadmissiondx_risk", "hospitalid_risk"]

    train_df, test_df = train_test_split(df, test_size=0.25, stratify=df["died"], random_state=SEED)
    X_train, y_train = train_df[features], train_df["died"]
    X_test, y_test = test_df[features], test_df["died"]

    pre = ColumnTransformer(
        [("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), features)]
    )
    models = {
        "logreg_age_gcs": make_pipeline(
            ColumnTransformer([("num", SimpleImputer(strategy="median"), ["age", "gcs_min"])]),
            LogisticRegression(max_iter=1000),
        ),
        "logreg_full": make_pipeline(pre, LogisticRegression(C=0.3, max_iter=5000)),
        "hgb": HistGradientBoostingClassifier(
            learning_rate=0.05, max_iter=500, max_leaf_nodes=31, early_stopping=True,
            validation_fraction=0.15, random_state=SEED,
        ),
    }

    results = {}
    for name, model in models.items():
        model.fit(X_train, y_train)
        results[name] = evaluate(y_test, model.predict_proba(X_test)[:, 1])
        print(name, results[name])

    with open(OUT_DIR / "metrics.json", "w") as f:
        json.dump(results, f, indent=2)
    np.save(OUT_DIR / "test_ids.npy", test_df["patientunitstayid"].to_numpy())


if __name__ == "__main__":
    main()
