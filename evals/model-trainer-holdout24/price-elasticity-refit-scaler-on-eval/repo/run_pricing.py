"""Fit the demand models on history up to the cutoff and compare them on the following weeks."""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import yaml

from pricing import GBMDemandModel, LastYearModel, RidgeDemandModel

log = logging.getLogger("pricing")


def prepare(weekly: pd.DataFrame) -> pd.DataFrame:
    weekly = weekly.copy()
    weekly["log_units"] = np.log1p(weekly["units"])
    weekly["log_units_ly"] = np.log1p(weekly["units_ly"])
    weekly["log_price"] = np.log(weekly["avg_price"])
    weekly["log_ref_price"] = np.log(weekly["ref_price"])
    weekly["discount_pct"] = 1 - weekly["avg_price"] / weekly["ref_price"]
    weekly["week_of_year"] = weekly["week_start"].dt.isocalendar().week.astype(int)
    return weekly


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/pricing.yaml")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    cfg = yaml.safe_load(open(args.config))

    weekly = prepare(pd.read_parquet(cfg["weekly_sales_path"], filters=[("category", "==", cfg["category"])]))
    cutoff = pd.Timestamp(cfg["cutoff"])
    horizon_end = cutoff + pd.Timedelta(weeks=cfg["eval_weeks"])
    history = weekly[weekly["week_start"] < cutoff]
    future = weekly[(weekly["week_start"] >= cutoff) & (weekly["week_start"] < horizon_end)]
    log.info("history rows=%d future rows=%d", len(history), len(future))

    models = [LastYearModel(), RidgeDemandModel(alpha=cfg["ridge_alpha"]), GBMDemandModel(seed=cfg["seed"])]
    rows = []
    for m in models:
        m.fit(history)
        rows.append(m.evaluate(future))
        log.info(json.dumps(rows[-1]))

    ridge = models[1]
    log.info("price elasticity (ridge): %.3f", ridge.elasticity())
    pd.DataFrame(rows).to_csv(cfg["report_path"], index=False)


if __name__ == "__main__":
    main()
