"""Train the formation-energy MLP.

    python train.py --config configs/mlp.json
"""
import argparse
import json
import logging
from pathlib import Path

import torch
from torch.utils.data import DataLoader

from formation.config import ExperimentConfig
from formation.data import build_datasets, load_table
from formation.model import make_mlp
from formation.trainer import RegressionTrainer
from formation.utils.seed import seed_everything

logging.basicConfig(level=logging.INFO)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/mlp.json")
    cfg = ExperimentConfig.from_json(parser.parse_args().config)
    generator = seed_everything(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds, val_ds, _, feature_cols = build_datasets(load_table(cfg.data_path), cfg.val_frac, cfg.test_frac, cfg.seed)
    train_dl = DataLoader(train_ds, batch_size=cfg.batch_size, shuffle=True, generator=generator)
    val_dl = DataLoader(val_ds, batch_size=2048)

    trainer = RegressionTrainer(make_mlp(len(feature_cols), cfg.hidden, cfg.dropout), cfg.lr, cfg.weight_decay,
                                cfg.patience, cfg.out_dir, device)
    best_val_mae = trainer.fit(train_dl, val_dl, cfg.max_epochs)
    Path(cfg.out_dir, "train_summary.json").write_text(json.dumps({"best_val_mae": best_val_mae}, indent=2))


if __name__ == "__main__":
    main()
