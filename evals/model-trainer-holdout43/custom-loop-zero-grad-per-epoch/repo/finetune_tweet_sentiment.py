"""Custom PyTorch fine-tuning loop for 3-way tweet sentiment (tweet_eval / sentiment)."""
import os
import random

import numpy as np
import torch
from datasets import load_dataset
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    get_linear_schedule_with_warmup,
)

MODEL_NAME = "roberta-base"
OUTPUT_DIR = os.environ.get("OUTPUT_DIR", "artifacts/tweet-sentiment")
SEED = 13
EPOCHS = 5
LR = 2e-5
BATCH_SIZE = 32
PATIENCE = 2


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loaders(tokenizer):
    raw = load_dataset("tweet_eval", "sentiment")
    tokenized = raw.map(
        lambda b: tokenizer(b["text"], truncation=True, max_length=96),
        batched=True,
        remove_columns=["text"],
    ).rename_column("label", "labels")
    tokenized.set_format("torch")
    collator = DataCollatorWithPadding(tokenizer)
    train_dl = DataLoader(tokenized["train"], batch_size=BATCH_SIZE, shuffle=True, collate_fn=collator)
    val_dl = DataLoader(tokenized["validation"], batch_size=64, collate_fn=collator)
    test_dl = DataLoader(tokenized["test"], batch_size=64, collate_fn=collator)
    return raw, train_dl, val_dl, test_dl


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, labels = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        preds.append(logits.argmax(-1).cpu())
        labels.append(batch["labels"].cpu())
    preds = torch.cat(preds).numpy()
    labels = torch.cat(labels).numpy()
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def majority_baseline(raw):
    dummy = DummyClassifier(strategy="most_frequent")
    dummy.fit(np.zeros((len(raw["train"]), 1)), raw["train"]["label"])
    preds = dummy.predict(np.zeros((len(raw["test"]), 1)))
    return {
        "accuracy": accuracy_score(raw["test"]["label"], preds),
        "macro_f1": f1_score(raw["test"]["label"], preds, average="macro"),
    }


def main():
    seed_everything(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    raw, train_dl, val_dl, test_dl = make_loaders(tokenizer)

    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=3).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    total_steps = EPOCHS * len(train_dl)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * total_steps), total_steps)

    best_f1, bad_epochs = -1.0, 0
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    for epoch in range(EPOCHS):
        model.train()
        running_loss = 0.0
        optimizer.zero_grad()
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running_loss += loss.item()
            if step % 200 == 0:
                print(f"epoch {epoch} step {step} loss {running_loss / (step + 1):.4f}")

        val_metrics = evaluate(model, val_dl, device)
        print(f"epoch {epoch} val {val_metrics}")
        if val_metrics["macro_f1"] > best_f1:
            best_f1, bad_epochs = val_metrics["macro_f1"], 0
            model.save_pretrained(OUTPUT_DIR)
            tokenizer.save_pretrained(OUTPUT_DIR)
        else:
            bad_epochs += 1
            if bad_epochs >= PATIENCE:
                print("early stopping")
                break

    model = AutoModelForSequenceClassification.from_pretrained(OUTPUT_DIR).to(device)
    print("majority baseline", majority_baseline(raw))
    print("test", evaluate(model, test_dl, device))


if __name__ == "__main__":
    main()
