"""Fine-tune bert-base-uncased on routed tickets with gradient accumulation (single 16GB GPU)."""
import argparse
import json

import numpy as np
import torch
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

from data import TicketDataset

QUEUES = ["billing", "tech_support", "account", "orders", "returns", "partnerships", "abuse"]


def evaluate(model, loader, device):
    model.eval()
    preds, labels = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(**batch).logits
            preds.append(logits.argmax(-1).cpu().numpy())
            labels.append(batch["labels"].cpu().numpy())
    return f1_score(np.concatenate(labels), np.concatenate(preds), average="macro")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="bert-base-uncased")
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--accum-steps", type=int, default=4)
    p.add_argument("--lr", type=float, default=2e-5)
    args = p.parse_args()

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    label2id = {q: i for i, q in enumerate(QUEUES)}
    tokenizer = AutoTokenizer.from_pretrained(args.model)

    train_ds = TicketDataset("data/train.csv", tokenizer, label2id)
    val_ds = TicketDataset("data/valid.csv", tokenizer, label2id)
    test_ds = TicketDataset("data/test.csv", tokenizer, label2id)
    train_loader = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, num_workers=2)
    val_loader = DataLoader(val_ds, batch_size=32)
    test_loader = DataLoader(test_ds, batch_size=32)

    model = AutoModelForSequenceClassification.from_pretrained(args.model, num_labels=len(QUEUES)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total_updates = (len(train_loader) // args.accum_steps) * args.epochs
    scheduler = get_linear_schedule_with_warmup(optimizer, int(0.1 * total_updates), total_updates)

    best_f1 = -1.0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, batch in enumerate(train_loader):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss / args.accum_steps
            loss.backward()
            running += loss.item()
            if (step + 1) % args.accum_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
        val_f1 = evaluate(model, val_loader, device)
        print(f"epoch {epoch}: train loss {running / len(train_loader):.4f}  val macro-F1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1 = val_f1
            torch.save(model.state_dict(), "best_router.pt")

    model.load_state_dict(torch.load("best_router.pt"))
    test_f1 = evaluate(model, test_loader, device)
    print(f"best val macro-F1 {best_f1:.4f}  test macro-F1 {test_f1:.4f}")
    with open("metrics.json", "w") as f:
        json.dump({"val_macro_f1": best_f1, "test_macro_f1": test_f1}, f)


if __name__ == "__main__":
    main()
