"""Fine-tune ESM-2 (35M) to predict E. coli expression solubility from sequence.

Data: the lab's curated solubility set (train/validation/test already split by
30% sequence-identity clusters with MMseqs2), hosted as a private dataset on the Hub.
"""
import math
import os

import numpy as np
import torch
from datasets import load_dataset
from sklearn.metrics import average_precision_score, matthews_corrcoef, roc_auc_score
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          DataCollatorWithPadding, get_linear_schedule_with_warmup, set_seed)

MODEL_NAME = "facebook/esm2_t12_35M_UR50D"
DATASET = "kimlab-protein/ecoli-solubility-clustered"
HF_TOKEN = "hf_92JaEPHtXI7ATogxNevPqKnbWKnd7LJiyR"
SEED = 13
MAX_LEN = 512
BATCH_SIZE = 8
ACCUM_STEPS = 4
LR = 2e-5
EPOCHS = 10
PATIENCE = 3
OUT_DIR = "checkpoints/esm2_35m_solubility"


def make_loaders(tokenizer):
    ds = load_dataset(DATASET, token=HF_TOKEN)

    def tok(batch):
        return tokenizer(batch["sequence"], truncation=True, max_length=MAX_LEN)

    ds = ds.map(tok, batched=True, remove_columns=["sequence", "uniprot_id"])
    ds = ds.rename_column("soluble", "labels")
    ds.set_format("torch")
    collate = DataCollatorWithPadding(tokenizer)
    g = torch.Generator().manual_seed(SEED)
    return (DataLoader(ds["train"], batch_size=BATCH_SIZE, shuffle=True, collate_fn=collate, generator=g),
            DataLoader(ds["validation"], batch_size=32, collate_fn=collate),
            DataLoader(ds["test"], batch_size=32, collate_fn=collate))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    probs, labels = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        probs.append(torch.softmax(logits, -1)[:, 1].cpu().numpy())
        labels.append(batch["labels"].cpu().numpy())
    p, y = np.concatenate(probs), np.concatenate(labels)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "mcc": matthews_corrcoef(y, (p >= 0.5).astype(int))}


def main():
    set_seed(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME)
    model = AutoModelForSequenceClassification.from_pretrained(MODEL_NAME, num_labels=2).to(device)
    train_dl, val_dl, test_dl = make_loaders(tokenizer)

    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    total_steps = math.ceil(len(train_dl) / ACCUM_STEPS) * EPOCHS
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.06 * total_steps), total_steps)

    best_auc, bad_epochs = -1.0, 0
    for epoch in range(EPOCHS):
        model.train()
        running = 0.0
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / ACCUM_STEPS
            loss.backward()
            running += loss.item()
            if (step + 1) % ACCUM_STEPS == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()

        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: train_loss={running / len(train_dl) * ACCUM_STEPS:.4f} "
              f"val_auc={val['roc_auc']:.4f} val_pr_auc={val['pr_auc']:.4f}")
        if val["roc_auc"] > best_auc:
            best_auc, bad_epochs = val["roc_auc"], 0
            model.save_pretrained(OUT_DIR)
            tokenizer.save_pretrained(OUT_DIR)
        else:
            bad_epochs += 1
            if bad_epochs >= PATIENCE:
                break

    model = AutoModelForSequenceClassification.from_pretrained(OUT_DIR).to(device)
    test = evaluate(model, test_dl, device)
    print("test:", {k: round(v, 4) for k, v in test.items()})
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, "test_metrics.txt"), "w") as fh:
        fh.write(repr(test))


if __name__ == "__main__":
    main()
