"""Train an SVR logD7.4 model on RDKit descriptors with a Bemis-Murcko scaffold split."""
import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.svm import SVR

from qsar.featurize import compute_descriptors, is_valid_smiles, prepare_descriptor_matrix
from qsar.splits import scaffold_split

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")


def regression_report(y_true, y_pred):
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    np.random.seed(cfg["seed"])
    data_cfg = cfg["data"]

    df = pd.read_csv(data_cfg["path"])
    df = df.dropna(subset=[data_cfg["smiles_col"], data_cfg["target_col"]])
    df = df[df[data_cfg["smiles_col"]].map(is_valid_smiles)].reset_index(drop=True)
    smiles = df[data_cfg["smiles_col"]].tolist()
    y = df[data_cfg["target_col"]].to_numpy(dtype=float)
    log.info("%d molecules after cleaning", len(df))

    desc = compute_descriptors(smiles)
    X, feature_names, preprocessors = prepare_descriptor_matrix(desc, cfg["features"]["max_missing"])

    train_idx, valid_idx, test_idx = scaffold_split(
        smiles, cfg["split"]["frac_train"], cfg["split"]["frac_valid"]
    )
    X_train, y_train = X[train_idx], y[train_idx]
    X_valid, y_valid = X[valid_idx], y[valid_idx]
    X_test, y_test = X[test_idx], y[test_idx]
    log.info("scaffold split: %d train / %d valid / %d test", len(train_idx), len(valid_idx), len(test_idx))

    best = None
    for C in cfg["model"]["C_grid"]:
        for gamma in cfg["model"]["gamma_grid"]:
            model = SVR(C=C, gamma=gamma, epsilon=cfg["model"]["epsilon"])
            model.fit(X_train, y_train)
            rmse = regression_report(y_valid, model.predict(X_valid))["rmse"]
            log.info("C=%.3g gamma=%.3g valid RMSE=%.3f", C, gamma, rmse)
            if best is None or rmse < best["rmse"]:
                best = {"rmse": rmse, "C": C, "gamma": gamma, "model": model}

    baseline = DummyRegressor(strategy="mean").fit(X_train, y_train)
    results = {
        "best_params": {"C": best["C"], "gamma": best["gamma"]},
        "valid": regression_report(y_valid, best["model"].predict(X_valid)),
        "test": regression_report(y_test, best["model"].predict(X_test)),
        "test_baseline_mean": regression_report(y_test, baseline.predict(X_test)),
    }
    log.info("test metrics: %s", results["test"])

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(
        {"model": best["model"], "preprocessors": preprocessors, "features": feature_names},
        out_dir / "svr_logd.joblib",
    )
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    main(parser.parse_args().config)
