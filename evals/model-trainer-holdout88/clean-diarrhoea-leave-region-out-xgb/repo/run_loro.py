"""Leave-one-region-out validation and final model fit for cluster diarrhoea prevalence."""
import argparse
import json
from pathlib import Path

import numpy as np
import xgboost as xgb

from diarrhoea.cv import leave_region_out
from diarrhoea.data import FEATURES, load_clusters
from diarrhoea.utils import load_config, set_seed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/loro.yaml")
    cfg = load_config(parser.parse_args().config)
    set_seed(cfg["seed"])

    dcfg = cfg["data"]
    df = load_clusters(dcfg["path"], dcfg["min_children"])
    print(f"{len(df)} clusters across {df[dcfg['region_col']].nunique()} regions")

    results, best_iters = leave_region_out(df, cfg)
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    results.to_csv(out / "loro_by_region.csv", index=False)
    print(results.groupby("model")[["rmse", "mae", "corr"]].agg(["mean", "std"]).round(4))
    wide = results.pivot(index="region", columns="model", values="rmse")
    wide["gain_vs_mean"] = 1 - wide["xgb"] / wide["train_mean"]
    print(wide.sort_values("gain_vs_mean").round(4).to_string())

    final_params = {k: v for k, v in cfg["xgb"].items() if k != "early_stopping_rounds"}
    final_params["n_estimators"] = int(np.median(best_iters))
    final = xgb.XGBRegressor(random_state=cfg["seed"], **final_params)
    final.fit(df[FEATURES], df[dcfg["target"]], sample_weight=df[dcfg["weight"]])
    final.save_model(out / "diarrhoea_xgb_all_regions.json")
    print(f"final model: {final_params['n_estimators']} trees on all regions")
    with open(out / "final_model_meta.json", "w") as fh:
        json.dump({"features": FEATURES, "n_estimators": final_params["n_estimators"],
                   "best_iters_per_fold": best_iters, "seed": cfg["seed"]}, fh, indent=2)


if __name__ == "__main__":
    main()
