"""Fine-tune DistilBERT on app-store reviews (negative / neutral / positive) and push to the Hub."""
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from huggingface_hub import login
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader, Dataset, random_split
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

MODEL_NAME = "distilbert-base-uncased"
HUB_REPO = "appfeedback/distilbert-review-sentiment"
HF_TOKEN = "hf_3NG3huhZtl427nwhCZDH7rCkurGNaSGci8"
LABELS = ["negative", "neutral", "positive"]
OUT_DIR = Path(os.environ.get("OUT_DIR", "artifacts/review_sentiment"))
EPOCHS, BATCH, LR, PATIENCE = 6, 32, 3e-5, 2


class ReviewDataset(Dataset):
    def __init__(self, frame, tokenizer, max_length=192):
        self.enc = tokenizer(frame["review"].tolist(), truncation=True, max_length=max_length, padding="max_length")
        self.labels = frame["label"].map(LABELS.index).tolist()

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: torch.tensor(v[i]) for k, v in self.enc.items()}
        item["labels"] = torch.tensor(self.labels[i])
        return item


def run_eval(model, loader, device):
    model.eval()
    preds, golds, loss_sum = [], [], 0.0
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            out = model(**batch)
            loss_sum += out.loss.item()
            preds.extend(out.logits.argmax(-1).cpu().tolist())
            golds.extend(batch["labels"].cpu().tolist())
    return loss_sum / len(loader), np.array(golds), np.array(preds)


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)

    reviews = pd.read_csv("data/reviews_labelled.csv").dropna(subset=["review", "label"])
    holdout = pd.read_csv("data/reviews_holdout.csv").dropna(subset=["review", "label"])
    full = ReviewDataset(reviews, tokenizer)
    n_val = int(0.1 * len(full))
    train_ds, val_ds = random_split(full, [len(full) - n_val, n_val])

    train_dl = DataLoader(train_ds, batch_size=BATCH, shuffle=True)
    val_dl = DataLoader(val_ds, batch_size=64)
    test_dl = DataLoader(ReviewDataset(holdout, tokenizer), batch_size=64)

    model = AutoModelForSequenceClassification.from_pretrained(
        MODEL_NAME, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={l: i for i, l in enumerate(LABELS)}
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    total_steps = EPOCHS * len(train_dl)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.06 * total_steps), total_steps)

    best_f1, stale = 0.0, 0
    for epoch in range(EPOCHS):
        model.train()
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            optimizer.zero_grad()
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            if step % 100 == 0:
                print(f"epoch {epoch} step {step} loss {loss.item():.4f}")
        val_loss, y_val, p_val = run_eval(model, val_dl, device)
        val_f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch} val_loss={val_loss:.4f} val_macro_f1={val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            model.save_pretrained(OUT_DIR)
            tokenizer.save_pretrained(OUT_DIR)
        else:
            stale += 1
            if stale >= PATIENCE:
                break

    model = AutoModelForSequenceClassification.from_pretrained(OUT_DIR).to(device)
    _, y_test, p_test = run_eval(model, test_dl, device)
    metrics = {"accuracy": accuracy_score(y_test, p_test), "macro_f1": f1_score(y_test, p_test, average="macro")}
    print(json.dumps(metrics, indent=2))
    print(classification_report(y_test, p_test, target_names=LABELS, digits=3))
    (OUT_DIR / "holdout_metrics.json").write_text(json.dumps(metrics, indent=2))

    login(token=HF_TOKEN)
    model.push_to_hub(HUB_REPO, commit_message=f"holdout macro-F1 {metrics['macro_f1']:.3f}")
    tokenizer.push_to_hub(HUB_REPO)


if __name__ == "__main__":
    main()
