"""Fit the Poisson claim-frequency GLM and write a scoring report.

Usage:
    python train_frequency.py --config configs/frequency.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import PoissonRegressor
from sklearn.model_selection import train_test_split

from freqmodel.features import build_design_matrix, clean_policies
from freqmodel.metrics import score_frequency


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/frequency.yaml")
    return parser.parse_args()


def main():
    args = parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())

    raw = pd.read_csv(cfg["data"]["policies"])
    policies = clean_policies(raw, cfg["data"]["max_exposure"], cfg["data"]["max_claims"])
    print(f"{len(policies):,} policies, {policies['Exposure'].sum():,.0f} exposure-years")

    frequency = (policies["ClaimNb"] / policies["Exposure"]).to_numpy()
    exposure = policies["Exposure"].to_numpy()

    X, transformer = build_design_matrix(policies, cfg["features"])

    X_train, X_test, y_train, y_test, w_train, w_test = train_test_split(
        X,
        frequency,
        exposure,
        test_size=cfg["split"]["test_size"],
        random_state=cfg["split"]["random_state"],
    )

    baseline = DummyRegressor(strategy="mean")
    baseline.fit(X_train, y_train, sample_weight=w_train)

    glm = PoissonRegressor(alpha=cfg["model"]["alpha"], max_iter=cfg["model"]["max_iter"])
    glm.fit(X_train, y_train, sample_weight=w_train)

    report = {}
    for name, model in [("mean_baseline", baseline), ("poisson_glm", glm)]:
        pred = np.clip(model.predict(X_test), 1e-6, None)
        report[name] = score_frequency(y_test, pred, w_test)
        print(name, json.dumps(report[name], indent=2))

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump({"transformer": transformer, "model": glm}, out_dir / "frequency_glm.joblib")
    (out_dir / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
