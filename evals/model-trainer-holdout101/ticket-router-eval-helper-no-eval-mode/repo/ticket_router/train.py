"""Entry point: python -m ticket_router.train --config configs/base.json"""
import argparse
import json
from pathlib import Path

import torch
from sklearn.dummy import DummyClassifier
from sklearn.metrics import f1_score
from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_cosine_schedule_with_warmup, set_seed

from .data import load_tickets, make_loaders, make_splits
from .engine import evaluate, train_one_epoch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/base.json")
    cfg = json.loads(Path(ap.parse_args().config).read_text())

    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    ds = load_tickets(cfg["data_path"], cfg["queues"])
    train_ds, val_ds, test_ds = make_splits(ds, cfg["seed"], cfg["test_size"], cfg["val_size"])

    majority = DummyClassifier(strategy="most_frequent").fit([[0]] * len(train_ds), train_ds["label"])
    base_f1 = f1_score(test_ds["label"], majority.predict([[0]] * len(test_ds)), average="macro")
    print(f"majority-class baseline macro-F1 on test: {base_f1:.4f}")

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    gen = torch.Generator().manual_seed(cfg["seed"])
    train_dl, val_dl, test_dl = make_loaders(tokenizer, [train_ds, val_ds, test_ds],
                                             cfg["batch_size"], cfg["max_length"], gen)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(cfg["queues"]), hidden_dropout_prob=cfg["dropout"],
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    total_steps = len(train_dl) * cfg["epochs"]
    scheduler = get_cosine_schedule_with_warmup(optimizer, int(cfg["warmup_ratio"] * total_steps), total_steps)

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    best, patience_left = -1.0, cfg["patience"]
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, train_dl, optimizer, scheduler, device)
        val_metrics = evaluate(model, val_dl, device)
        print(f"epoch {epoch + 1}: train_loss={train_loss:.4f} val={val_metrics}")
        if val_metrics["macro_f1"] > best:
            best, patience_left = val_metrics["macro_f1"], cfg["patience"]
            model.save_pretrained(out_dir)
            tokenizer.save_pretrained(out_dir)
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model = AutoModelForSequenceClassification.from_pretrained(out_dir).to(device)
    test_metrics = evaluate(model, test_dl, device)
    print("test:", test_metrics)
    (out_dir / "test_metrics.json").write_text(json.dumps(test_metrics, indent=2))


if __name__ == "__main__":
    main()
