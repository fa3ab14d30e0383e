"""LoRA fine-tuning of roberta-large on a 3-way claim-stance dataset (custom loop).

The data directory holds train.jsonl / dev.jsonl / test.jsonl with fields
`claim`, `evidence`, `stance` (support / refute / neutral).
"""
import argparse
import json
import logging
import math
import os
import random

import numpy as np
import torch
from datasets import load_dataset
from peft import LoraConfig, TaskType, get_peft_model
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    get_linear_schedule_with_warmup,
)

LABELS = ["support", "refute", "neutral"]
log = logging.getLogger("stance")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/stance")
    p.add_argument("--model", default="roberta-large")
    p.add_argument("--out", default="checkpoints/lora-stance")
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--bs", type=int, default=8)
    p.add_argument("--grad-accum", type=int, default=4)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--lora-r", type=int, default=16)
    p.add_argument("--patience", type=int, default=2)
    p.add_argument("--seed", type=int, default=17)
    return p.parse_args()


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, golds, total_loss = [], [], 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        total_loss += out.loss.item()
        preds.extend(out.logits.argmax(-1).tolist())
        golds.extend(batch["labels"].tolist())
    return {
        "loss": total_loss / len(loader),
        "accuracy": accuracy_score(golds, preds),
        "macro_f1": f1_score(golds, preds, average="macro"),
    }


def main():
    args = get_args()
    logging.basicConfig(level=logging.INFO)
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    files = {s: os.path.join(args.data_dir, f"{s}.jsonl") for s in ("train", "dev", "test")}
    raw = load_dataset("json", data_files=files)
    tok = AutoTokenizer.from_pretrained(args.model)

    def encode(ex):
        enc = tok(ex["claim"], ex["evidence"], truncation="only_second", max_length=256)
        enc["labels"] = [LABELS.index(s) for s in ex["stance"]]
        return enc

    ds = raw.map(encode, batched=True, remove_columns=raw["train"].column_names)
    collate = DataCollatorWithPadding(tok, pad_to_multiple_of=8)
    g = torch.Generator().manual_seed(args.seed)
    train_dl = DataLoader(ds["train"], batch_size=args.bs, shuffle=True, collate_fn=collate, generator=g)
    dev_dl = DataLoader(ds["dev"], batch_size=32, collate_fn=collate)
    test_dl = DataLoader(ds["test"], batch_size=32, collate_fn=collate)

    base = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=len(LABELS))
    lora_cfg = LoraConfig(task_type=TaskType.SEQ_CLS, r=args.lora_r, lora_alpha=2 * args.lora_r,
                          lora_dropout=0.1, target_modules=["query", "value"])
    model = get_peft_model(base, lora_cfg).to(device)
    model.print_trainable_parameters()

    optimizer = torch.optim.AdamW((p for p in model.parameters() if p.requires_grad), lr=args.lr,
                                  weight_decay=0.01)
    updates_per_epoch = math.ceil(len(train_dl) / args.grad_accum)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * updates_per_epoch * args.epochs),
                                                updates_per_epoch * args.epochs)

    best_f1, bad_epochs = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for step, batch in enumerate(tqdm(train_dl, desc=f"epoch {epoch}")):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / args.grad_accum
            loss.backward()
            running += loss.item()
            if (step + 1) % args.grad_accum == 0 or step + 1 == len(train_dl):
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()

        dev = evaluate(model, dev_dl, device)
        log.info("epoch %d train_loss %.4f dev %s", epoch, running / updates_per_epoch, dev)
        if dev["macro_f1"] > best_f1:
            best_f1, bad_epochs = dev["macro_f1"], 0
            model.save_pretrained(args.out)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stopping after epoch %d", epoch)
                break

    # reload the best adapter and score the test split once
    from peft import PeftModel

    best = PeftModel.from_pretrained(
        AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=len(LABELS)), args.out
    ).to(device)
    test = evaluate(best, test_dl, device)
    log.info("test %s", test)
    with open(os.path.join(args.out, "test_metrics.json"), "w") as f:
        json.dump({"dev_macro_f1": best_f1, **test}, f, indent=2)


if __name__ == "__main__":
    main()
