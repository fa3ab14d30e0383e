import argparse
import math
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from transformers import (AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding,
                          get_linear_schedule_with_warmup)

from common import load_cfg, load_splits, seed_all


@torch.no_grad()
def run_eval(model, loader, device):
    model.eval()
    preds, labels, loss_sum, n = [], [], 0.0, 0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        loss_sum += out.loss.item() * batch["labels"].size(0)
        n += batch["labels"].size(0)
        preds.append(out.logits.argmax(-1).cpu())
        labels.append(batch["labels"].cpu())
    p, y = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return {"loss": loss_sum / n, "macro_f1": f1_score(y, p, average="macro"), "acc": accuracy_score(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/roberta_emotion.yaml")
    cfg = load_cfg(ap.parse_args().config)
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    ds = load_splits(cfg)
    tok = AutoTokenizer.from_pretrained(cfg["model_name"])
    ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=cfg["max_length"]), batched=True)
    ds = ds.remove_columns(["text"]).rename_column("label", "labels")
    collate = DataCollatorWithPadding(tok)
    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(ds["train"], batch_size=cfg["micro_batch_size"], shuffle=True, collate_fn=collate, generator=g)
    val_dl = DataLoader(ds["validation"], batch_size=64, collate_fn=collate)
    test_dl = DataLoader(ds["test"], batch_size=64, collate_fn=collate)

    n_labels = len(set(ds["train"]["labels"]))
    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=n_labels).to(device)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not n.endswith(no_decay)], "weight_decay": cfg["weight_decay"]},
        {"params": [p for n, p in model.named_parameters() if n.endswith(no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=cfg["lr"])
    accum = cfg["grad_accum_steps"]
    updates_per_epoch = math.ceil(len(train_dl) / accum)
    total = updates_per_epoch * cfg["max_epochs"]
    scheduler = get_linear_schedule_with_warmup(optimizer, int(cfg["warmup_ratio"] * total), total)
    scaler = torch.cuda.amp.GradScaler(enabled=cfg["fp16"] and device.type == "cuda")

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    best_f1, waited = -np.inf, 0
    for epoch in range(cfg["max_epochs"]):
        model.train()
        optimizer.zero_grad(set_to_none=True)
        for step, batch in enumerate(train_dl, start=1):
            batch = {k: v.to(device) for k, v in batch.items()}
            with torch.autocast(device_type=device.type, enabled=scaler.is_enabled()):
                loss = model(**batch).loss / accum
            scaler.scale(loss).backward()
            if step % accum == 0 or step == len(train_dl):
                scaler.unscale_(optimizer)
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)

        val = run_eval(model, val_dl, device)
        print(f"epoch {epoch}: val loss {val['loss']:.4f} macro-F1 {val['macro_f1']:.4f} acc {val['acc']:.4f}")
        if val["macro_f1"] > best_f1:
            best_f1, waited = val["macro_f1"], 0
            model.save_pretrained(out_dir / "best")
            tok.save_pretrained(out_dir / "best")
        else:
            waited += 1
            if waited >= cfg["patience"]:
                print("early stop")
                break

    model = AutoModelForSequenceClassification.from_pretrained(out_dir / "best").to(device)
    test = run_eval(model, test_dl, device)
    print(f"TEST macro-F1 {test['macro_f1']:.4f} acc {test['acc']:.4f} (best val macro-F1 {best_f1:.4f})")


if __name__ == "__main__":
    main()
