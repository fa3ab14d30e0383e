"""Classify commit messages into change types (fix / feature / refactor / docs / test / chore).

Labelled commits come from the conventional-commit prefixes of our monorepo history; the prefix is
stripped from the message before training.
"""
import json
from pathlib import Path

import pandas as pd
import torch
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader, Dataset, random_split
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

MODEL = "microsoft/codebert-base"
LABELS = ["fix", "feat", "refactor", "docs", "test", "chore"]
OUT = Path("models/commit-type-codebert")


class CommitDataset(Dataset):
    def __init__(self, frame, tokenizer, max_length=96):
        self.enc = tokenizer(frame["message"].tolist(), truncation=True, max_length=max_length,
                             padding="max_length", return_tensors="pt")
        self.labels = torch.tensor(frame["type"].map(LABELS.index).values)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: v[i] for k, v in self.enc.items()}
        item["labels"] = self.labels[i]
        return item


def run_eval(model, loader, device):
    model.eval()
    preds, gold = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            preds += model(**batch).logits.argmax(-1).tolist()
            gold += batch["labels"].tolist()
    return gold, preds


def main():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    labelled = pd.read_parquet("data/commits_labelled.parquet")
    holdout = pd.read_parquet("data/commits_holdout.parquet")

    full = CommitDataset(labelled, tokenizer)
    n_val = int(0.1 * len(full))
    train_set, val_set = random_split(full, [len(full) - n_val, n_val])
    test_set = CommitDataset(holdout, tokenizer)

    train_dl = DataLoader(train_set, batch_size=32, shuffle=True)
    val_dl = DataLoader(val_set, batch_size=128)
    test_dl = DataLoader(test_set, batch_size=128)

    model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=len(LABELS)).to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.01)
    epochs = 5
    sched = get_linear_schedule_with_warmup(optim, len(train_dl) // 2, len(train_dl) * epochs)

    best_f1, stale = 0.0, 0
    for epoch in range(epochs):
        model.train()
        for batch in train_dl:
            batch = {k: v.to(device) for k, v in batch.items()}
            optim.zero_grad()
            loss = model(**batch).loss
            loss.backward()
            optim.step()
            sched.step()
        gold, preds = run_eval(model, val_dl, device)
        val_f1 = f1_score(gold, preds, average="macro")
        print(f"epoch {epoch}: val acc={accuracy_score(gold, preds):.4f} macro-F1={val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            model.save_pretrained(OUT)
            tokenizer.save_pretrained(OUT)
        else:
            stale += 1
            if stale == 2:
                break

    model = AutoModelForSequenceClassification.from_pretrained(OUT).to(device)
    gold, preds = run_eval(model, test_dl, device)
    print(classification_report(gold, preds, target_names=LABELS, digits=4))

    majority = DummyClassifier(strategy="most_frequent").fit(labelled[["message"]], labelled["type"])
    base = majority.predict(holdout[["message"]])
    summary = {
        "test_macro_f1": f1_score(gold, preds, average="macro"),
        "test_accuracy": accuracy_score(gold, preds),
        "majority_macro_f1": f1_score(holdout["type"], base, average="macro"),
    }
    (OUT / "metrics.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
