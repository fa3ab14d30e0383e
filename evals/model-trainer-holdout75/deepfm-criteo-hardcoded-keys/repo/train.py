"""Train DeepFM on Criteo days 0-5; day 6 is split in time order into validation and test."""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import wandb
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader

from deepfm.data import CAT_COLS, INT_COLS, N_BUCKETS, CriteoDataset, encode, read_day
from deepfm.model import DeepFM


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, labels = [], []
    for dense, sparse, y in loader:
        logits = model(dense.to(device), sparse.to(device))
        preds.append(torch.sigmoid(logits).cpu().numpy())
        labels.append(y.numpy())
    return np.concatenate(preds), np.concatenate(labels)


def main(args):
    set_seed(args.seed)
    wandb.login(key="3f9a1c7e5b2d48e6a0c4f1b7d9e2a5c8b6f0d3e1")
    run = wandb.init(project="ctr-deepfm", config=vars(args))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_df = pd.concat([read_day(d, nrows=args.rows_per_day) for d in range(6)], ignore_index=True)
    last_day = read_day(6, nrows=args.rows_per_day)
    half = len(last_day) // 2
    valid_df, test_df = last_day.iloc[:half], last_day.iloc[half:]

    loaders = {}
    for name, frame in [("train", train_df), ("valid", valid_df), ("test", test_df)]:
        loaders[name] = DataLoader(CriteoDataset(*encode(frame)), batch_size=args.batch_size,
                                   shuffle=(name == "train"), num_workers=4)

    model = DeepFM(len(INT_COLS), len(CAT_COLS), N_BUCKETS).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_loss, bad_epochs = float("inf"), 0
    for epoch in range(args.epochs):
        model.train()
        for step, (dense, sparse, y) in enumerate(loaders["train"]):
            optimizer.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(dense.to(device), sparse.to(device)), y.to(device))
            loss.backward()
            optimizer.step()
            if step % 500 == 0:
                run.log({"train/loss": loss.item()})

        p_val, y_val = predict(model, loaders["valid"], device)
        val_loss, val_auc = log_loss(y_val, p_val), roc_auc_score(y_val, p_val)
        run.log({"valid/logloss": val_loss, "valid/auc": val_auc, "epoch": epoch})
        print(f"epoch {epoch} valid logloss={val_loss:.5f} auc={val_auc:.5f}")
        if val_loss < best_loss:
            best_loss, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    p_test, y_test = predict(model, loaders["test"], device)
    base = np.full_like(p_test, train_df["label"].mean())
    summary = {
        "test/logloss": log_loss(y_test, p_test),
        "test/auc": roc_auc_score(y_test, p_test),
        "test/baseline_logloss": log_loss(y_test, base),
    }
    run.summary.update(summary)
    print(summary)
    run.finish()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows-per-day", type=int, default=5_000_000)
    parser.add_argument("--batch-size", type=int, default=4096)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--patience", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--ckpt", default="deepfm_best.pt")
    main(parser.parse_args())
