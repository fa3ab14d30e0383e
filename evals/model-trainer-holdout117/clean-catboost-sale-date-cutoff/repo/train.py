import numpy as np
import yaml
from catboost import CatBoostRegressor, Pool

from data import FEATURES, chronological_split, load_sales


def mdape(y_true, y_pred):
    return float(np.median(np.abs(np.exp(y_pred) / np.exp(y_true) - 1)))


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    df = load_sales(cfg["data"])
    for c in cfg["cat_features"]:
        df[c] = df[c].astype(str)
    train, val, test = chronological_split(df, cfg["val_start"], cfg["test_start"])
    print({k: (len(v), str(v["date"].min().date()), str(v["date"].max().date()))
           for k, v in {"train": train, "val": val, "test": test}.items()})

    pools = {name: Pool(part[FEATURES], part["log_price"], cat_features=cfg["cat_features"])
             for name, part in [("train", train), ("val", val), ("test", test)]}

    model = CatBoostRegressor(**cfg["catboost"], random_seed=cfg["seed"], verbose=500)
    model.fit(pools["train"], eval_set=pools["val"], use_best_model=True)

    for name in ("val", "test"):
        part = val if name == "val" else test
        pred = model.predict(pools[name])
        rmse = float(np.sqrt(np.mean((pred - part["log_price"]) ** 2)))
        print(f"{name}: RMSE(log)={rmse:.4f}  MdAPE={mdape(part['log_price'], pred):.3%}")

    model.save_model(cfg["model_out"])


if __name__ == "__main__":
    main()
