import json
import logging
import random
import sys

import numpy as np
import torch
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from torch.utils.data import DataLoader, TensorDataset

from carprice.data import load_listings, three_way_split
from carprice.features import TabularEncoder
from carprice.nets import PriceMLP
from carprice.trainer import Trainer

logging.basicConfig(level=logging.INFO, stream=sys.stdout)


def loader(X, y, bs, shuffle):
    return DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=bs, shuffle=shuffle)


def main(conf_path="conf/mlp.yaml"):
    conf = yaml.safe_load(open(conf_path))
    random.seed(conf["seed"])
    np.random.seed(conf["seed"])
    torch.manual_seed(conf["seed"])
    cols = conf["columns"]

    df = load_listings(conf["data"]["listings"], cols["target"])
    train, val, test = three_way_split(df, conf["data"]["test_size"], conf["data"]["val_size"], conf["seed"])
    enc = TabularEncoder(cols["numeric"], cols["categorical"]).fit(train)
    X = {name: enc.transform(part) for name, part in [("train", train), ("val", val), ("test", test)]}
    y = {name: part["log_price"].to_numpy(np.float32) for name, part in [("train", train), ("val", val), ("test", test)]}

    bs = conf["optim"]["batch_size"]
    model = PriceMLP(X["train"].shape[1], conf["model"]["hidden"], conf["model"]["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=conf["optim"]["lr"], weight_decay=conf["optim"]["weight_decay"])
    trainer = Trainer(model, opt, torch.nn.MSELoss(), "cpu", conf["output"], conf["optim"]["patience"])
    trainer.fit(loader(X["train"], y["train"], bs, True), loader(X["val"], y["val"], bs, False), conf["optim"]["max_epochs"])

    pred_test = np.exp(trainer.predict(loader(X["test"], y["test"], bs, False)))
    truth = test[cols["target"]].to_numpy()
    median_baseline = np.full_like(truth, np.median(train[cols["target"]]), dtype=float)
    report = {
        "mlp": {
            "mae": mean_absolute_error(truth, pred_test),
            "rmse": mean_squared_error(truth, pred_test) ** 0.5,
            "r2": r2_score(truth, pred_test),
        },
        "median_baseline": {
            "mae": mean_absolute_error(truth, median_baseline),
            "rmse": mean_squared_error(truth, median_baseline) ** 0.5,
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
