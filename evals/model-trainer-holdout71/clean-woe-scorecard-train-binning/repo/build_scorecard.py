"""Personal-loan application scorecard: monotone WoE binning + logistic regression."""
import json
import tomllib

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from scorekit.binning import MonotoneWoE
from scorekit.report import discrimination, psi, to_points


def main(config="scorecard.toml"):
    with open(config, "rb") as fh:
        cfg = tomllib.load(fh)
    num, target = cfg["data"]["numeric"], cfg["data"]["target"]

    apps = pd.read_parquet(cfg["data"]["path"])
    X, y = apps[num], apps[target].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], stratify=y, random_state=cfg["split"]["seed"])

    binner = MonotoneWoE(**{k: cfg["binning"][k] for k in ("fine_bins", "max_coarse_bins", "min_bin_share")})
    W_train = binner.fit_transform(X_train, y_train)
    iv = pd.Series(binner.iv_).sort_values(ascending=False)
    keep = iv[iv >= cfg["binning"]["min_iv"]].index.tolist()
    print("information value (train):\n", iv.round(3).to_string())

    W_test = binner.transform(X_test)
    model = LogisticRegression(C=cfg["model"]["C"], max_iter=2000).fit(W_train[keep], y_train)
    bureau_only = LogisticRegression(max_iter=2000).fit(W_train[["bureau_score"]], y_train)

    pd_train = model.predict_proba(W_train[keep])[:, 1]
    pd_test = model.predict_proba(W_test[keep])[:, 1]
    report = {
        "scorecard_test": discrimination(y_test, pd_test),
        "bureau_only_test": discrimination(y_test, bureau_only.predict_proba(W_test[["bureau_score"]])[:, 1]),
        "scorecard_train": discrimination(y_train, pd_train),
    }

    pts_train = to_points(-model.decision_function(W_train[keep]), **cfg["scaling"])
    pts_test = to_points(-model.decision_function(W_test[keep]), **cfg["scaling"])
    report["psi_train_vs_test"] = round(psi(pts_train, pts_test), 4)
    print(json.dumps(report, indent=2))

    coefs = pd.Series(model.coef_[0], index=keep)
    if (coefs > 0).any():
        print("warning: positive WoE coefficients (sign flip):", coefs[coefs > 0].index.tolist())

    joblib.dump({"binner": binner, "model": model, "features": keep, "scaling": cfg["scaling"]},
                "artifacts/pl_scorecard.joblib")


if __name__ == "__main__":
    main()
