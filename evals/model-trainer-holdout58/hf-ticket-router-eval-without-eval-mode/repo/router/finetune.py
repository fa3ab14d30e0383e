"""Fine-tune DistilBERT to route support tickets to queues."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from huggingface_hub import login
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    get_linear_schedule_with_warmup,
    set_seed,
)

from router.data import load_frames, make_loader

HF_TOKEN = "hf_LmnVP8mcmCzw8sZ4q9CZNAs3LgaFnEWeCJ"


def evaluate(model, loader, device) -> dict[str, float]:
    preds, labels = [], []
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(**batch).logits
            preds.append(logits.argmax(-1).cpu().numpy())
            labels.append(batch["labels"].cpu().numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(labels)
    return {"accuracy": accuracy_score(y_true, y_pred), "macro_f1": f1_score(y_true, y_pred, average="macro")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/ticket_router.json")
    parser.add_argument("--push", action="store_true")
    args = parser.parse_args()
    cfg = json.loads(Path(args.config).read_text())
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_df, val_df, test_df, classes = load_frames(cfg)
    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    train_dl = make_loader(train_df, tokenizer, cfg, shuffle=True)
    val_dl = make_loader(val_df, tokenizer, cfg, shuffle=False)
    test_dl = make_loader(test_df, tokenizer, cfg, shuffle=False)

    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["model_name"], num_labels=len(classes),
        id2label=dict(enumerate(classes)), label2id={c: i for i, c in enumerate(classes)},
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
    total_steps = len(train_dl) * cfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(optimizer, int(cfg["warmup_ratio"] * total_steps), total_steps)

    out_dir = Path(cfg["output_dir"])
    best_f1, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for step, batch in enumerate(train_dl):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: val {val}")
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            model.save_pretrained(out_dir)
            tokenizer.save_pretrained(out_dir)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model = AutoModelForSequenceClassification.from_pretrained(out_dir).to(device)
    test_metrics = evaluate(model, test_dl, device)

    tfidf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True),
                          LogisticRegression(max_iter=2000, C=4.0))
    tfidf.fit(train_df[cfg["text_column"]], train_df["label"])
    base_pred = tfidf.predict(test_df[cfg["text_column"]])
    test_metrics["tfidf_macro_f1"] = f1_score(test_df["label"], base_pred, average="macro")
    print(json.dumps(test_metrics, indent=2))
    (out_dir / "test_metrics.json").write_text(json.dumps(test_metrics, indent=2))

    if args.push:
        login(token=HF_TOKEN)
        model.push_to_hub(cfg["hub_repo"], private=True)
        tokenizer.push_to_hub(cfg["hub_repo"], private=True)


if __name__ == "__main__":
    main()
