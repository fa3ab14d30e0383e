"""Days to reach target firmness for alpine-style wheels, from make-sheet and cave readings."""
import argparse
import logging
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.decomposition import PCA
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("ripening")
NUMERIC = ["milk_fat_pct", "milk_protein_pct", "cook_temp_c", "ph_at_moulding", "salt_pct",
           "wheel_kg", "cave_temp_c", "cave_rh_pct", "turns_per_week"]


def eda_figure(wheels: pd.DataFrame, out: Path) -> None:
    """Descriptive only: how wheels cluster by recipe. Nothing here feeds the model."""
    z = StandardScaler().fit_transform(wheels[NUMERIC])
    pcs = PCA(n_components=2).fit_transform(z)
    fig, ax = plt.subplots(figsize=(6, 5))
    sc = ax.scatter(pcs[:, 0], pcs[:, 1], c=wheels["days_to_firmness"], s=8, cmap="viridis")
    fig.colorbar(sc, label="days to firmness")
    ax.set_title("Wheels in make-sheet PCA space (all data, EDA)")
    fig.savefig(out / "pca_overview.png", dpi=150)
    wheels[NUMERIC + ["days_to_firmness"]].corr().round(2).to_csv(out / "correlations.csv")


def main(csv: str, out: str, seed: int) -> None:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    wheels = pd.read_csv(csv).dropna(subset=NUMERIC + ["days_to_firmness"])
    eda_figure(wheels, out_dir)

    # wheels from the same vat share milk and make conditions -> split by vat
    splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=seed)
    train_idx, test_idx = next(splitter.split(wheels, groups=wheels["vat_id"]))
    train, test = wheels.iloc[train_idx], wheels.iloc[test_idx]

    formula = "days_to_firmness ~ " + " + ".join(NUMERIC) + " + C(season)"
    fitted = smf.ols(formula, data=train).fit(cov_type="cluster", cov_kwds={"groups": train["vat_id"]})
    log.info("\n%s", fitted.summary())

    pred = fitted.predict(test)
    mean_only = np.full(len(test), train["days_to_firmness"].mean())
    metrics = {
        "test_mae": mean_absolute_error(test["days_to_firmness"], pred),
        "test_rmse": mean_squared_error(test["days_to_firmness"], pred) ** 0.5,
        "test_r2": r2_score(test["days_to_firmness"], pred),
        "baseline_mae": mean_absolute_error(test["days_to_firmness"], mean_only),
    }
    pd.Series(metrics).to_csv(out_dir / "test_metrics.csv")
    print(pd.Series(metrics).round(3))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/wheels.csv")
    ap.add_argument("--out", default="reports")
    ap.add_argument("--seed", type=int, default=4)
    a = ap.parse_args()
    main(a.csv, a.out, a.seed)
