import argparse
import logging
import sys

import numpy as np
import yaml

sys.path.insert(0, "src")
from statarb.backtest import summarise, walk_forward  # noqa: E402
from statarb.data import forward_returns, load_returns  # noqa: E402
from statarb.factors import fit_statistical_factors, residual_features  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    np.random.seed(cfg["seed"])

    rets = load_returns(cfg["universe_file"], cfg["start"], cfg["end"])
    logging.info("returns matrix %s", rets.shape)

    pca, resid = fit_statistical_factors(rets, cfg["n_factors"])
    logging.info("explained variance of %d factors: %.3f", cfg["n_factors"], pca.explained_variance_ratio_.sum())

    panel = residual_features(resid, cfg["feature_lags"])
    panel.index.names = ["date", "ticker"]
    target = f"fwd_{cfg['target_horizon']}d"
    panel[target] = forward_returns(rets, cfg["target_horizon"]).stack()
    panel = panel.dropna()

    feats = [c for c in panel.columns if c != target]
    preds = walk_forward(panel, feats, target, cfg)
    print(summarise(preds, target).round(4).to_string())


if __name__ == "__main__":
    main()
