import argparse
import json
import os

import torch
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          get_linear_schedule_with_warmup, set_seed)

from data import ChangeDataset
from engine import evaluate, train_one_epoch


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--data_dir", default="data/jit")
    p.add_argument("--model", default="microsoft/codebert-base")
    p.add_argument("--out", default="ckpt/codebert-jit")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--bs", type=int, default=16)
    p.add_argument("--lr", type=float, default=2e-5)
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args()


def main():
    args = parse()
    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    tok = AutoTokenizer.from_pretrained(args.model)
    tok.add_special_tokens({"additional_special_tokens": ["[ADD]", "[DEL]"]})
    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=2)
    model.resize_token_embeddings(len(tok))
    model.to(device)

    split = lambda s: ChangeDataset(os.path.join(args.data_dir, f"changes_{s}.jsonl"), tok)
    train_dl = DataLoader(split("train"), batch_size=args.bs, shuffle=True, num_workers=4)
    valid_dl = DataLoader(split("valid"), batch_size=64, num_workers=4)
    test_dl = DataLoader(split("test"), batch_size=64, num_workers=4)

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps = len(train_dl) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * steps), steps)

    os.makedirs(args.out, exist_ok=True)
    best_auc = -1.0
    for epoch in range(1, args.epochs + 1):
        loss = train_one_epoch(model, train_dl, optimizer, scheduler, device)
        val = evaluate(model, valid_dl, device)
        print(f"epoch {epoch} loss {loss:.4f} val_auc {val['auc']:.4f} val_f1 {val['f1']:.4f}")
        if val["auc"] > best_auc:
            best_auc = val["auc"]
            model.save_pretrained(args.out)
            tok.save_pretrained(args.out)

    best = AutoModelForSequenceClassification.from_pretrained(args.out).to(device)
    test = evaluate(best, test_dl, device)
    print("test:", test)
    with open(os.path.join(args.out, "results.json"), "w") as fh:
        json.dump({"best_val_auc": best_auc, "test": test}, fh, indent=2)


if __name__ == "__main__":
    main()
