"""Fine-tune DistilBERT on product-review ratings (negative / neutral / positive) with a plain PyTorch loop."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    get_linear_schedule_with_warmup,
    set_seed,
)

CHECKPOINT = "distilbert-base-uncased"
LABELS = ["negative", "neutral", "positive"]


class Encoded(torch.utils.data.Dataset):
    def __init__(self, frame, tokenizer):
        self.enc = tokenizer(frame["review"].tolist(), truncation=True, max_length=256)
        self.labels = frame["sentiment"].map(LABELS.index).tolist()

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: v[i] for k, v in self.enc.items()}
        item["labels"] = self.labels[i]
        return item


def run_eval(model, loader, device):
    model.eval()
    preds, gold, total = [], [], 0.0
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            out = model(**batch)
            total += out.loss.item() * batch["labels"].size(0)
            preds.append(out.logits.argmax(-1).cpu())
            gold.append(batch["labels"].cpu())
    preds, gold = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return total / len(gold), gold, preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train-csv", default="data/reviews_train.csv")
    ap.add_argument("--test-csv", default="data/reviews_test.csv")
    ap.add_argument("--out", default="runs/distilbert_reviews")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=3e-5)
    args = ap.parse_args()

    set_seed(args.seed)
    out_dir = Path(args.out)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    labelled = pd.read_csv(args.train_csv).drop_duplicates("review")
    test_frame = pd.read_csv(args.test_csv)
    labelled = labelled[~labelled["review"].isin(test_frame["review"])]  # no test review may be trained on
    train_frame, val_frame = train_test_split(
        labelled, test_size=0.1, stratify=labelled["sentiment"], random_state=args.seed
    )

    tok = AutoTokenizer.from_pretrained(CHECKPOINT)
    collate = DataCollatorWithPadding(tok)
    train_dl = DataLoader(Encoded(train_frame, tok), batch_size=32, shuffle=True, collate_fn=collate)
    val_dl = DataLoader(Encoded(val_frame, tok), batch_size=64, collate_fn=collate)
    test_dl = DataLoader(Encoded(test_frame, tok), batch_size=64, collate_fn=collate)

    model = AutoModelForSequenceClassification.from_pretrained(CHECKPOINT, num_labels=len(LABELS)).to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total_steps = args.epochs * len(train_dl)
    sched = get_linear_schedule_with_warmup(optim, int(0.06 * total_steps), total_steps)

    best_f1, patience, history = -1.0, 2, []
    for epoch in range(args.epochs):
        model.train()
        for batch in train_dl:
            batch = {k: v.to(device) for k, v in batch.items()}
            optim.zero_grad()
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()

        val_loss, val_gold, val_pred = run_eval(model, val_dl, device)
        val_f1 = f1_score(val_gold, val_pred, average="macro")
        history.append({"epoch": epoch, "train_last_loss": loss.item(), "val_loss": val_loss, "val_macro_f1": val_f1})
        print(history[-1])
        if val_f1 > best_f1:
            best_f1, patience = val_f1, 2
            model.save_pretrained(out_dir / "best")
            tok.save_pretrained(out_dir / "best")
        else:
            patience -= 1
            if patience == 0:
                break

    model = AutoModelForSequenceClassification.from_pretrained(out_dir / "best").to(device)
    _, test_gold, test_pred = run_eval(model, test_dl, device)
    majority = np.full_like(test_gold, train_frame["sentiment"].map(LABELS.index).mode()[0])
    summary = {
        "history": history,
        "test_macro_f1": f1_score(test_gold, test_pred, average="macro"),
        "majority_macro_f1": f1_score(test_gold, majority, average="macro"),
        "report": classification_report(test_gold, test_pred, target_names=LABELS, digits=3, output_dict=True),
    }
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2, default=float))


if __name__ == "__main__":
    main()
