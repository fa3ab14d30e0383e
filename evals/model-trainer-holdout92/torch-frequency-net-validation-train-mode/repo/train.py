"""Train the MTPL claim frequency network (Poisson deviance, exposure offset)."""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch import nn
from torch.utils.data import DataLoader

from freqnet.data import PolicyDataset, Standardiser, build_vocab
from freqnet.model import FrequencyNet

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["train"]["seed"]
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

poisson_loss = nn.PoissonNLLLoss(log_input=True, full=False, reduction="sum")


def run_validation(model, loader):
    total, n = 0.0, 0
    for x_num, x_cat, log_expo, y in loader:
        x_num, x_cat, log_expo, y = x_num.to(device), x_cat.to(device), log_expo.to(device), y.to(device)
        log_mu = model(x_num, x_cat, log_expo)
        total += poisson_loss(log_mu, y).item()
        n += len(y)
    return total / n


def train_one_epoch(model, loader, optimizer):
    model.train()
    total, n = 0.0, 0
    for x_num, x_cat, log_expo, y in loader:
        x_num, x_cat, log_expo, y = x_num.to(device), x_cat.to(device), log_expo.to(device), y.to(device)
        optimizer.zero_grad()
        loss = poisson_loss(model(x_num, x_cat, log_expo), y)
        (loss / len(y)).backward()
        optimizer.step()
        total += loss.item()
        n += len(y)
    return total / n


def main():
    df = pd.read_parquet(cfg["data"]["path"])
    df = df[df["exposure"] > 0].copy()
    df["log_density"] = np.log1p(df["density"])
    num_cols, cat_cols = cfg["features"]["numeric"], cfg["features"]["categorical"]

    train_df = df[df["policy_year"].isin(cfg["data"]["train_years"])]
    valid_df = df[df["policy_year"] == cfg["data"]["valid_year"]]
    test_df = df[df["policy_year"] == cfg["data"]["test_year"]]

    scaler = Standardiser().fit(train_df, num_cols)
    vocab = build_vocab(train_df, cat_cols)
    make = lambda part, shuffle: DataLoader(
        PolicyDataset(part, scaler, vocab, cat_cols), batch_size=cfg["train"]["batch_size"], shuffle=shuffle
    )
    train_dl, valid_dl, test_dl = make(train_df, True), make(valid_df, False), make(test_df, False)

    model = FrequencyNet(
        len(num_cols), [len(vocab[c]) + 1 for c in cat_cols],
        emb_dim=cfg["model"]["emb_dim"], hidden=cfg["model"]["hidden"], dropout=cfg["model"]["dropout"],
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, bad_epochs = float("inf"), 0
    for epoch in range(cfg["train"]["max_epochs"]):
        tr_loss = train_one_epoch(model, train_dl, optimizer)
        va_loss = run_validation(model, valid_dl)
        print(f"epoch {epoch:02d} train {tr_loss:.5f} valid {va_loss:.5f}")
        if va_loss < best - 1e-6:
            best, bad_epochs = va_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["train"]["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt))
    test_loss = run_validation(model, test_dl)
    y_test = test_df["claim_count"].to_numpy()
    base_rate = train_df["claim_count"].sum() / train_df["exposure"].sum()
    mu0 = base_rate * test_df["exposure"].to_numpy()
    base_loss = float(np.mean(mu0 - y_test * np.log(mu0)))
    print(f"test Poisson NLL  model {test_loss:.5f}  portfolio-rate baseline {base_loss:.5f}")


if __name__ == "__main__":
    main()
