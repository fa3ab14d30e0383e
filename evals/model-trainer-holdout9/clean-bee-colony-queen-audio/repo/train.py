import logging

import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from hive.data import HiveClips, mel_stats, split_by_hive
from hive.model import HiveCNN
from hive.trainer import Trainer
from hive.utils import seed_everything

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("hive")


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    gen = seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    manifest = pd.read_csv(cfg["manifest"])
    train_df, val_df, test_df = split_by_hive(manifest, cfg["seed"])
    mean, std = mel_stats(train_df, cfg["spec_dir"])

    make = lambda df, aug: HiveClips(df, cfg["spec_dir"], mean, std, augment=aug)
    train_dl = DataLoader(make(train_df, True), batch_size=cfg["batch_size"], shuffle=True, generator=gen)
    val_dl = DataLoader(make(val_df, False), batch_size=cfg["batch_size"])
    test_dl = DataLoader(make(test_df, False), batch_size=cfg["batch_size"])

    model = HiveCNN()
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    trainer = Trainer(model, opt, device, cfg["ckpt"], cfg["patience"])
    trainer.fit(train_dl, val_dl, cfg["epochs"])

    test_metrics = trainer.evaluate(test_dl)
    majority = max(train_df["queenless"].mean(), 1 - train_df["queenless"].mean())
    log.info("TEST %s | majority-class accuracy %.3f", test_metrics, majority)


if __name__ == "__main__":
    main()
