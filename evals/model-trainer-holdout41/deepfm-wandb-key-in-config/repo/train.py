"""Train DeepFM for feed-ads CTR and log to Weights & Biases."""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from config import TrainConfig
from deepfm import DeepFM


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def encode(train, others, cols):
    """Index categorical values by the training vocabulary; unseen values map to 0."""
    cards = []
    for c in cols:
        vocab = {v: i + 1 for i, v in enumerate(train[c].astype(str).unique())}
        for frame in others:
            frame[c] = frame[c].astype(str).map(vocab).fillna(0).astype("int64")
        train[c] = train[c].astype(str).map(vocab).astype("int64")
        cards.append(len(vocab) + 1)
    return cards


def to_loader(df, cfg, shuffle):
    ds = TensorDataset(torch.tensor(df[cfg.sparse_cols].to_numpy()),
                       torch.tensor(df[cfg.dense_cols].to_numpy(), dtype=torch.float32),
                       torch.tensor(df["click"].to_numpy(), dtype=torch.float32))
    return DataLoader(ds, batch_size=cfg.batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [torch.sigmoid(model(s.to(device), d.to(device))).cpu() for s, d, _ in loader]
    return torch.cat(out).numpy()


def main(cfg: TrainConfig):
    set_seed(cfg.seed)
    wandb.login(key=cfg.wandb_api_key)
    run = wandb.init(project=cfg.wandb_project, entity=cfg.wandb_entity, config=vars(cfg))
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_parquet(cfg.train_path).sort_values("ts")
    last_day = df["date"].max()
    cut = pd.Timestamp(last_day) - pd.Timedelta(days=cfg.eval_days)
    train_df = df[pd.to_datetime(df["date"]) <= cut].copy()
    eval_df = df[pd.to_datetime(df["date"]) > cut].copy()
    valid_df, test_df = eval_df[eval_df["date"] < last_day].copy(), eval_df[eval_df["date"] == last_day].copy()
    cards = encode(train_df, [valid_df, test_df], cfg.sparse_cols)

    model = DeepFM(cards, len(cfg.dense_cols), cfg.embed_dim, cfg.mlp_dims, cfg.dropout).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    loss_fn = nn.BCEWithLogitsLoss()
    train_loader = to_loader(train_df, cfg, shuffle=True)
    valid_loader = to_loader(valid_df, cfg, shuffle=False)

    best, bad = float("inf"), 0
    for epoch in range(cfg.epochs):
        model.train()
        for step, (s, d, y) in enumerate(train_loader):
            opt.zero_grad()
            loss = loss_fn(model(s.to(device), d.to(device)), y.to(device))
            loss.backward()
            opt.step()
            if step % 500 == 0:
                wandb.log({"train/loss": loss.item()})
        p_val = predict(model, valid_loader, device)
        val_ll = log_loss(valid_df["click"], p_val)
        wandb.log({"epoch": epoch, "val/logloss": val_ll, "val/auc": roc_auc_score(valid_df["click"], p_val)})
        if val_ll < best:
            best, bad = val_ll, 0
            torch.save(model.state_dict(), cfg.checkpoint)
        else:
            bad += 1
            if bad >= cfg.patience:
                break

    model.load_state_dict(torch.load(cfg.checkpoint))
    p_test = predict(model, to_loader(test_df, cfg, shuffle=False), device)
    lr = LogisticRegression(max_iter=500).fit(train_df[cfg.dense_cols], train_df["click"])
    p_lr = lr.predict_proba(test_df[cfg.dense_cols])[:, 1]
    summary = {"test/logloss": log_loss(test_df["click"], p_test), "test/auc": roc_auc_score(test_df["click"], p_test),
               "baseline/logloss": log_loss(test_df["click"], p_lr), "baseline/auc": roc_auc_score(test_df["click"], p_lr)}
    wandb.log(summary)
    print(summary)
    run.finish()


if __name__ == "__main__":
    main(TrainConfig())
