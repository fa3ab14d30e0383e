import argparse
from pathlib import Path

import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/pipeline.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    df = pd.read_parquet(cfg["paths"]["features"])
    y = df.pop(cfg["target"])
    pool = Pool(df, y, cat_features=cfg["cat_features"])

    model = CatBoostClassifier(**cfg["catboost"], random_seed=cfg["seed"], verbose=200)
    model.fit(pool)
    Path(cfg["paths"]["model"]).parent.mkdir(parents=True, exist_ok=True)
    model.save_model(cfg["paths"]["model"])


if __name__ == "__main__":
    main()
