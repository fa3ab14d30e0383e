import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, get_linear_schedule_with_warmup)

from ticket_data import TicketDataset, class_weights, load_tickets

MODEL_NAME = "distilbert-base-uncased"


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, device):
    preds, golds = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
            preds.extend(logits.argmax(-1).cpu().tolist())
            golds.extend(batch["labels"].cpu().tolist())
    return np.array(golds), np.array(preds)


def main(args):
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df, label2id = load_tickets(args.data)

    train_df, test_df = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"], random_state=args.seed)

    tok = AutoTokenizer.from_pretrained(MODEL_NAME)
    collate = DataCollatorWithPadding(tok)
    make = lambda d, shuffle: DataLoader(TicketDataset(d["text"], d["label"], tok), batch_size=args.bs,
                                         shuffle=shuffle, collate_fn=collate)
    train_dl, val_dl, test_dl = make(train_df, True), make(val_df, False), make(test_df, False)

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME, num_labels=len(label2id), id2label={v: k for k, v in label2id.items()}, label2id=label2id
    ).to(device)
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_weights(train_df["label"].tolist(), len(label2id)).to(device))
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total = len(train_dl) * args.epochs
    sched = get_linear_schedule_with_warmup(optim, int(0.06 * total), total)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    best_f1, bad_epochs = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for batch in tqdm(train_dl, desc=f"epoch {epoch}"):
            batch = {k: v.to(device) for k, v in batch.items()}
            optim.zero_grad()
            logits = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).logits
            loss = loss_fn(logits, batch["labels"])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            running += loss.item()

        y_val, p_val = evaluate(model, val_dl, device)
        val_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch} train_loss={running / len(train_dl):.4f} val_macro_f1={val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, bad_epochs = val_f1, 0
            model.save_pretrained(out / "best")
            tok.save_pretrained(out / "best")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                print("early stopping")
                break

    model = AutoModelForSequenceClassification.from_pretrained(out / "best").to(device)
    y_test, p_test = evaluate(model, test_dl, device)
    majority = np.bincount(train_df["label"]).argmax()
    print("majority-class macro-F1:", f1_score(y_test, np.full_like(y_test, majority), average="macro"))
    print("test macro-F1:", f1_score(y_test, p_test, average="macro"))
    print(classification_report(y_test, p_test, target_names=list(label2id), digits=3))
    (out / "label2id.json").write_text(json.dumps(label2id))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/tickets.jsonl")
    p.add_argument("--out", default="checkpoints/distilbert_router")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--bs", type=int, default=32)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--patience", type=int, default=2)
    p.add_argument("--seed", type=int, default=17)
    main(p.parse_args())
