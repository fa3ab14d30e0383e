import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader

from ctr.dataset import ImpressionDataset, build_vocab
from ctr.model import WideAndDeepCTR

CAT_COLS = ["campaign_id", "creative_id", "publisher_id", "placement", "device_type", "os", "geo_dma"]
NUM_COLS = ["hour", "bid_floor", "user_imps_24h", "user_clicks_7d", "creative_age_days"]


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def validate(model, loader, device):
    preds, labels = [], []
    for x_cat, x_num, y in loader:
        logits = model(x_cat.to(device), x_num.to(device))
        preds.append(torch.sigmoid(logits).detach().cpu().numpy())
        labels.append(y.numpy())
    preds, labels = np.concatenate(preds), np.concatenate(labels)
    return roc_auc_score(labels, preds), log_loss(labels, np.clip(preds, 1e-7, 1 - 1e-7))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/impressions_2024w30_w33.parquet")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=4096)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--patience", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    imps = pd.read_parquet(args.data).sort_values("event_ts").reset_index(drop=True)
    n = len(imps)
    train_df = imps.iloc[: int(0.8 * n)]
    valid_df = imps.iloc[int(0.8 * n): int(0.9 * n)]
    test_df = imps.iloc[int(0.9 * n):]

    vocab = build_vocab(train_df, CAT_COLS)
    mu, sigma = train_df[NUM_COLS].mean(), train_df[NUM_COLS].std() + 1e-6
    datasets = {}
    for name, df in [("train", train_df), ("valid", valid_df), ("test", test_df)]:
        df = df.copy()
        df[NUM_COLS] = (df[NUM_COLS] - mu) / sigma
        datasets[name] = ImpressionDataset(df, CAT_COLS, NUM_COLS, vocab)

    train_loader = DataLoader(datasets["train"], batch_size=args.batch_size, shuffle=True, drop_last=True)
    valid_loader = DataLoader(datasets["valid"], batch_size=args.batch_size)
    test_loader = DataLoader(datasets["test"], batch_size=args.batch_size)

    model = WideAndDeepCTR([len(vocab[c]) for c in CAT_COLS], len(NUM_COLS)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-6)
    criterion = torch.nn.BCEWithLogitsLoss()
    ckpt = Path("checkpoints/wide_deep_ctr.pt")
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_auc, bad_epochs = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for x_cat, x_num, y in train_loader:
            x_cat, x_num, y = x_cat.to(device), x_num.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x_cat, x_num), y)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(y)
        val_auc, val_ll = validate(model, valid_loader, device)
        print(f"epoch {epoch:02d} train_loss={running / len(datasets['train']):.4f} "
              f"val_auc={val_auc:.4f} val_logloss={val_ll:.4f}")
        if val_auc > best_auc:
            best_auc, bad_epochs = val_auc, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt))
    test_auc, test_ll = validate(model, test_loader, device)
    base_rate = datasets["train"].y.mean()
    base_ll = log_loss(datasets["test"].y, np.full(len(datasets["test"]), base_rate))
    print(f"test AUC={test_auc:.4f} logloss={test_ll:.4f} (constant-CTR baseline logloss={base_ll:.4f})")


if __name__ == "__main__":
    main()
