import json
import logging

import click
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import TimeSeriesSplit

from riverflow.evaluate import scores
from riverflow.features import HORIZON_H, make_table

log = logging.getLogger("riverflow")


@click.command()
@click.option("--obs", "obs_path", default="data/gauge_4721_hourly.csv")
@click.option("--test-start", default="2023-07-01")
@click.option("--flood-cm", default=310.0)
@click.option("--seed", default=97)
def main(obs_path, test_start, flood_cm, seed):
    logging.basicConfig(level=logging.INFO)
    obs = pd.read_csv(obs_path, parse_dates=["time"], index_col="time").asfreq("h").ffill(limit=3)
    table = make_table(obs)

    # chronological holdout; leave a HORIZON_H gap so no training target overlaps the test inputs
    cut = pd.Timestamp(test_start)
    past = table[table.index < cut - pd.Timedelta(hours=HORIZON_H)]
    future = table[table.index >= cut]
    feats = [c for c in table.columns if c != "target"]

    params = dict(n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=50,
                  subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=seed, verbose=-1)
    tss = TimeSeriesSplit(n_splits=5, gap=HORIZON_H, test_size=24 * 60)
    fold_rounds, fold_mae = [], []
    for k, (a, b) in enumerate(tss.split(past)):
        m = lgb.LGBMRegressor(**params)
        m.fit(past.iloc[a][feats], past.iloc[a]["target"],
              eval_set=[(past.iloc[b][feats], past.iloc[b]["target"])], eval_metric="l1",
              callbacks=[lgb.early_stopping(100, verbose=False)])
        fold_rounds.append(m.best_iteration_)
        fold_mae.append(scores(past.iloc[b]["target"], m.predict(past.iloc[b][feats]), flood_cm)["mae"])
        log.info("fold %d  best_iter=%d  mae=%.2f", k, m.best_iteration_, fold_mae[-1])

    final = lgb.LGBMRegressor(**{**params, "n_estimators": int(np.median(fold_rounds))})
    final.fit(past[feats], past["target"])

    report = {
        "cv_mae": float(np.mean(fold_mae)),
        "test_model": scores(future["target"], final.predict(future[feats]), flood_cm),
        "test_persistence": scores(future["target"], future["stage_lag0"], flood_cm),
    }
    click.echo(json.dumps(report, indent=2, default=float))
    final.booster_.save_model("gauge_4721_lgbm.txt")


if __name__ == "__main__":
    main()
