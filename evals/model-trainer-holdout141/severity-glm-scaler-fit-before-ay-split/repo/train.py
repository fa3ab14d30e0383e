"""Fit a gamma GLM on closed property claims and back-test on the latest accident year."""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import TweedieRegressor
from sklearn.metrics import mean_absolute_error, mean_gamma_deviance

from features import add_derived, build_design_matrix


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    claims = pd.read_csv(cfg["data"]["claims_path"])
    claims = claims[claims["incurred_amount"] >= cfg["data"]["min_incurred"]].reset_index(drop=True)
    claims = add_derived(claims)

    X, transformers = build_design_matrix(
        claims, cfg["features"]["numeric"], cfg["features"]["categorical"]
    )
    y = claims["incurred_amount"].values

    is_test = claims["accident_year"].isin(cfg["split"]["test_accident_years"]).values
    X_train, X_test = X[~is_test], X[is_test]
    y_train, y_test = y[~is_test], y[is_test]
    print(f"train claims: {len(y_train)}  test claims: {len(y_test)}")

    glm = TweedieRegressor(
        power=cfg["model"]["power"], link="log",
        alpha=cfg["model"]["alpha"], max_iter=cfg["model"]["max_iter"],
    )
    glm.fit(X_train, y_train)

    pred = glm.predict(X_test)
    metrics = {
        "test_gamma_deviance": float(mean_gamma_deviance(y_test, pred)),
        "test_mae": float(mean_absolute_error(y_test, pred)),
        "avg_pred_over_actual": float(pred.mean() / y_test.mean()),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"glm": glm, **transformers}, out / "severity_glm.joblib")
    coefs = pd.Series(np.r_[glm.intercept_, glm.coef_], index=["intercept"] + transformers["columns"])
    coefs.to_csv(out / "relativities_log.csv")
    json.dump(metrics, open(out / "metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
