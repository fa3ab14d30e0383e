"""Exploratory plots for the model documentation pack. Nothing here feeds the model."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd


def default_rate_by(df: pd.DataFrame, col: str, target: str, out_dir: Path) -> pd.Series:
    rates = df.groupby(col, observed=True)[target].mean().sort_index()
    ax = rates.plot.bar(figsize=(7, 4), title=f"Observed default rate by {col}")
    ax.set_ylabel("default rate")
    plt.tight_layout()
    plt.savefig(out_dir / f"default_rate_by_{col}.png")
    plt.close()
    return rates


def describe_numeric(df: pd.DataFrame, cols, out_dir: Path) -> None:
    df[cols].describe(percentiles=[0.01, 0.5, 0.99]).T.to_csv(out_dir / "numeric_summary.csv")
