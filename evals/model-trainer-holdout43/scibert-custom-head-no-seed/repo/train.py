"""Classify arXiv abstracts into primary subject areas with a partially frozen SciBERT."""
import json
from pathlib import Path

import pandas as pd
import torch
from sklearn.metrics import accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader, Dataset, random_split
from tqdm import tqdm
from transformers import AutoTokenizer, get_linear_schedule_with_warmup

from model import MeanPoolClassifier

ENCODER = "allenai/scibert_scivocab_uncased"
OUT = Path("checkpoints/arxiv-scibert")
EPOCHS, BATCH, LR, PATIENCE = 6, 32, 3e-5, 2


class AbstractDataset(Dataset):
    def __init__(self, frame, tokenizer, label2id, max_length=256):
        self.enc = tokenizer(frame["abstract"].tolist(), truncation=True, max_length=max_length,
                             padding="max_length", return_tensors="pt")
        self.labels = torch.tensor(frame["primary_category"].map(label2id).to_numpy())

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        return self.enc["input_ids"][i], self.enc["attention_mask"][i], self.labels[i]


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for ids, mask, y in loader:
        logits = model(ids.to(device), mask.to(device))
        ps.extend(logits.argmax(-1).cpu().tolist())
        ys.extend(y.tolist())
    return ys, ps


def main():
    device = "cuda" if torch.cuda.is_available() else "cpu"
    frame = pd.read_csv("data/arxiv_abstracts_2022.csv").dropna(subset=["abstract"])
    labels = sorted(frame["primary_category"].unique())
    label2id = {l: i for i, l in enumerate(labels)}
    tokenizer = AutoTokenizer.from_pretrained(ENCODER)
    full = AbstractDataset(frame, tokenizer, label2id)

    n_test = int(0.15 * len(full))
    n_val = int(0.1 * len(full))
    train_set, val_set, test_set = random_split(full, [len(full) - n_val - n_test, n_val, n_test])
    train_dl = DataLoader(train_set, batch_size=BATCH, shuffle=True)
    val_dl = DataLoader(val_set, batch_size=128)
    test_dl = DataLoader(test_set, batch_size=128)

    model = MeanPoolClassifier(ENCODER, num_labels=len(labels)).to(device)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=LR, weight_decay=0.01)
    scheduler = get_linear_schedule_with_warmup(optimizer, len(train_dl), EPOCHS * len(train_dl))
    loss_fn = torch.nn.CrossEntropyLoss()

    OUT.mkdir(parents=True, exist_ok=True)
    best, stale = 0.0, 0
    for epoch in range(EPOCHS):
        model.train()
        for ids, mask, y in tqdm(train_dl, desc=f"epoch {epoch}"):
            optimizer.zero_grad()
            loss = loss_fn(model(ids.to(device), mask.to(device)), y.to(device))
            loss.backward()
            optimizer.step()
            scheduler.step()
        ys, ps = evaluate(model, val_dl, device)
        val_f1 = f1_score(ys, ps, average="macro")
        print(f"epoch {epoch} val macro-F1 {val_f1:.4f}")
        if val_f1 > best:
            best, stale = val_f1, 0
            torch.save(model.state_dict(), OUT / "best.pt")
        else:
            stale += 1
            if stale >= PATIENCE:
                break

    model.load_state_dict(torch.load(OUT / "best.pt", map_location=device))
    ys, ps = evaluate(model, test_dl, device)
    summary = {"accuracy": accuracy_score(ys, ps), "macro_f1": f1_score(ys, ps, average="macro")}
    print(classification_report(ys, ps, target_names=labels, zero_division=0))
    (OUT / "test_metrics.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
