import argparse

import lightning as L
import numpy as np
import pandas as pd
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from torch.utils.data import DataLoader

from vanstops.data import NUM, TARGET, Standardiser, split_routes
from vanstops.model import SalesRegressor


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/default.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    df = pd.read_csv(cfg["data"]["csv"])
    train_df, val_df, test_df = split_routes(df, cfg["data"]["val_routes"], cfg["data"]["test_routes"], cfg["seed"])
    std = Standardiser().fit(train_df)
    bs = cfg["train"]["batch_size"]
    train_dl = DataLoader(std.to_dataset(train_df), batch_size=bs, shuffle=True, num_workers=2)
    val_dl = DataLoader(std.to_dataset(val_df), batch_size=1024)
    test_dl = DataLoader(std.to_dataset(test_df), batch_size=1024)

    model = SalesRegressor(len(NUM), **cfg["model"])
    ckpt = ModelCheckpoint(dirpath=cfg["train"]["ckpt_dir"], monitor="val_loss", mode="min", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=cfg["train"]["max_epochs"],
        callbacks=[EarlyStopping(monitor="val_loss", mode="min", patience=cfg["train"]["patience"]), ckpt],
        deterministic=True,
        log_every_n_steps=20,
    )
    trainer.fit(model, train_dl, val_dl)

    # single final look at unseen routes, using the checkpoint chosen on validation loss
    result = trainer.test(model, test_dl, ckpt_path="best")[0]
    y_test = test_df[TARGET].to_numpy()
    base = np.full_like(y_test, train_df[TARGET].mean(), dtype=float)
    print(f"test MAE {result['test_mae']:.2f}  RMSE {result['test_rmse']:.2f}  | "
          f"train-mean baseline MAE {np.abs(y_test - base).mean():.2f}  "
          f"RMSE {np.sqrt(((y_test - base) ** 2).mean()):.2f}")


if __name__ == "__main__":
    main()
