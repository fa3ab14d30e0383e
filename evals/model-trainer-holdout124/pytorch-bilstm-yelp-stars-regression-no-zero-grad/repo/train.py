"""Yelp review star regression with a 2-layer BiLSTM.

python train.py --train data/yelp_train.jsonl --valid data/yelp_valid.jsonl --test data/yelp_test.jsonl
"""
import argparse
import re
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from model import BiLSTMRegressor

TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|[!?]")


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


def build_vocab(token_lists, max_size=40000):
    counts = Counter(t for toks in token_lists for t in toks)
    return {w: i + 2 for i, (w, _) in enumerate(counts.most_common(max_size))}  # 0 pad, 1 unk


def encode(df, vocab, max_len):
    return [[vocab.get(t, 1) for t in toks[:max_len]] or [1] for toks in df["tokens"]]


def collate(batch):
    seqs, ys = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    x = torch.zeros(len(seqs), int(lengths.max()), dtype=torch.long)
    for i, s in enumerate(seqs):
        x[i, : len(s)] = torch.tensor(s)
    return x, lengths, torch.tensor(ys, dtype=torch.float32)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [model(x.to(device), lengths).cpu() for x, lengths, _ in loader]
    return torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="data/yelp_train.jsonl")
    ap.add_argument("--valid", default="data/yelp_valid.jsonl")
    ap.add_argument("--test", default="data/yelp_test.jsonl")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--max-len", type=int, default=300)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    frames = {}
    for split in ("train", "valid", "test"):
        df = pd.read_json(getattr(args, split), lines=True)[["review_id", "text", "stars"]]
        df["tokens"] = df["text"].map(tokenize)
        frames[split] = df
    vocab = build_vocab(frames["train"]["tokens"])

    loaders = {}
    for split, df in frames.items():
        pairs = list(zip(encode(df, vocab, args.max_len), df["stars"].astype(float)))
        loaders[split] = DataLoader(pairs, batch_size=64, shuffle=(split == "train"), collate_fn=collate)

    model = BiLSTMRegressor(vocab_size=len(vocab) + 2).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    criterion = nn.MSELoss()

    best_rmse, best_state = float("inf"), None
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        total, n = 0.0, 0
        for x, lengths, y in loaders["train"]:
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x, lengths), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            total += loss.item() * len(y)
            n += len(y)

        val_pred = predict(model, loaders["valid"], device)
        val_rmse = float(np.sqrt(np.mean((val_pred - frames["valid"]["stars"].values) ** 2)))
        print(f"epoch {epoch}: train_mse={total / n:.4f} valid_rmse={val_rmse:.4f}")
        if val_rmse < best_rmse:
            best_rmse = val_rmse
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_pred = predict(model, loaders["test"], device)
    y_test = frames["test"]["stars"].values
    rmse = np.sqrt(np.mean((test_pred - y_test) ** 2))
    mae = np.mean(np.abs(test_pred - y_test))
    print(f"test RMSE={rmse:.4f}  MAE={mae:.4f}  (predict-mean RMSE={np.std(y_test):.4f})")
    torch.save({"state_dict": best_state, "vocab": vocab}, "bilstm_stars.pt")


if __name__ == "__main__":
    main()
