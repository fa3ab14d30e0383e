"""Fit a team skill model on season 12 ranked matches and compare with the live MMR.

Train on matches before the cutoff, evaluate on later matches (new accounts map
to the 'unknown' embedding).
"""
import json

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from skill_model import TeamSkillModel

A_COLS = [f"a_player_{i}" for i in range(5)]
B_COLS = [f"b_player_{i}" for i in range(5)]
CTX_COLS = ["a_is_blue_side", "a_max_party", "b_max_party"]


def build_tensors(df, player_index, map_index):
    enc = lambda col: df[col].map(player_index).fillna(0).astype(int).to_numpy()
    team_a = np.stack([enc(c) for c in A_COLS], axis=1)
    team_b = np.stack([enc(c) for c in B_COLS], axis=1)
    return TensorDataset(
        torch.tensor(team_a),
        torch.tensor(team_b),
        torch.tensor(df["map_name"].map(map_index).to_numpy()),
        torch.tensor(df[CTX_COLS].to_numpy(), dtype=torch.float32),
        torch.tensor(df["a_won"].to_numpy(), dtype=torch.float32),
    )


def main():
    cfg = json.load(open("config.json"))
    matches = pd.read_parquet(cfg["matches_path"])
    matches["started_at"] = pd.to_datetime(matches["started_at"])
    cutoff = pd.Timestamp(cfg["cutoff"])
    train = matches[matches["started_at"] < cutoff]
    test = matches[matches["started_at"] >= cutoff]

    counts = pd.concat([train[c] for c in A_COLS + B_COLS]).value_counts()
    known = counts[counts >= cfg["min_matches_per_player"]].index
    player_index = {p: i + 1 for i, p in enumerate(known)}
    map_index = {m: i for i, m in enumerate(sorted(matches["map_name"].unique()))}

    train_ds = build_tensors(train, player_index, map_index)
    test_ds = build_tensors(test, player_index, map_index)
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True)
    test_loader = DataLoader(test_ds, batch_size=8192)

    model = TeamSkillModel(len(player_index), len(map_index), cfg["embedding_dim"],
                           cfg["context_hidden"], cfg["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = nn.BCEWithLogitsLoss()

    for epoch in range(cfg["epochs"]):
        model.train()
        total = 0.0
        for a, b, m, ctx, y in train_loader:
            opt.zero_grad()
            loss = loss_fn(model(a, b, m, ctx), y)
            loss.backward()
            opt.step()
            total += loss.item() * len(y)
        print(f"epoch {epoch + 1}: train logloss {total / len(train_ds):.4f}")

    model.eval()
    probs, ys = [], []
    with torch.no_grad():
        for a, b, m, ctx, y in test_loader:
            probs.append(torch.sigmoid(model(a, b, m, ctx)).numpy())
            ys.append(y.numpy())
    p, y_true = np.concatenate(probs), np.concatenate(ys)

    # live matchmaker's expectation from MMR, for comparison
    mmr_diff = (test["a_avg_mmr"] - test["b_avg_mmr"]).to_numpy()
    p_mmr = 1 / (1 + 10 ** (-mmr_diff / 400))
    print(f"test logloss model {log_loss(y_true, p):.4f} | live MMR {log_loss(y_true, p_mmr):.4f}")
    print(f"test AUC      model {roc_auc_score(y_true, p):.4f} | live MMR {roc_auc_score(y_true, p_mmr):.4f}")
    torch.save({"state_dict": model.state_dict(), "player_index": player_index}, cfg["out"])


if __name__ == "__main__":
    main()
