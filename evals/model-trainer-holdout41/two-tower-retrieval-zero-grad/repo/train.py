"""Train the two-tower candidate retrieval model for the home feed."""
import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from twotower.data import PairDataset, item_log_frequency, time_split
from twotower.model import TwoTower
from twotower.trainer import popularity_recall, recall_at_k, train_epoch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d = cfg["data"]
    events = pd.read_parquet(d["interactions"])
    user_dense = pd.read_parquet(d["user_features"]).sort_values("user_idx").drop(columns="user_idx").to_numpy()
    item_dense = pd.read_parquet(d["item_features"]).sort_values("item_idx").drop(columns="item_idx").to_numpy()
    n_users, n_items = user_dense.shape[0], item_dense.shape[0]

    train, valid, test = time_split(events, d["valid_start"], d["test_start"])
    logq = item_log_frequency(train, n_items)
    loader = DataLoader(PairDataset(train, user_dense, item_dense, logq),
                        batch_size=cfg["train"]["batch_size"], shuffle=True, drop_last=True, num_workers=4)
    seen_train = train.groupby("user_idx")["item_idx"].apply(set).to_dict()

    m = cfg["model"]
    model = TwoTower(n_users, n_items, user_dense.shape[1], item_dense.shape[1],
                     m["embed_dim"], m["hidden_dim"], m["temperature"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                                  weight_decay=cfg["train"]["weight_decay"])

    k = cfg["train"]["recall_k"]
    best, bad = -1.0, 0
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["train"]["epochs"]):
        loss = train_epoch(model, loader, optimizer, device)
        val_recall = recall_at_k(model, valid, seen_train, user_dense, item_dense, device, k=k)
        print(f"epoch {epoch} train_loss {loss:.4f} val recall@{k} {val_recall:.4f}")
        if val_recall > best:
            best, bad = val_recall, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= cfg["train"]["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    seen_before_test = pd.concat([train, valid]).groupby("user_idx")["item_idx"].apply(set).to_dict()
    test_recall = recall_at_k(model, test, seen_before_test, user_dense, item_dense, device, k=k)
    test_recall10 = recall_at_k(model, test, seen_before_test, user_dense, item_dense, device, k=10)
    pop = popularity_recall(pd.concat([train, valid]), test, k=k)
    print(f"test recall@{k} {test_recall:.4f} recall@10 {test_recall10:.4f} popularity recall@{k} {pop:.4f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/two_tower.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
