import argparse
import os
import random

import numpy as np
import torch
import yaml
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

from data import CommentDataset, load_splits


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    probs, labels = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        probs.append(torch.softmax(out.logits, dim=-1)[:, 1].cpu())
        labels.append(batch["labels"].cpu())
    p = torch.cat(probs).numpy()
    y = torch.cat(labels).numpy()
    return {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "f1": f1_score(y, (p >= 0.5).astype(int)),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    tcfg, dcfg = cfg["train"], cfg["data"]

    seed_everything(tcfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    tokenizer = AutoTokenizer.from_pretrained(cfg["model"]["name"])
    train_df, val_df, test_df = load_splits(dcfg["path"], dcfg["val_size"], dcfg["test_size"], tcfg["seed"])
    make = lambda d: CommentDataset(d["comment_text"], d["toxic"], tokenizer, dcfg["max_len"])
    train_loader = DataLoader(make(train_df), batch_size=tcfg["batch_size"], shuffle=True, num_workers=2)
    val_loader = DataLoader(make(val_df), batch_size=tcfg["eval_batch_size"])
    test_loader = DataLoader(make(test_df), batch_size=tcfg["eval_batch_size"])

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model"]["name"], num_labels=cfg["model"]["num_labels"]
    ).to(device)

    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],
         "weight_decay": tcfg["weight_decay"]},
        {"params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
         "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=tcfg["lr"])
    total_steps = len(train_loader) * tcfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(optimizer, int(tcfg["warmup_ratio"] * total_steps), total_steps)

    os.makedirs(tcfg["output_dir"], exist_ok=True)
    best_path = os.path.join(tcfg["output_dir"], "best.pt")
    best_auc = -1.0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for step, batch in enumerate(train_loader):
            batch = {k: v.to(device) for k, v in batch.items()}
            optimizer.zero_grad()
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
            if step % 200 == 0:
                print(f"epoch {epoch} step {step} loss {running / (step + 1):.4f}")

        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch} val: " + " ".join(f"{k}={v:.4f}" for k, v in val.items()))
        if val["roc_auc"] > best_auc:
            best_auc = val["roc_auc"]
            torch.save(model.state_dict(), best_path)

    model.load_state_dict(torch.load(best_path, map_location=device))
    test = evaluate(model, test_loader, device)
    print("test: " + " ".join(f"{k}={v:.4f}" for k, v in test.items()))


if __name__ == "__main__":
    main()
