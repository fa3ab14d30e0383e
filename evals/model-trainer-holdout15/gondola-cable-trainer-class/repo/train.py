import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from gondola.data import RopeSegments
from gondola.model import CableCNN
from gondola.trainer import Trainer


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    cfg = json.loads(Path(ap.parse_args().config).read_text())
    logging.basicConfig(level=logging.INFO)
    seed_all(cfg["seed"])

    files = sorted(Path(cfg["data_dir"]).glob("*.npz"))
    ropes = [f.stem.split("_")[0] for f in files]  # <rope-id>_<inspection-date>.npz
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=cfg["seed"])
    tr_idx, te_idx = next(gss.split(files, groups=ropes))
    train_ds = RopeSegments([files[i] for i in tr_idx], cfg["segment_len"])
    test_ds = RopeSegments([files[i] for i in te_idx], cfg["segment_len"])

    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=g)
    test_dl = DataLoader(test_ds, batch_size=256)

    pos_rate = train_ds.y.mean().item()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = CableCNN()
    trainer = Trainer(
        model,
        torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"]),
        torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_rate) / pos_rate, device=device)),
        device, cfg["patience"], cfg["ckpt_path"],
    )
    final = trainer.fit(train_dl, test_dl, cfg["max_epochs"])
    final["pr_auc_chance_baseline"] = float(test_ds.y.mean())
    print(json.dumps(final, indent=2))


if __name__ == "__main__":
    main()
