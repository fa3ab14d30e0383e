"""Fit the WoE logistic-regression application scorecard (v3)."""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

from woe import WoEBinner

BAD_STATUSES = ["Charged Off", "Default", "Does not meet the credit policy. Status:Charged Off"]


def ks_stat(y_true, p):
    fpr, tpr, _ = roc_curve(y_true, p)
    return float(np.max(tpr - fpr))


def prepare(df):
    df = df[df["loan_status"].isin(BAD_STATUSES + ["Fully Paid"])].copy()
    df["bad_flag"] = df["loan_status"].isin(BAD_STATUSES).astype(int)
    df["emp_length_years"] = (
        df["emp_length"].str.replace("< 1", "0", regex=False).str.extract(r"(\d+)")[0].astype(float)
    )
    df["revol_util"] = df["revol_util"].astype(str).str.rstrip("%").astype(float)
    issue = pd.to_datetime(df["issue_d"], format="%b-%Y")
    ecl = pd.to_datetime(df["earliest_cr_line"], format="%b-%Y")
    df["months_since_earliest_cr"] = (issue - ecl).dt.days / 30.44
    return df


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = prepare(pd.read_parquet(cfg["data"]["path"]))
    target = cfg["data"]["target"]
    feats = cfg["features"]
    print(f"{len(df):,} loans, bad rate {df[target].mean():.3%}")

    binner = WoEBinner(n_bins=cfg["binning"]["n_bins"], eps=cfg["binning"]["eps"])
    X_woe = binner.fit_transform(df[feats], df[target])
    iv = binner.iv_table()
    print(iv.round(4).to_string())
    keep = iv[iv >= cfg["binning"]["min_iv"]].index.tolist()
    print(f"keeping {len(keep)}/{len(feats)} characteristics with IV >= {cfg['binning']['min_iv']}")

    X_train, X_test, y_train, y_test = train_test_split(
        X_woe[keep], df[target],
        test_size=cfg["split"]["test_size"],
        stratify=df[target],
        random_state=cfg["split"]["seed"],
    )

    lr = LogisticRegression(C=cfg["model"]["C"], max_iter=cfg["model"]["max_iter"],
                            random_state=cfg["split"]["seed"])
    lr.fit(X_train, y_train)

    p_test = lr.predict_proba(X_test)[:, 1]
    auc = roc_auc_score(y_test, p_test)
    metrics = {"auc": auc, "gini": 2 * auc - 1, "ks": ks_stat(y_test, p_test),
               "n_train": len(X_train), "n_test": len(X_test), "features": keep}
    print(json.dumps({k: v for k, v in metrics.items() if k != "features"}, indent=2))

    coefs = pd.Series(lr.coef_[0], index=keep)
    if (coefs > 0).any():
        # with WoE inputs every coefficient should be negative (PD of bad)
        print("WARNING: sign reversal on", coefs[coefs > 0].index.tolist())

    joblib.dump({"binner": binner, "model": lr, "features": keep}, out / "scorecard.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(ap.parse_args().config)
