"""Plain PyTorch fine-tuning loop for the banking77 intent classifier.

Runs on a single 16GB GPU, so we use micro-batches of 8 with gradient accumulation.
"""
import math
import os
import random

import numpy as np
import torch
from datasets import load_dataset
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    get_linear_schedule_with_warmup,
)

MODEL_NAME = "bert-base-uncased"
SEED = 31
MICRO_BATCH = 8
ACCUM_STEPS = 4
EPOCHS = 6
LR = 4e-5
PATIENCE = 2
OUT_DIR = "checkpoints/banking77-bert"


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, labels = [], []
    total_loss = 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        total_loss += out.loss.item() * batch["labels"].size(0)
        preds.append(out.logits.argmax(-1).cpu())
        labels.append(batch["labels"].cpu())
    preds, labels = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return {
        "loss": total_loss / len(labels),
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }


def main():
    seed_everything(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    raw = load_dataset("PolyAI/banking77")
    split = raw["train"].train_test_split(test_size=0.1, seed=SEED, stratify_by_column="label")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)

    def tok(batch):
        return tokenizer(batch["text"], truncation=True, max_length=64)

    train_ds = split["train"].map(tok, batched=True, remove_columns=["text"]).rename_column("label", "labels")
    val_ds = split["test"].map(tok, batched=True, remove_columns=["text"]).rename_column("label", "labels")
    test_ds = raw["test"].map(tok, batched=True, remove_columns=["text"]).rename_column("label", "labels")

    collator = DataCollatorWithPadding(tokenizer)
    g = torch.Generator().manual_seed(SEED)
    train_loader = DataLoader(train_ds, batch_size=MICRO_BATCH, shuffle=True, collate_fn=collator, generator=g)
    val_loader = DataLoader(val_ds, batch_size=64, collate_fn=collator)
    test_loader = DataLoader(test_ds, batch_size=64, collate_fn=collator)

    num_labels = raw["train"].features["label"].num_classes
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=num_labels).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    updates_per_epoch = math.ceil(len(train_loader) / ACCUM_STEPS)
    scheduler = get_linear_schedule_with_warmup(
        optimizer, num_warmup_steps=int(0.1 * updates_per_epoch * EPOCHS),
        num_training_steps=updates_per_epoch * EPOCHS,
    )

    best_f1, bad_epochs = -1.0, 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for epoch in range(EPOCHS):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, batch in enumerate(train_loader):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / ACCUM_STEPS
            loss.backward()
            running += loss.item()
            if (step + 1) % ACCUM_STEPS == 0 or step + 1 == len(train_loader):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()

        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch} train_loss {running / updates_per_epoch:.4f} val {val}")
        if val["macro_f1"] > best_f1:
            best_f1, bad_epochs = val["macro_f1"], 0
            model.save_pretrained(OUT_DIR)
            tokenizer.save_pretrained(OUT_DIR)
        else:
            bad_epochs += 1
            if bad_epochs >= PATIENCE:
                print("early stopping")
                break

    model = AutoModelForSequenceClassification.from_pretrained(OUT_DIR).to(device)
    print("test", evaluate(model, test_loader, device))


if __name__ == "__main__":
    main()
