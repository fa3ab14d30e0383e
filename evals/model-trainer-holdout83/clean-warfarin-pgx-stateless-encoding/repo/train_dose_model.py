"""Stable warfarin dose prediction from pharmacogenetic + clinical variables (IWPC-style data)."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

SEED = 1337
DATA = Path("data/iwpc_warfarin.tsv")
MANIFEST = json.loads(Path("variant_manifest.json").read_text())
RACES = ["White", "Asian", "Black or African American", "Unknown"]
CLINICAL = ["age_decades", "height_cm", "weight_kg", "amiodarone", "enzyme_inducer"]


def genotype_to_dosage(call: str, effect_allele: str) -> float:
    """'C/T' -> number of effect alleles; missing or malformed calls -> NaN."""
    if not isinstance(call, str) or "/" not in call:
        return np.nan
    return float(sum(a == effect_allele for a in call.split("/")))


def encode(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    for rsid, info in MANIFEST.items():
        out[rsid] = df[rsid].map(lambda c, ea=info["effect_allele"]: genotype_to_dosage(c, ea))
    out["age_decades"] = df["age_group"].str.extract(r"(\d+)")[0].astype(float) / 10
    out["height_cm"] = df["height_cm"]
    out["weight_kg"] = df["weight_kg"]
    out["amiodarone"] = (df["amiodarone"] == "yes").astype(float)
    out["enzyme_inducer"] = df[["carbamazepine", "phenytoin", "rifampin"]].eq("yes").any(axis=1).astype(float)
    race = pd.Categorical(df["race_omb"].where(df["race_omb"].isin(RACES), "Unknown"), categories=RACES)
    out = out.join(pd.get_dummies(race, prefix="race", dtype=float).set_index(df.index))
    return out


def pct_within_20(y_true_dose, y_pred_dose):
    return float(np.mean(np.abs(y_pred_dose - y_true_dose) <= 0.2 * y_true_dose))


def report(name, y_true_sqrt, y_pred_sqrt):
    true_dose, pred_dose = y_true_sqrt ** 2, np.clip(y_pred_sqrt, 0, None) ** 2
    r = {
        "mae_mg_week": mean_absolute_error(true_dose, pred_dose),
        "r2_sqrt_dose": r2_score(y_true_sqrt, y_pred_sqrt),
        "pct_within_20": pct_within_20(true_dose, pred_dose),
    }
    print(f"{name:22s} " + "  ".join(f"{k}={v:.3f}" for k, v in r.items()))
    return r


def main():
    raw = pd.read_csv(DATA, sep="\t")
    raw = raw[raw["therapeutic_dose_mg_week"].notna() & (raw["inr_stable"] == "yes")]
    X = encode(raw)
    y = np.sqrt(raw["therapeutic_dose_mg_week"].values)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=SEED)

    results = {"mean_dose": report("training mean", y_test, np.full_like(y_test, y_fit.mean()))}

    clin_cols = CLINICAL + [c for c in X.columns if c.startswith("race_")]
    med = X_fit[clin_cols].median()
    clinical_lr = LinearRegression().fit(X_fit[clin_cols].fillna(med), y_fit)
    results["clinical_linear"] = report("clinical linear", y_test, clinical_lr.predict(X_test[clin_cols].fillna(med)))

    model = xgb.XGBRegressor(
        n_estimators=3000, learning_rate=0.02, max_depth=3, subsample=0.8, colsample_bytree=0.8,
        min_child_weight=5, reg_lambda=3.0, early_stopping_rounds=150, eval_metric="mae",
        random_state=SEED,
    )
    model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=False)
    results["xgb_pgx"] = report("xgb clinical + PGx", y_test, model.predict(X_test))
    results["xgb_best_iteration"] = int(model.best_iteration)

    out = Path("runs/warfarin_xgb")
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
