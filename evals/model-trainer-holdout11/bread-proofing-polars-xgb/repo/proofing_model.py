import argparse
import json

import numpy as np
import polars as pl
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

SEED = 99
FEATURES = ["hydration_pct", "starter_age_h", "flour_protein_pct", "salt_pct", "room_temp_c",
            "room_rh_pct", "dough_temp_c", "batch_kg", "is_rye", "bakery_typical_proof"]


def load(path: str) -> pl.DataFrame:
    df = pl.read_csv(path)
    return df.with_columns(
        (pl.col("flour_type") == "rye").cast(pl.Int8).alias("is_rye"),
        pl.col("dough_temp_c").fill_null(pl.col("room_temp_c")),
    )


def main(path: str) -> None:
    batches = load(path)
    per_bakery = batches.group_by("bakery_id").agg(
        pl.col("proof_minutes").mean().alias("bakery_typical_proof")
    )
    batches = batches.join(per_bakery, on="bakery_id", how="left")

    shuffled = batches.sample(fraction=1.0, shuffle=True, seed=SEED)
    n = shuffled.height
    train = shuffled.slice(0, int(0.7 * n))
    valid = shuffled.slice(int(0.7 * n), int(0.15 * n))
    test = shuffled.slice(int(0.85 * n), n)

    def xy(part):
        return part.select(FEATURES).to_numpy(), part["proof_minutes"].to_numpy()

    (Xtr, ytr), (Xva, yva), (Xte, yte) = xy(train), xy(valid), xy(test)
    reg = xgb.XGBRegressor(n_estimators=2000, learning_rate=0.03, max_depth=5, subsample=0.8,
                           colsample_bytree=0.8, early_stopping_rounds=100, random_state=SEED)
    reg.fit(Xtr, ytr, eval_set=[(Xva, yva)], verbose=False)

    pred = reg.predict(Xte)
    naive = np.full_like(yte, np.median(ytr), dtype=float)
    report = {
        "mae": mean_absolute_error(yte, pred),
        "rmse": mean_squared_error(yte, pred) ** 0.5,
        "r2": r2_score(yte, pred),
        "median_baseline_mae": mean_absolute_error(yte, naive),
        "best_iteration": int(reg.best_iteration),
    }
    print(json.dumps(report, indent=2))
    reg.save_model("proof_xgb.json")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/proofing_batches.csv")
    main(p.parse_args().data)
