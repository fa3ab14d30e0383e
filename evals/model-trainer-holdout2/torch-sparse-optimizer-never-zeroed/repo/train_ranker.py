"""Click-through model for the article recommender: sparse id embeddings + dense MLP.

Embeddings use SparseAdam (sparse gradients), the MLP uses AdamW.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import log_loss, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class ClickModel(nn.Module):
    def __init__(self, n_users: int, n_items: int, n_dense: int, dim: int = 32) -> None:
        super().__init__()
        self.user_emb = nn.Embedding(n_users, dim, sparse=True)
        self.item_emb = nn.Embedding(n_items, dim, sparse=True)
        self.mlp = nn.Sequential(
            nn.Linear(2 * dim + n_dense, 128), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1),
        )

    def forward(self, users, items, dense):
        joined = torch.cat([self.user_emb(users), self.item_emb(items), dense], dim=1)
        return self.mlp(joined).squeeze(1)


def loader(frame: pd.DataFrame, dense_cols: list[str], shuffle: bool, seed: int) -> DataLoader:
    tensors = TensorDataset(
        torch.tensor(frame["user_idx"].to_numpy()),
        torch.tensor(frame["item_idx"].to_numpy()),
        torch.tensor(frame[dense_cols].to_numpy(dtype=np.float32)),
        torch.tensor(frame["clicked"].to_numpy(dtype=np.float32)),
    )
    return DataLoader(tensors, batch_size=2048, shuffle=shuffle, generator=torch.Generator().manual_seed(seed))


@torch.no_grad()
def score(model: nn.Module, data: DataLoader) -> tuple[float, float]:
    model.eval()
    probs, labels = [], []
    for users, items, dense, clicked in data:
        probs.append(torch.sigmoid(model(users, items, dense)))
        labels.append(clicked)
    p, y = torch.cat(probs).numpy(), torch.cat(labels).numpy()
    return roc_auc_score(y, p), log_loss(y, p)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--impressions", default="data/impressions.parquet")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=99)
    args = parser.parse_args()
    seed_all(args.seed)

    log = pd.read_parquet(args.impressions).sort_values("served_at")
    dense_cols = ["item_age_hours", "user_ctr_7d", "item_ctr_7d", "position"]
    days = log["served_at"].dt.normalize()
    train_log = log[days < days.max() - pd.Timedelta(days=2)]
    valid_log = log[days == days.max() - pd.Timedelta(days=2)]
    test_log = log[days > days.max() - pd.Timedelta(days=2)]

    model = ClickModel(log["user_idx"].max() + 1, log["item_idx"].max() + 1, len(dense_cols))
    sparse_opt = torch.optim.SparseAdam(list(model.user_emb.parameters()) + list(model.item_emb.parameters()), lr=5e-3)
    dense_opt = torch.optim.AdamW(model.mlp.parameters(), lr=1e-3, weight_decay=1e-4)
    bce = nn.BCEWithLogitsLoss()

    train_data = loader(train_log, dense_cols, shuffle=True, seed=args.seed)
    valid_data = loader(valid_log, dense_cols, shuffle=False, seed=args.seed)
    best_auc, stale = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for users, items, dense, clicked in train_data:
            dense_opt.zero_grad()
            loss = bce(model(users, items, dense), clicked)
            loss.backward()
            sparse_opt.step()
            dense_opt.step()
        val_auc, val_ll = score(model, valid_data)
        print(f"epoch {epoch}: valid AUC {val_auc:.4f} logloss {val_ll:.4f}")
        if val_auc > best_auc:
            best_auc, stale = val_auc, 0
            torch.save(model.state_dict(), "click_model.pt")
        else:
            stale += 1
            if stale == 3:
                break

    model.load_state_dict(torch.load("click_model.pt", weights_only=True))
    test_auc, test_ll = score(model, loader(test_log, dense_cols, shuffle=False, seed=args.seed))
    prior = float(train_log["clicked"].mean())
    print(f"test AUC {test_auc:.4f}  logloss {test_ll:.4f}  (constant-CTR logloss {log_loss(test_log['clicked'], np.full(len(test_log), prior)):.4f})")


if __name__ == "__main__":
    main()
