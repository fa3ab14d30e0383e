"""Train the retrieval two-tower model with in-batch negatives (logQ corrected)."""
import argparse
import random
from dataclasses import dataclass

import numpy as np
import torch
from torch.utils.data import DataLoader

from twotower import InteractionDataset, TwoTower, load_interactions, recall_ndcg_at_k, temporal_split
from twotower.data import ground_truth, item_log_frequency
from twotower.metrics import popularity_recall_ndcg


@dataclass
class Config:
    data: str = "data/interactions.parquet"
    batch_size: int = 2048
    accum_steps: int = 4
    lr: float = 1e-3
    weight_decay: float = 1e-6
    epochs: int = 30
    patience: int = 3
    k: int = 50
    seed: int = 2024
    ckpt: str = "checkpoints/two_tower.pt"


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg: Config):
    seed_everything(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = load_interactions(cfg.data)
    n_users, n_items = df["user_idx"].max() + 1, df["item_idx"].max() + 1
    train_df, valid_df, test_df = temporal_split(df)
    seen = ground_truth(train_df)
    valid_truth, test_truth = ground_truth(valid_df), ground_truth(test_df)

    logq = item_log_frequency(train_df, n_items)
    train_loader = DataLoader(InteractionDataset(train_df, logq), batch_size=cfg.batch_size,
                              shuffle=True, drop_last=True, num_workers=4)

    model = TwoTower(n_users, n_items).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)

    best_recall, bad_epochs = -1.0, 0
    for epoch in range(cfg.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, (users, items, item_logq) in enumerate(train_loader, start=1):
            users, items, item_logq = users.to(device), items.to(device), item_logq.to(device)
            loss = model.in_batch_loss(users, items, item_logq) / cfg.accum_steps
            loss.backward()
            if step % cfg.accum_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
                optimizer.step()
            running += loss.item() * cfg.accum_steps

        val_recall, val_ndcg = recall_ndcg_at_k(model, valid_truth, seen, n_items, device, k=cfg.k)
        print(f"epoch {epoch:02d} loss={running / step:.4f} "
              f"val recall@{cfg.k}={val_recall:.4f} ndcg@{cfg.k}={val_ndcg:.4f}")
        if val_recall > best_recall:
            best_recall, bad_epochs = val_recall, 0
            torch.save(model.state_dict(), cfg.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg.patience:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg.ckpt, map_location=device))
    test_recall, test_ndcg = recall_ndcg_at_k(model, test_truth, seen, n_items, device, k=cfg.k)
    counts = np.bincount(train_df["item_idx"].to_numpy(), minlength=n_items)
    pop_recall, pop_ndcg = popularity_recall_ndcg(counts, test_truth, seen, k=cfg.k)
    print(f"test two-tower  recall@{cfg.k}={test_recall:.4f} ndcg@{cfg.k}={test_ndcg:.4f}")
    print(f"test popularity recall@{cfg.k}={pop_recall:.4f} ndcg@{cfg.k}={pop_ndcg:.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=Config.data)
    parser.add_argument("--epochs", type=int, default=Config.epochs)
    args = parser.parse_args()
    main(Config(data=args.data, epochs=args.epochs))
