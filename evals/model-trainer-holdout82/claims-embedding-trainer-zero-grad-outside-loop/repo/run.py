import json
import logging
import random
import sys

import numpy as np
import pandas as pd
import torch
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from claimsnet.data import ClaimsPreprocessor, loader
from claimsnet.model import EntityEmbeddingNet
from claimsnet.trainer import Trainer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def report(name, y_true_log, y_pred_log):
    y_true, y_pred = np.expm1(y_true_log), np.expm1(y_pred_log)
    rmse = mean_squared_error(y_true_log, y_pred_log, squared=False)
    print(f"{name:10s} RMSLE={rmse:.4f} MAE={mean_absolute_error(y_true, y_pred):,.0f} "
          f"R2(log)={r2_score(y_true_log, y_pred_log):.4f}")


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    seed_all(cfg["seed"])
    df = pd.read_csv(cfg["data_path"])

    train_df, test_df = train_test_split(df, test_size=cfg["test_size"], random_state=cfg["seed"])
    train_df, val_df = train_test_split(train_df, test_size=cfg["val_size"], random_state=cfg["seed"])

    prep = ClaimsPreprocessor(cfg["categorical"], cfg["numerical"], cfg["target"]).fit(train_df)
    train_t, val_t, test_t = prep.transform(train_df), prep.transform(val_df), prep.transform(test_df)

    model = EntityEmbeddingNet(prep.cardinalities, len(cfg["numerical"]), cfg["hidden"], cfg["dropout"])
    trainer = Trainer(model, cfg["lr"], cfg["epochs"], cfg["patience"], cfg["checkpoint"])
    trainer.fit(loader(train_t, cfg["batch_size"], True, cfg["seed"]), loader(val_t, 4096, False))

    model.eval()
    with torch.no_grad():
        pred_test = model(test_t[0], test_t[1]).numpy()
    y_test = test_t[2].numpy()
    report("embed-mlp", y_test, pred_test)

    x_tr = np.hstack([train_t[0].numpy(), train_t[1].numpy()])
    x_te = np.hstack([test_t[0].numpy(), test_t[1].numpy()])
    report("mean", y_test, DummyRegressor().fit(x_tr, train_t[2].numpy()).predict(x_te))
    report("ridge", y_test, Ridge(alpha=1.0).fit(x_tr, train_t[2].numpy()).predict(x_te))


if __name__ == "__main__":
    main(*sys.argv[1:])
