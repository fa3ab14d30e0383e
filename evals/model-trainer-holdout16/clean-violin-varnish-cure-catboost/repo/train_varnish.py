import json
import logging

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool

from varnish.splits import three_way
from varnish.report import pick_threshold, summarise

log = logging.getLogger("varnish")
logging.basicConfig(level=logging.INFO)


def main(cfg_path="settings.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    df = pd.read_csv(cfg["data"])
    feats = [c for c in df.columns if c not in (cfg["target"], cfg["id_col"])]
    fit, holdout_es, test = three_way(df, cfg["target"], cfg["split"]["test_size"], cfg["split"]["es_size"], cfg["seed"])

    pools = {name: Pool(part[feats], part[cfg["target"]], cat_features=cfg["categorical"])
             for name, part in [("fit", fit), ("es", holdout_es), ("test", test)]}

    model = CatBoostClassifier(random_seed=cfg["seed"], verbose=250, **cfg["catboost"])
    model.fit(pools["fit"], eval_set=pools["es"], use_best_model=True)

    thr = pick_threshold(holdout_es[cfg["target"]], model.predict_proba(pools["es"])[:, 1])
    p_test = model.predict_proba(pools["test"])[:, 1]
    metrics = summarise(test[cfg["target"]].to_numpy(), p_test, thr)

    metrics["prior_pr_auc"] = float(np.mean(test[cfg["target"]]))
    metrics["prior_roc_auc"] = 0.5
    log.info("test metrics %s", json.dumps(metrics, default=float))
    model.save_model("varnish_cb.cbm")


if __name__ == "__main__":
    main()
