import argparse
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import classification_report
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

from dataset import ASSERTION_LABELS, AssertionDataset
from engine import evaluate, train_one_epoch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def patient_split(df, test_size, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    a, b = next(gss.split(df, groups=df["patient_id"]))
    return df.iloc[a].reset_index(drop=True), df.iloc[b].reset_index(drop=True)


def main(args):
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(args.data)  # one row per annotated finding mention
    dev, test = patient_split(df, 0.15, args.seed)
    train, val = patient_split(dev, 0.15, args.seed)

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    tokenizer.add_special_tokens({"additional_special_tokens": ["[E]", "[/E]"]})
    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=len(ASSERTION_LABELS))
    model.resize_token_embeddings(len(tokenizer))
    model.to(device)

    train_loader = DataLoader(AssertionDataset(train, tokenizer), batch_size=args.bs, shuffle=True)
    val_loader = DataLoader(AssertionDataset(val, tokenizer), batch_size=64)
    test_loader = DataLoader(AssertionDataset(test, tokenizer), batch_size=64)

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total_steps = len(train_loader) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * total_steps), total_steps)

    best_f1, patience = -1.0, 0
    for epoch in range(args.epochs):
        loss = train_one_epoch(model, train_loader, optimizer, scheduler, device)
        val_f1, _ = evaluate(model, val_loader, device)
        print(f"epoch {epoch}  train_loss {loss:.4f}  val_macro_f1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, patience = val_f1, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            patience += 1
            if patience >= 2:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    test_f1, test_preds = evaluate(model, test_loader, device)
    print(f"test macro-F1 {test_f1:.4f}")
    print(classification_report(test["assertion"].map(ASSERTION_LABELS.index), test_preds,
                                target_names=ASSERTION_LABELS, digits=3))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/cxr_finding_mentions.csv")
    p.add_argument("--model", default="dmis-lab/biobert-base-cased-v1.2")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--bs", type=int, default=32)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--ckpt", default="checkpoints/biobert_assertion.pt")
    main(p.parse_args())
